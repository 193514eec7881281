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
 * @param shrinkBelow the queue depth below which the pool shrinks: shrinkFactor × threshold
 * @param reason      why
 * @param explanation the scaling policy's reason with the numbers it used, or empty for changes no policy decided
 */
public record ScalingEvent(long sequence, Instant time, int sizeBefore, int sizeAfter, int queueDepth,
                           int threshold, double shrinkBelow, Reason reason, String explanation) {

    public ScalingEvent {
        explanation = explanation == null ? "" : explanation;
    }

    /** An event without a policy's explanation. */
    public ScalingEvent(long sequence, Instant time, int sizeBefore, int sizeAfter, int queueDepth, int threshold,
                        double shrinkBelow, Reason reason) {
        this(sequence, time, sizeBefore, sizeAfter, queueDepth, threshold, shrinkBelow, reason, "");
    }

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
        STUCK_REPLACED,
        /** A stuck worker was abandoned while the pool was stopping, so it was not replaced. */
        STUCK_ABANDONED,
        /** A worker thread ended because something outside its handler threw; the pool was topped up to min. */
        WORKER_LOST,
        /** The pool was below min (a worker thread could not be started earlier); the scaler topped it up. */
        BELOW_MIN_RESTORED,
        /** A scaling policy other than the threshold rule asked for more workers. */
        POLICY_GREW,
        /** A scaling policy other than the threshold rule asked for fewer; idle workers retired. */
        POLICY_SHRANK
    }

    /** True if the pool grows. */
    public boolean isGrowth() {
        return sizeAfter > sizeBefore;
    }

    /** A short sentence for logs and tooltips: the policy's explanation when there is one. */
    public String describe() {
        String sizes = " (" + sizeBefore + " → " + sizeAfter + ")";
        if (!explanation.isEmpty()) {
            return explanation + sizes;
        }
        return switch (reason) {
            case LOAD_ABOVE_THRESHOLD -> "queue " + queueDepth + " > threshold " + threshold + ": +1 worker" + sizes;
            case LOAD_BELOW_BAND -> "queue " + queueDepth + " < shrink band " + band(shrinkBelow)
                    + ": −1 idle worker" + sizes;
            case MIN_RAISED -> "min raised: workers started" + sizes;
            case MAX_LOWERED -> "max lowered: surplus retires" + sizes;
            case STUCK_REPLACED -> "stuck worker abandoned, replaced" + sizes;
            case STUCK_ABANDONED -> "stuck worker abandoned while stopping" + sizes;
            case WORKER_LOST -> "worker thread died, pool topped up to min" + sizes;
            case BELOW_MIN_RESTORED -> "pool below min, topped up" + sizes;
            case POLICY_GREW -> "scaling policy: workers added" + sizes;
            case POLICY_SHRANK -> "scaling policy: idle workers retire" + sizes;
        };
    }

    /** The band as a reader compares it with a whole queue depth: 312.75 prints as 312.75, 75.0 as 75. */
    private static String band(double value) {
        return value == Math.rint(value) ? Long.toString((long) value)
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
