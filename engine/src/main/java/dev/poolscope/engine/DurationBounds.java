package dev.poolscope.engine;

import java.math.BigDecimal;
import java.time.Duration;

/** Duration arithmetic that cannot overflow: any {@link Duration} can be printed, and a huge one means "wait". */
final class DurationBounds {

    private static final Duration LONGEST_NANOS = Duration.ofNanos(Long.MAX_VALUE);

    private DurationBounds() {
    }

    /** Nanoseconds, capped at {@code Long.MAX_VALUE} (about 292 years) and floored at zero. */
    static long saturatedNanos(Duration d) {
        if (d.isNegative()) {
            return 0;
        }
        return d.compareTo(LONGEST_NANOS) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }

    /**
     * What is left at {@code now} of a wait of {@code timeoutNanos} that began at {@code start}, both read from
     * {@link System#nanoTime()}; a timeout of zero or less is spent at once, however far below zero it is.
     */
    static long nanosLeft(long timeoutNanos, long start, long now) {
        // Not a deadline of start + timeout: near Long.MIN_VALUE that wraps round to a wait of centuries.
        return timeoutNanos <= 0 ? timeoutNanos : timeoutNanos - (now - start);
    }

    /** The value as a person reads it in a message: milliseconds when they fit, else seconds; never throws. */
    static String text(Duration d) {
        if (d.compareTo(Duration.ofDays(1)) <= 0 && d.compareTo(Duration.ofDays(-1)) >= 0) {
            long nanos = d.toNanos();
            if (nanos % 1_000_000 == 0) {
                return nanos / 1_000_000 + " ms";
            }
            if (Math.abs(nanos) < 1_000_000) {
                return nanos % 1_000 == 0 ? nanos / 1_000 + " µs" : nanos + " ns";
            }
            return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + " ms";
        }
        // Exact to the nanosecond, as the value given: a whole number of seconds would not be the value written.
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros()
                .toPlainString() + " s";
    }
}
