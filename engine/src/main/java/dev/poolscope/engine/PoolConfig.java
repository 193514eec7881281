package dev.poolscope.engine;

import java.time.Duration;

/**
 * The tunable settings of a {@link Dispatcher}, validated as a whole.
 *
 * <p>A config is immutable; change a running pool with {@link Dispatcher#reconfigure} or the dispatcher's
 * setters, which build a new config from the one in force. {@link Builder#build()} checks every field and
 * throws {@link IllegalArgumentException} naming the field, the value and the allowed range, so an invalid
 * change is refused before anything is applied.
 *
 * <p>Scaling: at each {@code scalingTick} the scaler asks {@code scalingPolicy} for the size it wants and moves the
 * pool toward it, within {@code minWorkers} and {@code maxWorkers}. The default, {@link ThresholdPolicy}, adds one
 * worker per tick while more than {@code loadThreshold} requests are queued and retires one idle worker per tick
 * once fewer than {@code shrinkFactor × loadThreshold} have been queued for its stabilisation window; the gap
 * between the two is the band that keeps the pool from flapping. See {@link ScalingPolicy} for the others.
 */
public record PoolConfig(
        int minWorkers,
        int maxWorkers,
        int loadThreshold,
        double shrinkFactor,
        int queueCapacity,
        OverflowPolicy overflowPolicy,
        Duration blockTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration retryBackoff,
        Duration retryBackoffMax,
        Duration scalingTick,
        Duration stuckGrace,
        ScalingPolicy scalingPolicy) {

    /** The most workers a pool may have; guards against a typo starting a million threads. */
    public static final int WORKER_LIMIT = 1024;
    /** The largest queue capacity accepted. */
    public static final int CAPACITY_LIMIT = 10_000_000;
    /** The largest load threshold accepted. */
    public static final int THRESHOLD_LIMIT = 10_000_000;
    /** The most retries a request may have. */
    public static final int RETRY_LIMIT = 100;

    /** The longest timeout, block timeout, retry backoff or stuck grace accepted. */
    public static final Duration DURATION_LIMIT = Duration.ofHours(1);
    /** The shortest scaling tick accepted. */
    public static final Duration MIN_SCALING_TICK = Duration.ofMillis(1);
    /** The longest scaling tick accepted. */
    public static final Duration MAX_SCALING_TICK = Duration.ofSeconds(60);

    public PoolConfig {
        check("minWorkers", minWorkers, 1, WORKER_LIMIT, "1 and " + WORKER_LIMIT);
        check("maxWorkers", maxWorkers, 1, WORKER_LIMIT, "1 and " + WORKER_LIMIT);
        if (minWorkers > maxWorkers) {
            throw new IllegalArgumentException("minWorkers = " + minWorkers + " is not allowed: must be at most"
                    + " maxWorkers (" + maxWorkers + "); the allowed range is 1 to " + maxWorkers);
        }
        check("loadThreshold", loadThreshold, 1, THRESHOLD_LIMIT, "1 and " + THRESHOLD_LIMIT);
        if (!(shrinkFactor > 0 && shrinkFactor < 1)) {
            throw invalid("shrinkFactor", shrinkFactor, "greater than 0 and less than 1");
        }
        check("queueCapacity", queueCapacity, 1, CAPACITY_LIMIT, "1 and " + CAPACITY_LIMIT);
        if (overflowPolicy == null) {
            throw invalid("overflowPolicy", null, "one of " + java.util.Arrays.toString(OverflowPolicy.values()));
        }
        checkDuration("blockTimeout", blockTimeout, Duration.ZERO, DURATION_LIMIT);
        checkDuration("requestTimeout", requestTimeout, Duration.ZERO, DURATION_LIMIT);
        check("maxRetries", maxRetries, 0, RETRY_LIMIT, "0 and " + RETRY_LIMIT);
        checkDuration("retryBackoff", retryBackoff, Duration.ofNanos(1), DURATION_LIMIT);
        checkDuration("retryBackoffMax", retryBackoffMax, retryBackoff, DURATION_LIMIT);
        checkDuration("scalingTick", scalingTick, MIN_SCALING_TICK, MAX_SCALING_TICK);
        checkDuration("stuckGrace", stuckGrace, Duration.ofMillis(1), DURATION_LIMIT);
        if (scalingPolicy == null) {
            throw invalid("scalingPolicy", null, "one of " + String.join(", ", ScalingPolicy.NAMES));
        }
    }

    /** A config with the defaults: 1–8 workers, threshold 100, capacity 10,000, drop newest, no timeout. */
    public static PoolConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this config, for changing a few fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The queue depth below which the scaler retires a worker: {@code shrinkFactor × loadThreshold}. */
    public double shrinkBelow() {
        return shrinkFactor * loadThreshold;
    }

    private static void check(String field, int value, int lowest, int highest, String range) {
        if (value < lowest || value > highest) {
            throw invalid(field, value, "between " + range);
        }
    }

    static void checkDuration(String field, Duration value, Duration lowest, Duration highest) {
        if (value == null || value.compareTo(lowest) < 0 || value.compareTo(highest) > 0) {
            throw invalid(field, value == null ? null : DurationBounds.text(value),
                    "between " + DurationBounds.text(lowest) + " and " + DurationBounds.text(highest));
        }
    }

    static IllegalArgumentException invalid(String field, Object value, String allowed) {
        return new IllegalArgumentException(field + " = " + value + " is not allowed: must be " + allowed);
    }

    /** Builds a {@link PoolConfig}; every field has a default, and {@link #build()} validates them all. */
    public static final class Builder {
        private int minWorkers = 1;
        private int maxWorkers = 8;
        private int loadThreshold = 100;
        private double shrinkFactor = 0.75;
        private int queueCapacity = 10_000;
        private OverflowPolicy overflowPolicy = OverflowPolicy.DROP_NEWEST;
        private Duration blockTimeout = Duration.ofMillis(100);
        private Duration requestTimeout = Duration.ZERO;
        private int maxRetries = 0;
        private Duration retryBackoff = Duration.ofMillis(10);
        private Duration retryBackoffMax = Duration.ofSeconds(1);
        private Duration scalingTick = Duration.ofMillis(100);
        private Duration stuckGrace = Duration.ofSeconds(1);
        private ScalingPolicy scalingPolicy = ScalingPolicy.defaultPolicy();

        private Builder() {
        }

        private Builder(PoolConfig c) {
            minWorkers = c.minWorkers;
            maxWorkers = c.maxWorkers;
            loadThreshold = c.loadThreshold;
            shrinkFactor = c.shrinkFactor;
            queueCapacity = c.queueCapacity;
            overflowPolicy = c.overflowPolicy;
            blockTimeout = c.blockTimeout;
            requestTimeout = c.requestTimeout;
            maxRetries = c.maxRetries;
            retryBackoff = c.retryBackoff;
            retryBackoffMax = c.retryBackoffMax;
            scalingTick = c.scalingTick;
            stuckGrace = c.stuckGrace;
            scalingPolicy = c.scalingPolicy;
        }

        /** Workers never fall below this; raising it starts workers at once. */
        public Builder minWorkers(int n) {
            minWorkers = n;
            return this;
        }

        /** Workers never rise above this; lowering it retires the surplus as each finishes its request. */
        public Builder maxWorkers(int n) {
            maxWorkers = n;
            return this;
        }

        /** Sets min and max together, for changes that would cross if applied one at a time. */
        public Builder workers(int min, int max) {
            minWorkers = min;
            maxWorkers = max;
            return this;
        }

        /** Queued requests above which the scaler adds a worker. */
        public Builder loadThreshold(int n) {
            loadThreshold = n;
            return this;
        }

        /** Fraction of the threshold below which the scaler retires a worker (default 0.75). */
        public Builder shrinkFactor(double f) {
            shrinkFactor = f;
            return this;
        }

        /** Most requests waiting in the queue; lowering it below the current depth refuses new ones until it drains. */
        public Builder queueCapacity(int n) {
            queueCapacity = n;
            return this;
        }

        /** What to do with a request that finds the queue full. */
        public Builder overflowPolicy(OverflowPolicy p) {
            overflowPolicy = p;
            return this;
        }

        /** How long {@link OverflowPolicy#BLOCK} waits for space before dropping. */
        public Builder blockTimeout(Duration d) {
            blockTimeout = d;
            return this;
        }

        /** Default time an attempt may run before it is interrupted; zero means no limit. */
        public Builder requestTimeout(Duration d) {
            requestTimeout = d;
            return this;
        }

        /** Default number of retries after a failed or timed-out attempt. */
        public Builder maxRetries(int n) {
            maxRetries = n;
            return this;
        }

        /** Backoff before the first retry; it doubles per retry, with jitter, up to {@code retryBackoffMax}. */
        public Builder retryBackoff(Duration base, Duration max) {
            retryBackoff = base;
            retryBackoffMax = max;
            return this;
        }

        /** How often the scaler asks the scaling policy for a decision. */
        public Builder scalingTick(Duration d) {
            scalingTick = d;
            return this;
        }

        /**
         * How long an interrupted handler may keep running before its worker is abandoned as stuck (1 s unless
         * set): a handler that returns within it after a shutdown's interrupt keeps its result; one still running
         * then ends as {@link Outcome.Interrupted} (or timed out), and what it returns later is discarded.
         */
        public Builder stuckGrace(Duration d) {
            stuckGrace = d;
            return this;
        }

        /** How the scaler chooses the pool's size; {@link ThresholdPolicy#defaults()} unless set. */
        public Builder scalingPolicy(ScalingPolicy p) {
            scalingPolicy = p;
            return this;
        }

        /** Validates every field; throws {@link IllegalArgumentException} naming the first bad one. */
        public PoolConfig build() {
            return new PoolConfig(minWorkers, maxWorkers, loadThreshold, shrinkFactor, queueCapacity,
                    overflowPolicy, blockTimeout, requestTimeout, maxRetries,
                    retryBackoff, retryBackoffMax, scalingTick, stuckGrace, scalingPolicy);
        }
    }
}
