package dev.poolscope.http;

import java.util.random.RandomGenerator;

/** How the backend's unloaded latency is spread around its mean. */
public enum LatencyShape {
    /** Always exactly the mean. */
    CONSTANT,
    /** Log-normal with σ = {@value #LOG_NORMAL_SIGMA}: a long right tail, p99 about six times the mean. */
    LOG_NORMAL,
    /**
     * Pareto with α = {@value #PARETO_ALPHA}: finite mean, unbounded variance, so rare calls take tens of times the
     * mean; capped at {@value #HEAVY_TAIL_CAP} × the mean so no call outlives a bounded demo.
     */
    HEAVY_TAILED;

    static final double LOG_NORMAL_SIGMA = 1.0;
    static final double PARETO_ALPHA = 1.5;
    static final double HEAVY_TAIL_CAP = 50;
    /** The Pareto scale as a fraction of the mean, chosen so the <em>capped</em> draws still average the mean. */
    static final double PARETO_SCALE = paretoScaleForCappedMean();

    /** One latency draw in nanoseconds with the given mean. */
    public long sampleNanos(long meanNanos, RandomGenerator random) {
        if (meanNanos == 0) {
            return 0;
        }
        double nanos = switch (this) {
            case CONSTANT -> meanNanos;
            case LOG_NORMAL -> {
                // mean = exp(mu + sigma²/2): choose mu so the mean is the one asked for.
                double mu = Math.log(meanNanos) - LOG_NORMAL_SIGMA * LOG_NORMAL_SIGMA / 2;
                yield Math.exp(mu + LOG_NORMAL_SIGMA * random.nextGaussian());
            }
            case HEAVY_TAILED -> {
                double scale = meanNanos * PARETO_SCALE;
                yield Math.min(scale / Math.pow(1 - random.nextDouble(), 1 / PARETO_ALPHA),
                        meanNanos * HEAVY_TAIL_CAP);
            }
        };
        return (long) nanos;
    }

    /**
     * Solves E[min(X, cap)] = 1 for the scale k of a Pareto X (cap in means). The capped mean is
     * k·(α − (k/cap)^(α−1)) / (α − 1); without the cap k would be (α − 1)/α, and the cap takes about 5% off the
     * mean, so a few fixed-point steps move k up to make it whole again.
     */
    private static double paretoScaleForCappedMean() {
        double k = (PARETO_ALPHA - 1) / PARETO_ALPHA;
        for (int i = 0; i < 50; i++) {
            k = (PARETO_ALPHA - 1) / (PARETO_ALPHA - Math.pow(k / HEAVY_TAIL_CAP, PARETO_ALPHA - 1));
        }
        return k;
    }
}
