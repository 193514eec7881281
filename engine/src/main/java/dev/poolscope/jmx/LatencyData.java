package dev.poolscope.jmx;

import dev.poolscope.engine.Latency;

/**
 * Latency percentiles over one interval, as JMX clients read them (an open-type composite).
 *
 * @param count    values recorded in the interval
 * @param p50Nanos median, in nanoseconds
 * @param p90Nanos 90th percentile, in nanoseconds
 * @param p99Nanos 99th percentile, in nanoseconds
 * @param maxNanos largest value, in nanoseconds
 */
public record LatencyData(long count, long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos) {

    static LatencyData of(Latency l) {
        return new LatencyData(l.count(), l.p50Nanos(), l.p90Nanos(), l.p99Nanos(), l.maxNanos());
    }
}
