package dev.poolscope.engine;

/**
 * The request counters a pool keeps. Stage counters ({@link #QUEUED}, {@link #RUNNING}, {@link #WAITING_RETRY})
 * go up and down; the others only grow. Every transition moves a request between counters in one step, so
 * {@code SUBMITTED} always equals the sum of the stage counters and the terminal counters.
 */
enum Counter {
    SUBMITTED, QUEUED, RUNNING, WAITING_RETRY,
    COMPLETED, FAILED, TIMED_OUT, UNHANDLED, RETURNED, INTERRUPTED,
    DROPPED_QUEUE_FULL, DROPPED_EVICTED, DROPPED_BLOCK_TIMEOUT, DROPPED_SHUTTING_DOWN,
    RETRIED, STUCK_WORKERS;

    static final Counter[] ALL = values();

    static Counter droppedBy(DropReason reason) {
        return switch (reason) {
            case QUEUE_FULL -> DROPPED_QUEUE_FULL;
            case EVICTED -> DROPPED_EVICTED;
            case BLOCK_TIMEOUT -> DROPPED_BLOCK_TIMEOUT;
            case SHUTTING_DOWN -> DROPPED_SHUTTING_DOWN;
        };
    }
}
