package dev.poolscope.engine;

/** What {@link Dispatcher#submit} does with a request that finds the queue full. */
public enum OverflowPolicy {
    /** Refuse the new request: its future completes at once with {@code Dropped(QUEUE_FULL)}. */
    DROP_NEWEST,
    /** Evict the oldest queued request ({@code Dropped(EVICTED)}) to make room for the new one. */
    DROP_OLDEST,
    /**
     * Block the submitter up to {@link PoolConfig#blockTimeout()}, then drop with {@code BLOCK_TIMEOUT}; a submitter
     * interrupted while it waits stops waiting, its request dropped with {@code QUEUE_FULL} and its interrupt still
     * set. A submitter already waiting follows a change at once: a new block timeout counts from when it began to
     * wait, and another policy applies to its request as to a new one.
     */
    BLOCK,
    /** Run the request in the submitting thread; this slows producers down to the pool's pace. */
    CALLER_RUNS
}
