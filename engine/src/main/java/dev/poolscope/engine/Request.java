package dev.poolscope.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * A unit of work: a type that selects the {@link Handler}, a payload for it, and optional per-request limits
 * that override the pool's defaults.
 *
 * @param type       selects the handler registered under the same name
 * @param payload    passed to the handler as is; may be null
 * @param timeout    how long one attempt may run, zero for no limit, or null for the pool's default
 * @param maxRetries retries after a failed or timed-out attempt, or -1 for the pool's default
 */
public record Request(String type, Object payload, Duration timeout, int maxRetries) {

    /** Stands for "use the pool's default" in {@link #maxRetries()}. */
    public static final int DEFAULT_RETRIES = -1;

    public Request {
        Objects.requireNonNull(type, "type");
        if (timeout != null) {
            PoolConfig.checkDuration("timeout", timeout, Duration.ZERO, PoolConfig.DURATION_LIMIT);
        }
        if (maxRetries < DEFAULT_RETRIES || maxRetries > PoolConfig.RETRY_LIMIT) {
            throw new IllegalArgumentException("maxRetries = " + maxRetries + " is not allowed: must be between 0 and "
                    + PoolConfig.RETRY_LIMIT + " (or -1 for the pool's default)");
        }
    }

    /** A request that uses the pool's default timeout and retries. */
    public static Request of(String type, Object payload) {
        return new Request(type, payload, null, DEFAULT_RETRIES);
    }

    /** This request with its own attempt timeout (zero: no limit). */
    public Request withTimeout(Duration limit) {
        return new Request(type, payload, limit, maxRetries);
    }

    /** This request with its own retry limit. */
    public Request withMaxRetries(int retries) {
        return new Request(type, payload, timeout, retries);
    }
}
