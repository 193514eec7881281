package dev.poolscope.engine;

/** Hand-made scaling inputs for policy tests: levels, and the measured flows when a test needs them. */
final class Inputs {

    static final long NOW = 1_000_000_000_000L;

    private Inputs() {
    }

    /** Levels only, no flows measured. */
    static ScalingInput levels(PoolConfig config, int workers, int busy, long queued) {
        return new ScalingInput(NOW, config, workers, busy, queued, 0.1, 0, 0, 0, 0, 0, 0);
    }

    /** Levels plus flows: λ per second, mean service in seconds, mean busy, run p99, samples, timeouts. */
    static ScalingInput flows(PoolConfig config, int workers, int busy, long queued, double lambda, double service,
                              double meanBusy, long p99Nanos, long samples, long timeouts) {
        return new ScalingInput(NOW, config, workers, busy, queued, 0.1, lambda, service, meanBusy, p99Nanos,
                samples, timeouts);
    }
}
