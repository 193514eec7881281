package dev.poolscope.engine;

/**
 * Per-second rates between two snapshots; see {@link PoolSnapshot#minus(PoolSnapshot)}.
 *
 * @param seconds             length of the interval
 * @param submittedPerSecond  requests passed to submit per second, dropped ones included
 * @param completedPerSecond  requests completed successfully per second
 * @param failedPerSecond     requests that finally failed per second
 * @param timedOutPerSecond   requests that finally timed out per second
 * @param retriesPerSecond    attempts retried per second
 * @param droppedPerSecond    requests dropped per second, all reasons
 * @param droppedInInterval   requests dropped in the interval, all reasons
 */
public record PoolRates(double seconds, double submittedPerSecond, double completedPerSecond,
                        double failedPerSecond, double timedOutPerSecond, double retriesPerSecond,
                        double droppedPerSecond, long droppedInInterval) {
}
