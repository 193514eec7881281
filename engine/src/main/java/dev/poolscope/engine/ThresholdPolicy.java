package dev.poolscope.engine;

import java.time.Duration;

/**
 * The seed's rule, the default: one worker more per tick while more than {@code loadThreshold} requests are queued,
 * one fewer per tick while fewer than {@code shrinkFactor × loadThreshold} are (both from {@link PoolConfig}).
 *
 * <p>Two changes stop it flapping at a steady load, where the queue is near zero whether the pool has 11 or 15
 * workers: below the band it aims at the busy workers plus one spare rather than "one fewer", and it shrinks only
 * to the highest such aim over {@code downscaleWindow}, so one quiet tick (or a few seconds of them while some
 * tick saw every worker busy) shrinks nothing. The default window, 3 s, is longer than the few hundred
 * milliseconds a Poisson load's queue stays empty by chance, and shorter than the Burst scenario's 5 s quiet
 * phase, so a demo still sees the pool shrink after each spike.
 *
 * @param downscaleWindow how long the load must have stayed low before the pool shrinks to it; zero: the seed's rule
 * @param cooldown        the least time between two changes of size; zero: every tick
 */
public record ThresholdPolicy(Duration downscaleWindow, Duration cooldown) implements ScalingPolicy {

    /** The default stabilisation window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(3);

    public ThresholdPolicy {
        Decisions.checkWindow("downscaleWindow", downscaleWindow);
        Decisions.checkWindow("cooldown", cooldown);
    }

    /** A 3 s stabilisation window, no cooldown. */
    public static ThresholdPolicy defaults() {
        return new ThresholdPolicy(DEFAULT_WINDOW, Duration.ZERO);
    }

    @Override
    public String name() {
        return "threshold";
    }

    @Override
    public String settings() {
        return "threshold and shrink band from the pool, down window " + Decisions.seconds(downscaleWindow)
                + ", cooldown " + Decisions.seconds(cooldown);
    }

    @Override
    public String summary() {
        return "The seed's rule: one worker more per tick while the queue is above the threshold, one fewer per tick "
                + "once it has stayed below the band for the window. Easy to explain; slow on big steps.";
    }

    @Override
    public ScalingDecision decide(ScalingInput in, ScalingHistory history) {
        PoolConfig c = in.config();
        int current = in.workers();
        int raw;
        String maths;
        if (in.queued() > c.loadThreshold()) {
            raw = current + 1;
            maths = "Threshold: queue " + in.queued() + " > " + c.loadThreshold() + ", +1";
        } else if (in.queued() < c.shrinkBelow()) {
            raw = Math.min(current, in.busyWorkers() + 1);
            maths = "Threshold: queue " + in.queued() + " < band " + Decisions.num(c.shrinkBelow(), 2) + ", "
                    + in.busyWorkers() + " busy + 1 spare";
        } else {
            raw = current;
            maths = "Threshold: queue " + in.queued() + " within band " + Decisions.num(c.shrinkBelow(), 2) + "–"
                    + c.loadThreshold() + ", hold";
        }
        return Decisions.settle(maths, in, history, raw, downscaleWindow, cooldown, 1);
    }
}
