package dev.poolscope.model;

import dev.poolscope.http.BackendSettings;

/**
 * The HTTP backend's figures at one sampler tick, for the backend's charts: immutable, a few numbers only (the
 * backend's latency histograms stay with the sampler), so ten minutes of them cost little.
 *
 * @param inForce               the settings the backend answers with now (a brown-out's step included)
 * @param inFlight              calls received and not yet answered
 * @param p99Millis             99th percentile latency of the calls answered over the trailing second; 0 if none
 * @param serverErrorsPerSecond calls answered 5xx per second over the trailing second, shed 503s included
 * @param rejectedPerSecond     calls shed with an instant 503 per second over the trailing second
 */
public record BackendSample(BackendSettings inForce, int inFlight, double p99Millis, double serverErrorsPerSecond,
                            double rejectedPerSecond) {

    /** Calls answered 500 per second over the trailing second: the injected errors, the 5xx that were not shed. */
    public double errorsPerSecond() {
        return Math.max(0, serverErrorsPerSecond - rejectedPerSecond);
    }
}
