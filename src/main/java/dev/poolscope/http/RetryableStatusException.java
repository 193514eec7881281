package dev.poolscope.http;

import java.util.Set;

/**
 * The backend answered with a status worth retrying (502, 503 or 504: it is overloaded or a hop failed, and the
 * same call may well succeed a moment later). Thrown by the proxy handler so the pool retries the request; a
 * request whose every attempt ends this way fails with it as the cause.
 */
public final class RetryableStatusException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Statuses the proxy retries; every other status is an answer, passed on as it is. */
    public static final Set<Integer> RETRYABLE = Set.of(502, 503, 504);

    private final int status;

    RetryableStatusException(int status, long callNanos) {
        super("backend answered " + status + " after " + callNanos / 1000 / 1000.0 + " ms", null, false, false);
        this.status = status;
    }

    /** The status the backend answered. */
    public int status() {
        return status;
    }
}
