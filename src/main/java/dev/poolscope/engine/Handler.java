package dev.poolscope.engine;

/**
 * Does the work for one request type. Runs on a pool worker; must respond to interruption, because a timed-out
 * attempt is interrupted, and a handler that keeps running past the grace period costs the pool a thread.
 */
@FunctionalInterface
public interface Handler {

    /** Handles one attempt; a thrown exception fails the attempt, which is retried if the request allows. */
    Object handle(Request request) throws Exception;
}
