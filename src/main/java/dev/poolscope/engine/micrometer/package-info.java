/** An optional Micrometer binder that publishes a pool's snapshot figures as meters; only this package loads Micrometer. */
package dev.poolscope.engine.micrometer;
