package dev.poolscope.compare;

import dev.poolscope.engine.PoolSnapshot;

/**
 * Keeps one pool's {@link Score} from a series of its whole-life snapshots ({@code Dispatcher.snapshot()}): the
 * counters and the p99 wait are the snapshot's own, worker-seconds are the pool's size integrated from one
 * snapshot to the next (the size seen at the earlier one, held until the later one). Counting starts at the first
 * snapshot observed. Not thread-safe: one caller (the FX thread's sampling tick).
 */
public final class ScoreKeeper {

    private static final long NEVER = Long.MIN_VALUE;

    private final long eventsBefore;
    private long lastNanos = NEVER;
    private int lastSize;
    private double workerNanos;

    /** A keeper whose scaling events count from {@code eventsBefore}, the pool's event count when the load began. */
    public ScoreKeeper(long eventsBefore) {
        this.eventsBefore = eventsBefore;
    }

    /** Adds {@code wholeLife} (taken after the previous one) and returns the score so far. */
    public Score observe(PoolSnapshot wholeLife, long scalingEvents) {
        long now = wholeLife.nanoTime();
        if (lastNanos != NEVER) {
            workerNanos += (double) lastSize * Math.max(0, now - lastNanos);
        }
        lastNanos = now;
        lastSize = wholeLife.poolSize();
        return new Score(wholeLife.submitted(), wholeLife.queueWait().p99Millis(), wholeLife.droppedTotal(),
                wholeLife.timedOut(), workerNanos / 1e9, Math.max(0, scalingEvents - eventsBefore));
    }
}
