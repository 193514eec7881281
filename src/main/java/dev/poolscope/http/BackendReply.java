package dev.poolscope.http;

import java.time.Duration;

/**
 * What the backend answered to one proxied call: the value of a proxy request's {@code Outcome.Completed}.
 *
 * @param status      the backend's HTTP status (never a retryable one: those are retried or fail the request)
 * @param callNanos   how long the call took, send to answer
 */
public record BackendReply(int status, long callNanos) {

    /** The call's duration. */
    public Duration callTime() {
        return Duration.ofNanos(callNanos);
    }
}
