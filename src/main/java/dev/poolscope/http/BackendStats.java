package dev.poolscope.http;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** Records the backend's answers; every field is guarded by this object's monitor, so a snapshot is one cut. */
final class BackendStats {

    private static final long LOWEST_NANOS = TimeUnit.MICROSECONDS.toNanos(1);
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Histogram latencies = new Histogram(LOWEST_NANOS, HIGHEST_NANOS, 2);
    private int inFlight;
    private long answered;
    private long serverErrors;
    private long rejected;

    /** Counts a call in; returns the calls now in flight, this one included. */
    synchronized int arrive() {
        return ++inFlight;
    }

    /** Counts a call out, answered with {@code status} {@code nanos} after it arrived; {@code shed}: a fast 503. */
    synchronized void answer(int status, long nanos, boolean shed) {
        inFlight--;
        answered++;
        if (status >= 500) {
            serverErrors++;
        }
        if (shed) {
            rejected++;
        }
        latencies.recordValue(Math.max(LOWEST_NANOS, Math.min(HIGHEST_NANOS, nanos)));
    }

    synchronized BackendSnapshot snapshot() {
        return new BackendSnapshot(System.nanoTime(), inFlight, answered, serverErrors, rejected, latencies.copy());
    }
}
