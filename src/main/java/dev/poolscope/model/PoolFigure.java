package dev.poolscope.model;

/**
 * A figure or control the dashboard shows that some pools do not have (a plain ThreadPoolExecutor has no load
 * threshold and measures no latency); a {@link PoolSource} lists the ones its pool lacks, with why, so views show
 * them absent rather than as a made-up zero.
 */
public enum PoolFigure {
    /** Queue-wait and run-time percentiles. */
    LATENCY,
    /** Requests completed per second. */
    THROUGHPUT,
    /** Requests waiting in the queue. */
    QUEUE,
    /** Failed and timed-out requests. */
    FAILURES,
    /** Dropped (rejected) requests. */
    DROPS,
    /** The exact ledger: every submitted request accounted for. */
    LEDGER,
    /** The least number of workers, as a setting. */
    MIN_WORKERS,
    /** The queue length above which the pool grows. */
    LOAD_THRESHOLD,
    /** How many requests the queue holds, as a setting. */
    QUEUE_CAPACITY,
    /** What happens to a request that finds the queue full. */
    OVERFLOW_POLICY,
    /** How long an attempt may run. */
    REQUEST_TIMEOUT,
    /** Retries after a failed attempt. */
    RETRIES,
    /** How often the scaler decides. */
    SCALING_TICK
}
