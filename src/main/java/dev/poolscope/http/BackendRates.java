package dev.poolscope.http;

/**
 * The backend's figures over the interval between two {@link BackendSnapshot}s.
 *
 * @param seconds               the interval's length
 * @param answeredPerSecond     calls answered per second, whatever the status
 * @param serverErrorsPerSecond calls answered 5xx per second: injected 500s and load-shedding 503s
 * @param rejectedPerSecond     calls answered 503 because the reject limit was passed, per second
 * @param p99Millis             99th percentile latency of the calls answered in the interval; 0 if none were
 */
public record BackendRates(double seconds, double answeredPerSecond, double serverErrorsPerSecond,
                           double rejectedPerSecond, double p99Millis) {
}
