package dev.poolscope.jmx;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import dev.poolscope.engine.DropReason;

/**
 * Counts drops as the pool reports them, on submitters' threads (an increment each, nothing more), and hands out
 * what was dropped since the last burst when the JMX thread asks: one notification per burst, not per drop.
 */
final class DropBursts {

    private final LongAdder[] seen = new LongAdder[DropReason.values().length];
    // Confined to the JMX thread.
    private final long[] reported = new long[seen.length];

    DropBursts() {
        for (int i = 0; i < seen.length; i++) {
            seen[i] = new LongAdder();
        }
    }

    void record(DropReason reason) {
        seen[reason.ordinal()].increment();
    }

    /** Drops by reason since the previous call, or null when there were none. */
    Map<DropReason, Long> sinceLastBurst() {
        Map<DropReason, Long> burst = new EnumMap<>(DropReason.class);
        long total = 0;
        for (DropReason r : DropReason.values()) {
            // Monotonic totals minus what was reported: no drop is lost to a race with a concurrent increment.
            long now = seen[r.ordinal()].sum();
            long delta = now - reported[r.ordinal()];
            reported[r.ordinal()] = now;
            burst.put(r, delta);
            total += delta;
        }
        return total == 0 ? null : burst;
    }
}
