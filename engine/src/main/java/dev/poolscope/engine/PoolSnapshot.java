package dev.poolscope.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable, consistent picture of a pool at one moment. Counters are cumulative since the pool started.
 * Latency percentiles cover {@link #latencyWindow()}: the pool's whole life for {@link Dispatcher#snapshot()},
 * the time since the reader's previous read for {@link SnapshotReader#read()}. Use {@link #minus(PoolSnapshot)}
 * for what changed between two snapshots, with rates.
 *
 * <p>The request counters form one consistent cut, so at every snapshot
 * {@code submitted = completed + failed + timedOut + dropped + unhandled + returned + interrupted + queued
 * + running + waitingForRetry} exactly; {@link #unaccounted()} is that difference and is always zero.
 *
 * @param takenAt          wall-clock time of the snapshot
 * @param nanoTime         {@link System#nanoTime()} at the snapshot, for rates
 * @param config           the config in force
 * @param state            the lifecycle state
 * @param poolSize         live workers, busy or idle (abandoned stuck workers excluded)
 * @param busyWorkers      workers running an attempt right now
 * @param queueCapacity    the queue's capacity
 * @param submitted        requests ever passed to submit, including dropped and unhandled ones
 * @param queued           requests waiting in the queue for a worker
 * @param running          attempts running on a worker or, under CALLER_RUNS, on a submitter
 * @param waitingForRetry  requests holding no worker while they wait out a retry backoff
 * @param completed        requests whose handler returned normally (on any attempt)
 * @param failed           requests whose last attempt threw and that had no retries left
 * @param timedOut         requests whose last attempt ran past its timeout and had no retries left
 * @param unhandled        requests whose type had no handler
 * @param returned         requests still queued at a forced shutdown, handed back unrun
 * @param interrupted      requests running or waiting to retry when a forced shutdown stopped them
 * @param dropped          requests dropped without running, by reason
 * @param retriedAttempts  attempts that were retried (a request retried twice counts two)
 * @param stuckWorkers     workers abandoned because their handler ignored the interrupt past the grace
 * @param queueWait        time from enqueue to a worker picking the request up, per attempt, over the latency window
 * @param runTime          time a handler ran per attempt, over the latency window (abandoned attempts excluded)
 * @param latencyWindow    how far back the latency figures reach, ending at this snapshot
 */
public record PoolSnapshot(
        Instant takenAt, long nanoTime, PoolConfig config, PoolState state,
        int poolSize, int busyWorkers, int queueCapacity,
        long submitted, long queued, long running, long waitingForRetry,
        long completed, long failed, long timedOut, long unhandled, long returned, long interrupted,
        Map<DropReason, Long> dropped, long retriedAttempts, long stuckWorkers,
        Latency queueWait, Latency runTime, Duration latencyWindow) {

    public PoolSnapshot {
        dropped = Map.copyOf(dropped);
    }

    static PoolSnapshot of(long[] c, Instant takenAt, long nanoTime, PoolConfig config, PoolState state,
                           int poolSize, int busyWorkers, Latency queueWait, Latency runTime,
                           Duration latencyWindow) {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            drops.put(r, c[Counter.droppedBy(r).ordinal()]);
        }
        return new PoolSnapshot(takenAt, nanoTime, config, state, poolSize, busyWorkers, config.queueCapacity(),
                c[Counter.SUBMITTED.ordinal()], c[Counter.QUEUED.ordinal()], c[Counter.RUNNING.ordinal()],
                c[Counter.WAITING_RETRY.ordinal()], c[Counter.COMPLETED.ordinal()], c[Counter.FAILED.ordinal()],
                c[Counter.TIMED_OUT.ordinal()], c[Counter.UNHANDLED.ordinal()], c[Counter.RETURNED.ordinal()],
                c[Counter.INTERRUPTED.ordinal()], drops, c[Counter.RETRIED.ordinal()],
                c[Counter.STUCK_WORKERS.ordinal()], queueWait, runTime, latencyWindow);
    }

    /** Workers waiting for a request. */
    public int idleWorkers() {
        return Math.max(0, poolSize - busyWorkers);
    }

    /** Requests dropped for any reason. */
    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests dropped for one reason. */
    public long dropped(DropReason reason) {
        return dropped.getOrDefault(reason, 0L);
    }

    /** Requests that have their final outcome. */
    public long finished() {
        return completed + failed + timedOut + droppedTotal() + unhandled + returned + interrupted;
    }

    /** Requests inside the pool: queued, running or waiting to retry. */
    public long inFlight() {
        return queued + running + waitingForRetry;
    }

    /** Submitted requests neither finished nor in flight; the pool guarantees zero. */
    public long unaccounted() {
        return submitted - finished() - inFlight();
    }

    /** True when every submitted request is accounted for and no stage counter is negative. */
    public boolean invariantHolds() {
        return unaccounted() == 0 && queued >= 0 && running >= 0 && waitingForRetry >= 0;
    }

    /** What changed between {@code earlier} and this snapshot: every counter's difference, and rates. */
    public PoolRates minus(PoolSnapshot earlier) {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            drops.put(r, dropped(r) - earlier.dropped(r));
        }
        return new PoolRates(Math.max(1e-9, (nanoTime - earlier.nanoTime) / 1e9),
                submitted - earlier.submitted, completed - earlier.completed, failed - earlier.failed,
                timedOut - earlier.timedOut, unhandled - earlier.unhandled, returned - earlier.returned,
                interrupted - earlier.interrupted, drops, retriedAttempts - earlier.retriedAttempts,
                stuckWorkers - earlier.stuckWorkers);
    }
}
