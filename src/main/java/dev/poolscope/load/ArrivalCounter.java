package dev.poolscope.load;

import java.util.random.RandomGenerator;

/**
 * Turns elapsed time into a number of arrivals due, for a generator that wakes periodically rather than once per
 * request. Both processes accumulate "expected arrivals" ({@code rate × dt}) and release one arrival each time the
 * accumulated credit passes a threshold: a threshold of exactly 1 gives evenly spaced (constant) arrivals with the
 * fraction carried over; a fresh Exp(1) threshold per arrival gives a Poisson process. Measuring credit in expected
 * arrivals rather than seconds keeps the process correct when the rate changes between wakeups.
 *
 * <p>Not thread-safe: owned by the generator thread.
 */
final class ArrivalCounter {

    private final RandomGenerator random;
    private double credit;
    private double threshold = 1;
    private Arrivals lastProcess;

    ArrivalCounter(RandomGenerator random) {
        this.random = random;
    }

    /**
     * Arrivals due after {@code seconds} more at {@code ratePerSecond}, at most {@code cap}; credit beyond the cap
     * is forgotten, so a stalled generator resumes at its rate instead of firing the backlog as one burst.
     */
    int due(Arrivals process, double ratePerSecond, double seconds, int cap) {
        if (process != lastProcess) {
            lastProcess = process;
            threshold = nextThreshold(process);
        }
        credit += ratePerSecond * Math.max(0, seconds);
        int n = 0;
        while (credit >= threshold && n < cap) {
            credit -= threshold;
            threshold = nextThreshold(process);
            n++;
        }
        if (n == cap) {
            credit = Math.min(credit, threshold);
        }
        return n;
    }

    /** Forgets carried-over credit, e.g. after a pause. */
    void reset() {
        credit = 0;
    }

    private double nextThreshold(Arrivals process) {
        return process == Arrivals.POISSON ? random.nextExponential() : 1.0;
    }
}
