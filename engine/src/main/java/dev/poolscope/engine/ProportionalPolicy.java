package dev.poolscope.engine;

import java.time.Duration;

/**
 * Kubernetes' Horizontal Pod Autoscaler: {@code desired = ceil(current × observed / target)}, nothing at all while
 * observed / target is within {@code tolerance} of 1, growth limited per tick to doubling (or +4, whichever is
 * more: the HPA's default scale-up policy), and scale-down stabilised: the highest recommendation over
 * {@code downscaleWindow} wins.
 *
 * <p>The observed metric is either utilisation (workers busy on average over the measurement window ÷ workers,
 * like CPU utilisation) or queued requests per worker (like an external metric with an average-value target).
 * Kubernetes' stabilisation default is 300 s, sized for pods that take a minute to start; a worker starts in
 * microseconds, and a 300 s window would hold every demo at its peak for five minutes, so the default here is
 * 3 s: longer than a Poisson load's random quiet spells, shorter than the Burst scenario's 5 s lull.
 *
 * @param metric          what is observed
 * @param target          the metric's target: a utilisation in (0, 1], or queued requests per worker
 * @param tolerance       the band around 1 of observed / target within which nothing changes, 0 to 0.5
 * @param downscaleWindow how far back the highest recommendation is taken when shrinking
 * @param cooldown        the least time between two changes of size
 */
public record ProportionalPolicy(Metric metric, double target, double tolerance, Duration downscaleWindow,
                                 Duration cooldown) implements ScalingPolicy {

    /** What the HPA compares with its target. */
    public enum Metric {
        /** Workers busy on average over the measurement window, divided by the workers. */
        UTILISATION,
        /** Queued requests divided by the workers. */
        QUEUE_PER_WORKER
    }

    /** The growth allowed per tick at least, whatever the pool's size (the HPA's 4 pods). */
    static final int MIN_GROWTH = 4;

    public ProportionalPolicy {
        if (metric == null) {
            throw PoolConfig.invalid("metric", null, "one of " + java.util.Arrays.toString(Metric.values()));
        }
        if (metric == Metric.UTILISATION) {
            Decisions.checkFraction("target", target, 0, 1, false);
        } else {
            Decisions.checkFraction("target", target, 0, PoolConfig.THRESHOLD_LIMIT, false);
        }
        Decisions.checkFraction("tolerance", tolerance, 0, 0.5, true);
        Decisions.checkWindow("downscaleWindow", downscaleWindow);
        Decisions.checkWindow("cooldown", cooldown);
    }

    /** Utilisation target 0.8, tolerance 10 %, a 3 s down window, no cooldown. */
    public static ProportionalPolicy defaults() {
        return new ProportionalPolicy(Metric.UTILISATION, 0.8, 0.1, Duration.ofSeconds(3), Duration.ZERO);
    }

    @Override
    public String name() {
        return "hpa";
    }

    @Override
    public String settings() {
        return (metric == Metric.UTILISATION ? "utilisation" : "queued per worker") + " target "
                + Decisions.num(target, 3) + ", tolerance " + Decisions.num(tolerance * 100) + " %, down window "
                + Decisions.seconds(downscaleWindow) + ", cooldown " + Decisions.seconds(cooldown);
    }

    @Override
    public String summary() {
        return "Kubernetes HPA: ceil(workers × observed / target) in one jump (at most doubling per tick), "
                + "nothing inside the tolerance, scale-down held at the window's highest recommendation.";
    }

    @Override
    public ScalingDecision decide(ScalingInput in, ScalingHistory history) {
        int current = in.workers();
        double observed;
        String label;
        if (metric == Metric.UTILISATION) {
            observed = Math.min(1, Math.max(in.meanBusyWorkers(), 0) / current);
            label = "utilisation";
        } else {
            observed = in.queued() / (double) current;
            label = "queued per worker";
        }
        double ratio = observed / target;
        int step = Math.max(current, MIN_GROWTH);
        String maths = "HPA: " + current + " workers × " + Decisions.num(observed, 2) + " " + label + " / target "
                + Decisions.num(target, 3);
        // A ratio exactly at the tolerance (0.88 / 0.8) must not scale because of a rounding error in the division.
        if (Math.abs(ratio - 1) <= tolerance + 1e-9) {
            return Decisions.settle(maths + " = ratio " + Decisions.num(ratio, 2) + " within tolerance "
                    + Decisions.num(tolerance * 100) + " %, hold", in, history, current, downscaleWindow, cooldown, step);
        }
        double exact = current * ratio;
        int raw = (int) Math.ceil(exact - 1e-9);
        return Decisions.settle(maths + " = " + Decisions.num(exact), in, history, raw, downscaleWindow, cooldown,
                step);
    }
}
