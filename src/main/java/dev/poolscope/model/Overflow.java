package dev.poolscope.model;

import dev.poolscope.engine.OverflowPolicy;

/**
 * What the queue's capacity did over a window: Erlang C assumes an unbounded queue, where every arrival waits its
 * turn, so a queue that filled up breaks the model in a way the policy decides.
 *
 * @param dropped     requests dropped in the window, for any reason
 * @param fullSamples level samples at which the queue was at its capacity
 * @param capacity    the queue's capacity at the window's end
 * @param policy      what the pool does with a request that finds the queue full, at the window's end
 */
public record Overflow(long dropped, int fullSamples, int capacity, OverflowPolicy policy) {

    /** True when the queue's bound showed: something was dropped or the queue was seen full. */
    public boolean reached() {
        return dropped > 0 || fullSamples > 0;
    }

    /** What the policy does with a request that finds the queue full, in plain words, naming the policy. */
    public String policyWords() {
        return switch (policy) {
            case DROP_NEWEST -> "a request that finds it full is dropped (drop-newest)";
            case DROP_OLDEST -> "a request that finds it full evicts the oldest queued one, which is dropped "
                    + "(drop-oldest)";
            case BLOCK -> "a submitter that finds it full waits up to the block timeout, then its request is dropped "
                    + "(block)";
            case CALLER_RUNS -> "a submitter that finds it full runs the request itself, so nothing is dropped and "
                    + "arrivals slow to the pool's pace (caller-runs)";
        };
    }
}
