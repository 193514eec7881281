package dev.poolscope.compare;

/**
 * One pool's running score in an A/B comparison, over the load so far; lower is better in every figure but
 * {@code received}, which is the same for both pools when they are fed one load.
 *
 * @param received      requests the pool was handed, dropped ones included
 * @param waitP99Millis 99th percentile of the time attempts waited in the queue, over the whole run
 * @param dropped       requests dropped without running (the queue was full, or the pool stopping)
 * @param timedOut      requests whose last attempt ran past the timeout
 * @param workerSeconds the pool's size integrated over the run: what its workers cost
 * @param scalingEvents times the pool changed its size
 */
public record Score(long received, double waitP99Millis, long dropped, long timedOut, double workerSeconds,
                    long scalingEvents) {

    /** Before any request: all zero. */
    public static final Score NONE = new Score(0, 0, 0, 0, 0, 0);

    /** Requests that got no answer in time: dropped plus timed out. */
    public long lost() {
        return dropped + timedOut;
    }
}
