package dev.poolscope.engine;

import java.time.Duration;

/**
 * Queueing theory as a policy: from the measured arrival rate λ and mean service time S (offered load a = λS), the
 * fewest workers c whose Erlang C probability of waiting is at most {@code maxWaitProbability} and whose
 * utilisation ρ = a / c is at most {@code maxUtilisation}; scale-down is stabilised as in the HPA.
 *
 * <p>The model assumes Poisson arrivals and exponential service (M/M/c) in a steady state: it sizes for the load,
 * not for a backlog already queued, and says nothing useful from a handful of samples, so with fewer than
 * {@value #MIN_SAMPLES} attempts in a window shorter than a second it holds (the scaler stretches its windows to a
 * second at low rates, so a light load is still sized), as it does when no attempt at all ended in a window (attempts
 * longer than the window: S is unknown then, not zero).
 *
 * @param maxWaitProbability the largest acceptable chance that a request waits, in (0, 1)
 * @param maxUtilisation     the largest acceptable utilisation, in (0, 1]
 * @param downscaleWindow    how far back the highest recommendation is taken when shrinking
 * @param cooldown           the least time between two changes of size
 */
public record CapacityPolicy(double maxWaitProbability, double maxUtilisation, Duration downscaleWindow,
                             Duration cooldown) implements ScalingPolicy {

    /** Fewer attempts than this in a measurement window are too few to estimate S from. */
    public static final int MIN_SAMPLES = 20;

    public CapacityPolicy {
        Decisions.checkFraction("maxWaitProbability", maxWaitProbability, 0, 0.999, false);
        Decisions.checkFraction("maxUtilisation", maxUtilisation, 0, 1, false);
        Decisions.checkWindow("downscaleWindow", downscaleWindow);
        Decisions.checkWindow("cooldown", cooldown);
    }

    /** P(wait) at most 20 %, utilisation at most 90 %, a 3 s down window, no cooldown. */
    public static CapacityPolicy defaults() {
        return new CapacityPolicy(0.2, 0.9, Duration.ofSeconds(3), Duration.ZERO);
    }

    @Override
    public String name() {
        return "capacity";
    }

    @Override
    public String settings() {
        return "P(wait) ≤ " + Decisions.num(maxWaitProbability * 100) + " %, ρ ≤ " + Decisions.num(maxUtilisation, 3)
                + ", down window " + Decisions.seconds(downscaleWindow) + ", cooldown " + Decisions.seconds(cooldown);
    }

    @Override
    public String summary() {
        return "Erlang C: the fewest workers for which a request waits with at most the target probability, "
                + "from measured arrival rate and service time; exact for steady Poisson loads.";
    }

    @Override
    public ScalingDecision decide(ScalingInput in, ScalingHistory history) {
        int limit = in.config().maxWorkers();
        if (in.arrivalsPerSecond() == 0 && in.busyWorkers() == 0 && in.queued() == 0) {
            return Decisions.settle("Capacity: no load (λ 0/s)", in, history, in.config().minWorkers(),
                    downscaleWindow, cooldown, ScalingDecision.ANY_STEP);
        }
        if (in.serviceSamples() == 0 && in.windowSeconds() >= 1) {
            // Attempts longer than the window: S is unknown, not zero, and a of 0 would shrink a saturated pool.
            return Decisions.settle("Capacity: no attempt ended in " + Decisions.num(in.windowSeconds(), 2) + " s, "
                    + in.busyWorkers() + " running: S unknown, hold", in, history, in.workers(), downscaleWindow,
                    cooldown, 0);
        }
        if (in.serviceSamples() < MIN_SAMPLES && in.windowSeconds() < 1) {
            return Decisions.settle("Capacity: " + in.serviceSamples() + " attempts in " + Decisions.num(
                    in.windowSeconds(), 2) + " s, fewer than " + MIN_SAMPLES + ": hold", in, history, in.workers(),
                    downscaleWindow, cooldown, 0);
        }
        double a = in.offeredLoad();
        int forWait = ErlangC.workersFor(a, maxWaitProbability, PoolConfig.WORKER_LIMIT);
        int forUtilisation = (int) Math.ceil(a / maxUtilisation - 1e-9);
        int raw = Math.max(1, Math.max(forWait, forUtilisation));
        int shown = Math.min(raw, Math.max(limit, 1));
        String maths = "Capacity: λ " + Decisions.num(in.arrivalsPerSecond()) + "/s × S "
                + Decisions.millis((long) (in.meanServiceSeconds() * 1e9)) + " = a " + Decisions.num(a, 2)
                + " Erlangs; at " + shown + " workers P(wait) " + Decisions.num(ErlangC.waitProbability(shown, a), 3)
                + ", ρ " + Decisions.num(a / shown, 2) + " (targets " + Decisions.num(maxWaitProbability, 3) + ", "
                + Decisions.num(maxUtilisation, 3) + ")";
        return Decisions.settle(maths, in, history, raw, downscaleWindow, cooldown, ScalingDecision.ANY_STEP);
    }
}
