package dev.poolscope.engine;

import java.util.Map;

/**
 * What changed between two snapshots, as counts and per-second rates; see {@link PoolSnapshot#minus(PoolSnapshot)}.
 * Stage counters (queued, running, waiting) are levels, not flows, so they are read from the snapshots themselves.
 *
 * @param seconds          length of the interval
 * @param submitted        requests passed to submit in the interval, dropped and unhandled ones included
 * @param completed        requests whose handler returned normally
 * @param failed           requests whose last attempt threw with no retries left
 * @param timedOut         requests whose last attempt timed out with no retries left
 * @param unhandled        requests whose type had no handler
 * @param returned         requests handed back unrun at a forced shutdown
 * @param interrupted      requests ended by a forced shutdown
 * @param dropped          requests dropped without running, by reason
 * @param retriedAttempts  attempts that were retried
 * @param stuckWorkers     workers abandoned as stuck
 */
public record PoolRates(double seconds, long submitted, long completed, long failed, long timedOut, long unhandled,
                        long returned, long interrupted, Map<DropReason, Long> dropped, long retriedAttempts,
                        long stuckWorkers) {

    public PoolRates {
        dropped = Map.copyOf(dropped);
    }

    /** Requests dropped in the interval, all reasons. */
    public long droppedInInterval() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests passed to submit per second, dropped ones included. */
    public double submittedPerSecond() {
        return submitted / seconds;
    }

    /** Requests completed successfully per second. */
    public double completedPerSecond() {
        return completed / seconds;
    }

    /** Requests that finally failed per second. */
    public double failedPerSecond() {
        return failed / seconds;
    }

    /** Requests that finally timed out per second. */
    public double timedOutPerSecond() {
        return timedOut / seconds;
    }

    /** Attempts retried per second. */
    public double retriesPerSecond() {
        return retriedAttempts / seconds;
    }

    /** Requests dropped per second, all reasons. */
    public double droppedPerSecond() {
        return droppedInInterval() / seconds;
    }
}
