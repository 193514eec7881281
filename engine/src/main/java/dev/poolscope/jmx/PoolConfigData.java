package dev.poolscope.jmx;

import dev.poolscope.engine.PoolConfig;

/**
 * The settings in force, as JMX clients read them (an open-type composite). Durations are whole milliseconds,
 * rounded down.
 *
 * @param minWorkers           workers never fall below this
 * @param maxWorkers           workers never rise above this
 * @param loadThreshold        queued requests above which the pool grows
 * @param shrinkFactor         fraction of the threshold below which it shrinks
 * @param queueCapacity        most requests waiting in the queue
 * @param overflowPolicy       what happens to a request that finds the queue full
 * @param blockTimeoutMillis   how long BLOCK waits for room
 * @param requestTimeoutMillis default attempt timeout; 0 means none
 * @param maxRetries           default retries after a failed or timed-out attempt
 * @param scalingTickMillis    how often the scaler decides
 * @param scalingPolicy        the scaling policy's name: threshold, hpa, backlog, capacity or aimd
 * @param scalingPolicySettings its parameters in one line
 */
public record PoolConfigData(int minWorkers, int maxWorkers, int loadThreshold, double shrinkFactor,
                             int queueCapacity, String overflowPolicy, long blockTimeoutMillis,
                             long requestTimeoutMillis, int maxRetries, long scalingTickMillis,
                             String scalingPolicy, String scalingPolicySettings) {

    static PoolConfigData of(PoolConfig c) {
        return new PoolConfigData(c.minWorkers(), c.maxWorkers(), c.loadThreshold(), c.shrinkFactor(),
                c.queueCapacity(), c.overflowPolicy().name(), c.blockTimeout().toMillis(),
                c.requestTimeout().toMillis(), c.maxRetries(), c.scalingTick().toMillis(),
                c.scalingPolicy().name(), c.scalingPolicy().settings());
    }
}
