package dev.poolscope.engine;

/** Why a request was dropped without running. */
public enum DropReason {
    /**
     * The queue was full and the request did not wait for room: the policy was {@link OverflowPolicy#DROP_NEWEST},
     * or it was {@link OverflowPolicy#BLOCK} and the submitter was interrupted while it waited (its interrupt stays
     * set).
     */
    QUEUE_FULL,
    /** A newer request pushed it out of a full queue under {@link OverflowPolicy#DROP_OLDEST}. */
    EVICTED,
    /** The submitter waited its whole {@link PoolConfig#blockTimeout()} under {@link OverflowPolicy#BLOCK}. */
    BLOCK_TIMEOUT,
    /** It was submitted after shutdown began. */
    SHUTTING_DOWN
}
