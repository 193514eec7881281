package dev.poolscope.engine.micrometer;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Latency;
import dev.poolscope.engine.PoolListener;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.engine.SnapshotReader;

/**
 * The figures every meter reads: one snapshot of the pool, taken at most once per {@code maxAgeNanos} so that a
 * scrape reads all meters from the same cut, plus the running totals that a snapshot alone does not hold (latency
 * sums, added up from this binder's own {@link SnapshotReader}, whose latencies cover the interval since its
 * previous read, and scaling events by reason).
 */
final class Readings {

    /** One cut and the totals up to it; immutable, so meters never see half an update. */
    record Reading(PoolSnapshot snapshot, long takenNanos, Totals runTime, Totals queueWait,
                   Map<ScalingEvent.Reason, Long> scalingEvents) {
    }

    /** Cumulative count and summed time of a latency, from the engine's per-interval histograms. */
    record Totals(long count, long totalNanos) {
        static final Totals NONE = new Totals(0, 0);

        Totals plus(Latency interval) {
            return new Totals(count + interval.count(), totalNanos + interval.totalNanos());
        }
    }

    private final Supplier<PoolSnapshot> source;
    private final long maxAgeNanos;
    // Written under this; volatile so meters read the latest reading without locking when it is fresh.
    private volatile Reading current;
    // Guarded by this: scaling events by reason, heard by a listener (the pool's log keeps only the latest ones,
    // which a slow scrape would outrun), after those the log still held when this binder began.
    private final Map<ScalingEvent.Reason, Long> scaling = new EnumMap<>(ScalingEvent.Reason.class);
    private long countedFromLog;

    Readings(Dispatcher pool, long maxAgeNanos) {
        SnapshotReader reader = pool.openReader();
        this.source = reader::read;
        this.maxAgeNanos = maxAgeNanos;
        for (ScalingEvent.Reason reason : ScalingEvent.Reason.values()) {
            scaling.put(reason, 0L);
        }
        // Holding this, so that the listener counts only what the log read here did not hold.
        synchronized (this) {
            pool.addListener(new PoolListener() {
                @Override
                public void onScaling(ScalingEvent event) {
                    heard(event);
                }
            });
            for (ScalingEvent e : pool.scalingEventsSince(0)) {
                scaling.merge(e.reason(), 1L, Long::sum);
                countedFromLog = Math.max(countedFromLog, e.sequence());
            }
        }
    }

    private synchronized void heard(ScalingEvent event) {
        if (event.sequence() > countedFromLog) {
            scaling.merge(event.reason(), 1L, Long::sum);
        }
    }

    /** The current reading, refreshed first if it is older than the maximum age. */
    Reading get() {
        Reading r = current;
        if (r != null && System.nanoTime() - r.takenNanos() < maxAgeNanos) {
            return r;
        }
        synchronized (this) {
            r = current;
            if (r != null && System.nanoTime() - r.takenNanos() < maxAgeNanos) {
                return r;
            }
            return refresh();
        }
    }

    /** Takes a new cut now and makes it the current reading. */
    synchronized Reading refresh() {
        Reading previous = current;
        PoolSnapshot s = source.get();
        Totals run = previous == null ? Totals.NONE : previous.runTime();
        Totals wait = previous == null ? Totals.NONE : previous.queueWait();
        Reading next = new Reading(s, System.nanoTime(), run.plus(s.runTime()), wait.plus(s.queueWait()),
                Map.copyOf(scaling));
        current = next;
        return next;
    }
}
