package dev.poolscope.engine;

import java.time.Instant;

/**
 * One decision that changed (or will change) the number of workers.
 *
 * @param sequence    increases by one per event of this pool, for readers that poll
 * @param time        when the decision was taken
 * @param sizeBefore  pool size before the decision
 * @param sizeAfter   pool size the decision aims at
 * @param queueDepth  queued requests when it was taken
 * @param threshold   the load threshold in force
 * @param reason      why
 */
public record ScalingEvent(long sequence, Instant time, int sizeBefore, int sizeAfter, int queueDepth,
                           int threshold, Reason reason) {

    /** What made the pool change size. */
    public enum Reason {
        /** More requests were queued than the load threshold: one worker added. */
        LOAD_ABOVE_THRESHOLD,
        /** Fewer than shrinkFactor × threshold were queued: one idle worker retired. */
        LOAD_BELOW_BAND,
        /** minWorkers was raised above the pool size: workers started at once. */
        MIN_RAISED,
        /** maxWorkers was lowered below the pool size: the surplus retires as each finishes its request. */
        MAX_LOWERED,
        /** A worker stuck in a handler that ignored interruption was abandoned and replaced. */
        STUCK_REPLACED
    }

    /** True if the pool grows. */
    public boolean isGrowth() {
        return sizeAfter > sizeBefore;
    }

    /** A short sentence for logs and tooltips. */
    public String describe() {
        String sizes = " (" + sizeBefore + " → " + sizeAfter + ")";
        return switch (reason) {
            case LOAD_ABOVE_THRESHOLD -> "queue " + queueDepth + " > threshold " + threshold + ": +1 worker" + sizes;
            case LOAD_BELOW_BAND -> "queue " + queueDepth + " under band of " + threshold + ": −1 idle worker" + sizes;
            case MIN_RAISED -> "min raised: workers started" + sizes;
            case MAX_LOWERED -> "max lowered: surplus retires" + sizes;
            case STUCK_REPLACED -> "stuck worker abandoned, replaced" + sizes;
        };
    }
}
