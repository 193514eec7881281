package dev.poolscope.model;

import java.util.ArrayList;
import java.util.List;

import dev.poolscope.engine.Latency;

/**
 * Percentiles of a window estimated from its intervals' percentiles. Snapshots carry each interval's count, p50,
 * p90, p99 and max, not its histogram, so the window's distribution is taken as the count-weighted mixture of the
 * intervals' distributions, each linear between those points (and from 0 up to its p50). Unlike a mean of the
 * intervals' medians, this follows where most of the values lie: an interval of 100 waits of 14 ms beside one of
 * 1,000 waits of 0.07 ms gives a median near 0.07 ms, not 1.3 ms. Exact at an interval's own points when the
 * window holds one interval; between points it is an estimate. Not thread-safe.
 */
final class MergedPercentiles {

    private static final double[] LEVELS = {0, 0.5, 0.9, 0.99, 1};

    private final List<long[]> points = new ArrayList<>();
    private long count;
    private long highest;

    /** Adds one interval's figures; an interval with no values adds nothing. */
    void add(Latency interval) {
        if (interval.count() == 0) {
            return;
        }
        // A later point below an earlier one (rounding in the source) would make the distribution fall: clamp it.
        long[] x = {0, interval.p50Nanos(), interval.p90Nanos(), interval.p99Nanos(), interval.maxNanos()};
        for (int k = 1; k < x.length; k++) {
            x[k] = Math.max(x[k], x[k - 1]);
        }
        points.add(new long[] {interval.count(), x[0], x[1], x[2], x[3], x[4]});
        count += interval.count();
        highest = Math.max(highest, x[4]);
    }

    /** The value below which a fraction {@code q} of the window's values lie, in nanoseconds; NaN when empty. */
    double quantile(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        // The mixture's CDF rises with x, so the smallest x where it reaches q is found by halving.
        double low = 0;
        double high = highest;
        while (high - low > 0.5) {
            double mid = (low + high) / 2;
            if (fractionAtOrBelow(mid) >= q) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    private double fractionAtOrBelow(double x) {
        double below = 0;
        for (long[] p : points) {
            below += p[0] * intervalFraction(p, x);
        }
        return below / count;
    }

    /** One interval's fraction at or below {@code x ≥ 0}: p[1..5] hold its points at {@link #LEVELS}. */
    private static double intervalFraction(long[] p, double x) {
        for (int k = 1; k < LEVELS.length; k++) {
            double from = p[k];
            double to = p[k + 1];
            // Earlier segments ended at or below x, so from ≤ x here, and x < to rules out an empty segment.
            if (x < to) {
                return LEVELS[k - 1] + (LEVELS[k] - LEVELS[k - 1]) * (x - from) / (to - from);
            }
        }
        return 1;
    }
}
