package dev.poolscope.engine;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles over one sampling interval.
 *
 * @param count  values recorded in the interval
 * @param p50Nanos median
 * @param p90Nanos 90th percentile
 * @param p99Nanos 99th percentile
 * @param maxNanos largest value
 * @param totalNanos sum of the values (to the histogram's precision), for rates and means
 */
public record Latency(long count, long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos, long totalNanos) {

    /** No values recorded. */
    public static final Latency EMPTY = new Latency(0, 0, 0, 0, 0, 0);

    static Latency of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Latency(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getMaxValue(), Math.round(h.getMean() * h.getTotalCount()));
    }

    /** The 99th percentile in milliseconds, for charts. */
    public double p99Millis() {
        return p99Nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

    /** The median in milliseconds. */
    public double p50Millis() {
        return p50Nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }
}
