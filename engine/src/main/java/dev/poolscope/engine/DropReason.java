package dev.poolscope.engine;

/** Why a request was dropped without running. */
public enum DropReason {
    /** The queue was full and the policy was {@link OverflowPolicy#DROP_NEWEST}. */
    QUEUE_FULL,
    /** A newer request pushed it out of a full queue under {@link OverflowPolicy#DROP_OLDEST}. */
    EVICTED,
    /** The submitter waited {@link PoolConfig#blockTimeout()} under {@link OverflowPolicy#BLOCK} for space. */
    BLOCK_TIMEOUT,
    /** It was submitted after shutdown began. */
    SHUTTING_DOWN
}
