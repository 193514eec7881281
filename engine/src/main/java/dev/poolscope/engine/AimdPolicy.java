package dev.poolscope.engine;

import java.time.Duration;

/**
 * Additive increase, multiplicative decrease, after Netflix's concurrency limits, applied to workers: the signal is
 * the handlers' run time, which more workers can make worse (a saturated downstream), not the queue wait.
 * <ul>
 *   <li>+1 worker per tick while every worker is busy, requests are queued and run-time p99 is under
 *       {@code runTimeTarget};</li>
 *   <li>× {@code backoffFactor} (at least −1) at once when run-time p99 rises above the target or requests time
 *       out, then not again for {@code backoffGap}, so the next decrease sees latencies measured after this one;</li>
 *   <li>× {@code backoffFactor} too once nothing is queued and under half the workers are busy on average, but
 *       only to the highest such aim over {@code downscaleWindow}, as the other policies shrink.</li>
 * </ul>
 *
 * @param runTimeTarget   the run-time p99 above which the pool backs off
 * @param backoffFactor   what a decrease multiplies the pool by, in (0, 1)
 * @param backoffGap      the least time between two latency back-offs
 * @param downscaleWindow how far back the highest recommendation is taken when shrinking for idleness
 * @param cooldown        the least time between two changes of size
 */
public record AimdPolicy(Duration runTimeTarget, double backoffFactor, Duration backoffGap, Duration downscaleWindow,
                         Duration cooldown) implements ScalingPolicy {

    public AimdPolicy {
        PoolConfig.checkDuration("runTimeTarget", runTimeTarget, Duration.ofNanos(1), PoolConfig.DURATION_LIMIT);
        Decisions.checkFraction("backoffFactor", backoffFactor, 0, 0.99, false);
        Decisions.checkWindow("backoffGap", backoffGap);
        Decisions.checkWindow("downscaleWindow", downscaleWindow);
        Decisions.checkWindow("cooldown", cooldown);
    }

    /** Run-time p99 target 100 ms, × 0.9, a 1 s gap between back-offs, a 3 s down window, no cooldown. */
    public static AimdPolicy defaults() {
        return new AimdPolicy(Duration.ofMillis(100), 0.9, Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ZERO);
    }

    @Override
    public String name() {
        return "aimd";
    }

    @Override
    public String settings() {
        return "run-time p99 target " + Decisions.seconds(runTimeTarget) + ", × " + Decisions.num(backoffFactor, 3)
                + " every " + Decisions.seconds(backoffGap) + " at most, down window "
                + Decisions.seconds(downscaleWindow) + ", cooldown " + Decisions.seconds(cooldown);
    }

    @Override
    public String summary() {
        return "AIMD: +1 worker per tick while all are busy, requests queue and run time is healthy; × factor when "
                + "run-time p99 passes its target or requests time out. Protects a fragile downstream.";
    }

    @Override
    public ScalingDecision decide(ScalingInput in, ScalingHistory history) {
        int current = in.workers();
        int decreased = Math.min(current - 1, (int) Math.floor(current * backoffFactor));
        long target = runTimeTarget.toNanos();
        String p99 = "run p99 " + Decisions.millis(in.runP99Nanos());
        boolean slow = in.runP99Nanos() > target;
        if (slow || in.timeouts() > 0) {
            String cause = slow ? p99 + " > " + Decisions.seconds(runTimeTarget) : in.timeouts() + " timed out";
            long last = history.lastDecreaseNanos();
            if (last != ScalingHistory.NEVER && in.nanoTime() - last < backoffGap.toNanos()) {
                return Decisions.settle("AIMD: " + cause + ", backed off less than " + Decisions.seconds(backoffGap)
                        + " ago: hold", in, history, current, Duration.ZERO, cooldown, 0);
            }
            return Decisions.settle("AIMD: " + cause + ", × " + Decisions.num(backoffFactor, 3), in, history,
                    decreased, Duration.ZERO, cooldown, ScalingDecision.ANY_STEP);
        }
        if (in.busyWorkers() >= current && in.queued() > 0) {
            return Decisions.settle("AIMD: all " + current + " busy, " + in.queued() + " queued, " + p99 + " ≤ "
                    + Decisions.seconds(runTimeTarget) + ", +1", in, history, current + 1, downscaleWindow, cooldown, 1);
        }
        if (in.queued() == 0 && in.meanBusyWorkers() < current / 2.0) {
            return Decisions.settle("AIMD: nothing queued, " + Decisions.num(in.meanBusyWorkers()) + " of " + current
                    + " busy on average, × " + Decisions.num(backoffFactor, 3), in, history, decreased,
                    downscaleWindow, cooldown, ScalingDecision.ANY_STEP);
        }
        return Decisions.settle("AIMD: " + in.busyWorkers() + " of " + current + " busy, " + in.queued() + " queued, "
                + p99 + ": hold", in, history, current, downscaleWindow, cooldown, 0);
    }
}
