package dev.poolscope.engine;

/**
 * What a {@link ScalingPolicy} sees at one tick: the pool's levels now, and flows measured over the scaler's latest
 * measurement window (a difference of two consistent snapshots, read through the scaler's own reader).
 *
 * @param nanoTime           {@link System#nanoTime()} at the tick
 * @param config             the config in force (min and max workers, threshold, the policy itself)
 * @param workers            workers live and not due to retire
 * @param busyWorkers        workers running an attempt now
 * @param queued             requests waiting in the queue now
 * @param windowSeconds      length of the measurement window; zero before the first one closes
 * @param arrivalsPerSecond  λ: requests submitted per second plus attempts retried, dropped ones included
 * @param meanServiceSeconds S: mean run time of the attempts that ended in the window; zero if none did
 * @param meanBusyWorkers    time workers spent running attempts in the window (attempts still running included)
 *                           ÷ the window: workers busy on average
 * @param runP99Nanos        99th percentile run time over the window; zero if no attempt ended
 * @param serviceSamples     attempts that ended in the window, the sample behind S and the p99
 * @param timeouts           requests whose last attempt timed out in the window
 */
public record ScalingInput(long nanoTime, PoolConfig config, int workers, int busyWorkers, long queued,
                           double windowSeconds, double arrivalsPerSecond, double meanServiceSeconds,
                           double meanBusyWorkers, long runP99Nanos, long serviceSamples, long timeouts) {

    /** Offered load a = λ × S in Erlangs: the workers the load keeps busy on average. */
    public double offeredLoad() {
        return arrivalsPerSecond * meanServiceSeconds;
    }
}
