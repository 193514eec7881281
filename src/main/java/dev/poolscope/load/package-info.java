/** Headless load generation for a pool: arrival processes, simulated work, demo scenarios and the CSV format; no JavaFX. */
package dev.poolscope.load;
