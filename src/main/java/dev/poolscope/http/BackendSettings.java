package dev.poolscope.http;

import java.time.Duration;
import java.util.Arrays;

/**
 * How the embedded backend behaves: its latency without load, its error rate, and the two concurrency limits at
 * which it degrades (see {@link LatencyModel}). Immutable and validated as a whole; an invalid value throws
 * {@link IllegalArgumentException} naming the field, the value and the allowed range.
 *
 * @param shape            how latency is spread around the mean
 * @param meanLatency      mean latency without load, 0 to {@link #MAX_MEAN_LATENCY}
 * @param errorRate        chance that a call is answered 500, 0 to 1
 * @param concurrencyLimit calls in flight it serves at full speed; above it every call slows down
 * @param rejectLimit      calls in flight above which it answers 503 at once; at least the concurrency limit
 */
public record BackendSettings(LatencyShape shape, Duration meanLatency, double errorRate, int concurrencyLimit,
                              int rejectLimit) {

    /** The longest mean latency accepted: demos stay bounded. */
    public static final Duration MAX_MEAN_LATENCY = Duration.ofSeconds(2);
    /** The highest concurrency or reject limit accepted. */
    public static final int MAX_LIMIT = 1000;

    public BackendSettings {
        if (shape == null) {
            throw invalid("shape", null, "one of " + Arrays.toString(LatencyShape.values()));
        }
        if (meanLatency == null || meanLatency.isNegative() || meanLatency.compareTo(MAX_MEAN_LATENCY) > 0) {
            throw invalid("meanLatency", meanLatency == null ? null : meanLatency.toMillis() + " ms",
                    "between 0 ms and " + MAX_MEAN_LATENCY.toMillis() + " ms");
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw invalid("errorRate", errorRate, "between 0 and 1");
        }
        if (concurrencyLimit < 1 || concurrencyLimit > MAX_LIMIT) {
            throw invalid("concurrencyLimit", concurrencyLimit, "between 1 and " + MAX_LIMIT);
        }
        if (rejectLimit < concurrencyLimit || rejectLimit > MAX_LIMIT) {
            throw invalid("rejectLimit", rejectLimit, "between concurrencyLimit (" + concurrencyLimit + ") and "
                    + MAX_LIMIT);
        }
    }

    /** A healthy service: log-normal 20 ms, no errors, full speed up to 32 calls in flight, 503 above 64. */
    public static BackendSettings healthy() {
        return new BackendSettings(LatencyShape.LOG_NORMAL, Duration.ofMillis(20), 0, 32, 64);
    }

    /** A copy with another latency shape. */
    public BackendSettings withShape(LatencyShape s) {
        return new BackendSettings(s, meanLatency, errorRate, concurrencyLimit, rejectLimit);
    }

    /** A copy with another mean latency. */
    public BackendSettings withMeanLatency(Duration mean) {
        return new BackendSettings(shape, mean, errorRate, concurrencyLimit, rejectLimit);
    }

    /** A copy with another error rate. */
    public BackendSettings withErrorRate(double rate) {
        return new BackendSettings(shape, meanLatency, rate, concurrencyLimit, rejectLimit);
    }

    /** A copy with other concurrency and reject limits. */
    public BackendSettings withLimits(int concurrency, int reject) {
        return new BackendSettings(shape, meanLatency, errorRate, concurrency, reject);
    }

    private static IllegalArgumentException invalid(String field, Object value, String allowed) {
        return new IllegalArgumentException(field + " = " + value + " is not allowed: must be " + allowed);
    }
}
