/** An optional Micrometer binder publishing a pool's snapshot figures as meters; only it loads Micrometer. */
package dev.poolscope.engine.micrometer;
