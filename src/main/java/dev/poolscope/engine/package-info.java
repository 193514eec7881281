/** The self-scaling worker pool: dispatcher, config, requests and outcomes, snapshots and events; no JavaFX. */
package dev.poolscope.engine;
