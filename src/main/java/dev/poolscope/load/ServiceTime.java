package dev.poolscope.load;

/** How long the simulated downstream takes per request, around {@link LoadSettings#meanServiceTime()}. */
public enum ServiceTime {
    /** Always exactly the mean. */
    FIXED,
    /** Exponentially distributed with the given mean: mostly short, occasionally several times the mean. */
    EXPONENTIAL,
    /**
     * Log-normal with the given mean and shape σ = {@value LoadSettings#LOG_NORMAL_SIGMA}: a long right tail, the
     * way slow databases and remote services behave (the p99 is about six times the mean).
     */
    LOG_NORMAL
}
