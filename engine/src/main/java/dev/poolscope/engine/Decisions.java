package dev.poolscope.engine;

import java.time.Duration;

/**
 * The steps every policy shares once it has its raw recommendation: scale-down stabilisation, the min/max clamp and
 * the cooldown, each adding its part to the reason so a reader sees which one bound the result.
 */
final class Decisions {

    private Decisions() {
    }

    /**
     * Settles {@code raw} into a decision:
     * 1. below the current size, the highest recommendation over {@code downWindow} wins (never above the current
     *    size), so one quiet tick cannot shrink the pool;
     * 2. the result is clamped to min and max;
     * 3. within {@code cooldown} of the last change the pool holds (step 0), though the intent is still shown.
     */
    static ScalingDecision settle(String maths, ScalingInput in, ScalingHistory history, int raw,
                                  Duration downWindow, Duration cooldown, int step) {
        int current = in.workers();
        int desired = raw;
        StringBuilder why = new StringBuilder(maths.length() + 48).append(maths).append(" → ").append(raw);
        if (raw < current && !downWindow.isZero()) {
            int highest = history.highestSince(in.nanoTime() - downWindow.toNanos(), raw);
            desired = Math.min(current, highest);
            if (desired != raw) {
                why.append("; highest in the last ").append(seconds(downWindow)).append(": ").append(desired);
            }
        }
        PoolConfig c = in.config();
        if (desired > c.maxWorkers()) {
            desired = c.maxWorkers();
            why.append("; max ").append(desired);
        } else if (desired < c.minWorkers()) {
            desired = c.minWorkers();
            why.append("; min ").append(desired);
        }
        if (desired != current && history.changedWithin(in.nanoTime(), cooldown)) {
            why.append("; cooling down (").append(seconds(cooldown)).append(')');
            step = 0;
        }
        return new ScalingDecision(desired, step, raw, why.toString());
    }

    /** A number with at most {@code places} decimals and no trailing zeros: 12.3, 13, 0.41. */
    static String num(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        double scale = Math.pow(10, places);
        // Half-up like Math.round, but in doubles: Math.round saturates at Long.MAX_VALUE and turned 1e20 into
        // 922337203685477630.
        double rounded = Math.floor(v * scale + 0.5) / scale;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return Long.toString((long) rounded);
        }
        return java.math.BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString();
    }

    /** A number with one decimal at most. */
    static String num(double v) {
        return num(v, 1);
    }

    /** Milliseconds for a reason, e.g. {@code 12.5 ms}. */
    static String millis(long nanos) {
        return num(nanos / 1e6, 2) + " ms";
    }

    /** A duration for a reason, exact: {@code 3 s}, {@code 250 ms}, {@code 1.5 ms}, {@code 2500.5 ms}. */
    static String seconds(Duration d) {
        return d.getNano() == 0 ? d.getSeconds() + " s" : DurationBounds.text(d);
    }

    static void checkFraction(String field, double value, double lowest, double highest, boolean lowestAllowed) {
        boolean ok = lowestAllowed ? value >= lowest && value <= highest : value > lowest && value <= highest;
        if (!ok) {
            // The value as given, not rounded: 0.5000001 rounded to 0.5 would read as inside the range.
            throw PoolConfig.invalid(field, exact(value), (lowestAllowed ? "between " : "greater than ")
                    + num(lowest, 6) + (lowestAllowed ? " and " : " and at most ") + num(highest, 6));
        }
    }

    /** Every digit a double has, without an exponent: 0.5000001, 1.0E-7 as 0.0000001, 12 for 12.0. */
    private static String exact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static void checkWindow(String field, Duration value) {
        PoolConfig.checkDuration(field, value, Duration.ZERO, PoolConfig.DURATION_LIMIT);
    }
}
