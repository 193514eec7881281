package dev.poolscope.engine;

import java.time.Duration;

/**
 * KEDA's queue scaler: {@code desired = ceil(outstanding / target per worker)} in one jump, with the HPA's
 * scale-down stabilisation underneath. Outstanding counts the queued requests and the running ones, as a broker's
 * queue length counts unacknowledged messages: queued alone falls to zero whenever the pool keeps up, which would
 * send the pool to min and back on every tick of a steady load.
 *
 * @param targetPerWorker outstanding requests each worker should have: 1 runs one each, 2 keeps one waiting each
 * @param downscaleWindow how far back the highest recommendation is taken when shrinking
 * @param cooldown        the least time between two changes of size
 */
public record BacklogPolicy(double targetPerWorker, Duration downscaleWindow, Duration cooldown)
        implements ScalingPolicy {

    public BacklogPolicy {
        Decisions.checkFraction("targetPerWorker", targetPerWorker, 0, PoolConfig.THRESHOLD_LIMIT, false);
        Decisions.checkWindow("downscaleWindow", downscaleWindow);
        Decisions.checkWindow("cooldown", cooldown);
    }

    /** Two outstanding per worker, a 3 s down window, no cooldown. */
    public static BacklogPolicy defaults() {
        return new BacklogPolicy(2, Duration.ofSeconds(3), Duration.ZERO);
    }

    @Override
    public String name() {
        return "backlog";
    }

    @Override
    public String settings() {
        return "target " + Decisions.num(targetPerWorker, 3) + " outstanding per worker, down window "
                + Decisions.seconds(downscaleWindow) + ", cooldown " + Decisions.seconds(cooldown);
    }

    @Override
    public String summary() {
        return "KEDA: one worker per target outstanding (queued + running) requests, in one jump; "
                + "fast on bursts, shrinks after the window.";
    }

    @Override
    public ScalingDecision decide(ScalingInput in, ScalingHistory history) {
        double exact = (in.queued() + in.busyWorkers()) / targetPerWorker;
        int raw = (int) Math.ceil(exact - 1e-9);
        String maths = "Backlog: (" + in.queued() + " queued + " + in.busyWorkers() + " running) / target "
                + Decisions.num(targetPerWorker, 3) + " per worker = " + Decisions.num(exact);
        return Decisions.settle(maths, in, history, raw, downscaleWindow, cooldown, ScalingDecision.ANY_STEP);
    }
}
