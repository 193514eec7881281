package dev.poolscope.http;

import org.HdrHistogram.Histogram;

/**
 * The backend's figures at one moment: one consistent cut, immutable, safe to share. Counters count calls
 * answered since the backend started; {@link #minus} turns two snapshots into an interval's rates and p99.
 */
public final class BackendSnapshot {

    private final long nanoTime;
    private final int inFlight;
    private final long answered;
    private final long serverErrors;
    private final long rejected;
    // A private copy, never written after construction.
    private final Histogram latencies;

    BackendSnapshot(long nanoTime, int inFlight, long answered, long serverErrors, long rejected,
                    Histogram latencies) {
        this.nanoTime = nanoTime;
        this.inFlight = inFlight;
        this.answered = answered;
        this.serverErrors = serverErrors;
        this.rejected = rejected;
        this.latencies = latencies;
    }

    /** When it was taken, on the {@link System#nanoTime()} clock. */
    public long nanoTime() {
        return nanoTime;
    }

    /** Calls received and not yet answered. */
    public int inFlight() {
        return inFlight;
    }

    /** Calls answered, whatever the status. */
    public long answered() {
        return answered;
    }

    /** Calls answered with a 5xx status: injected 500s and load-shedding 503s. */
    public long serverErrors() {
        return serverErrors;
    }

    /** Calls answered 503 at once because more than the reject limit were in flight. */
    public long rejected() {
        return rejected;
    }

    /** 99th percentile latency, arrival to answer, over every call answered; 0 before the first. */
    public double p99Millis() {
        return p99Millis(latencies);
    }

    /** The rates and p99 over the interval since {@code earlier}. */
    public BackendRates minus(BackendSnapshot earlier) {
        double seconds = Math.max(1e-9, (nanoTime - earlier.nanoTime) / 1e9);
        Histogram interval = latencies.copy();
        interval.subtract(earlier.latencies);
        return new BackendRates(seconds, (answered - earlier.answered) / seconds,
                (serverErrors - earlier.serverErrors) / seconds, (rejected - earlier.rejected) / seconds,
                p99Millis(interval));
    }

    private static double p99Millis(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99) / 1e6;
    }
}
