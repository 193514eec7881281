/** A/B comparison of two pools on one load: their running scores, the leader, and each policy's target; no JavaFX. */
package dev.poolscope.compare;
