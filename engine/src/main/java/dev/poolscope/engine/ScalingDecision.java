package dev.poolscope.engine;

/**
 * What a {@link ScalingPolicy} decided at one tick.
 *
 * @param desired     the size the policy aims at, within min and max: its intent, drawn next to the actual size
 * @param step        the most workers the pool may gain or lose this tick on the way to {@code desired}
 * @param recommended the policy's raw recommendation before stabilisation and cooldown, kept in the history
 * @param reason      the decision with the numbers used, e.g. {@code HPA: 3 workers × 41 queued per worker /
 *                    target 10 = 12.3 → 13}
 */
public record ScalingDecision(int desired, int step, int recommended, String reason) {

    /** Moves at once, however far. */
    public static final int ANY_STEP = Integer.MAX_VALUE;

    /** The size the pool moves to this tick from {@code current}. */
    public int next(int current) {
        int change = desired - current;
        return current + Math.max(-step, Math.min(step, change));
    }
}
