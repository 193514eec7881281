package dev.poolscope.model;

import java.util.Locale;

import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.PoolSnapshot;

/**
 * Turns per-tick drop counts into two log lines per burst, when it starts and when it ends: drops are far too many
 * to log one by one, and a burst (consecutive ticks with drops) is what a person tuning the pool wants to see.
 */
final class DropBurstTracker {

    private long inBurst;
    private double burstStart;
    private PoolSnapshot burstFrom;

    /** Feeds one tick; returns a log message when a burst has just started or ended, else null. */
    String observe(double seconds, PoolSnapshot previous, PoolSnapshot current) {
        long dropped = current.droppedTotal() - previous.droppedTotal();
        if (dropped > 0) {
            boolean starts = inBurst == 0;
            if (starts) {
                burstStart = seconds;
                burstFrom = previous;
            }
            inBurst += dropped;
            return starts ? "drops began: " + reasons(previous, current) : null;
        }
        if (inBurst == 0) {
            return null;
        }
        String message = String.format("drop burst: %,d dropped over %.1f s (%s)", inBurst, seconds - burstStart,
                reasons(burstFrom, current));
        inBurst = 0;
        return message;
    }

    private static String reasons(PoolSnapshot from, PoolSnapshot to) {
        StringBuilder out = new StringBuilder();
        for (DropReason r : DropReason.values()) {
            long n = to.dropped(r) - from.dropped(r);
            if (n > 0) {
                out.append(out.length() == 0 ? "" : ", ").append(r.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .append(' ').append(String.format("%,d", n));
            }
        }
        return out.toString();
    }
}
