package dev.poolscope.engine;

/**
 * Does the work for one request type. Runs on a pool worker; must respond to interruption, because a timed-out
 * attempt is interrupted, and a handler that keeps running past the grace period costs the pool a thread.
 */
@FunctionalInterface
public interface Handler {

    /** Handles one attempt; a thrown exception fails the attempt, which is retried if the request allows. */
    Object handle(Request request) throws Exception;

    /**
     * Handles attempt number {@code attempt} (1 for the first); the pool calls this one. Override it when retries
     * should behave differently from first attempts; by default it is {@link #handle(Request)}.
     */
    default Object handleAttempt(Request request, int attempt) throws Exception {
        return handle(request);
    }
}
