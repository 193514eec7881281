package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** Every limit is inclusive, exactly: the config accepts each bound and refuses one step past it. */
class PoolConfigLimitsTest {

    private static final Duration NANO = Duration.ofNanos(1);

    @Test
    void acceptsEveryLowestValue() {
        PoolConfig c = PoolConfig.builder().workers(1, 1).loadThreshold(1).queueCapacity(1).maxRetries(0)
                .blockTimeout(Duration.ZERO).requestTimeout(Duration.ZERO).retryBackoff(NANO, NANO)
                .scalingTick(Duration.ofMillis(1)).stuckGrace(Duration.ofMillis(1)).build();
        assertEquals(1, c.minWorkers());
        assertEquals(NANO, c.retryBackoffMax());
    }

    @Test
    void acceptsEveryHighestValue() {
        Duration hour = PoolConfig.DURATION_LIMIT;
        PoolConfig c = PoolConfig.builder().workers(PoolConfig.WORKER_LIMIT, PoolConfig.WORKER_LIMIT)
                .loadThreshold(PoolConfig.THRESHOLD_LIMIT).queueCapacity(PoolConfig.CAPACITY_LIMIT)
                .maxRetries(PoolConfig.RETRY_LIMIT).blockTimeout(hour).requestTimeout(hour).retryBackoff(hour, hour)
                .scalingTick(PoolConfig.MAX_SCALING_TICK).stuckGrace(hour).build();
        assertEquals(PoolConfig.WORKER_LIMIT, c.maxWorkers());
    }

    @Test
    void refusesOneStepPastEachBound() {
        refused(b -> b.workers(1025, 1025));
        refused(b -> b.maxWorkers(1025));
        refused(b -> b.maxWorkers(0));
        refused(b -> b.loadThreshold(PoolConfig.THRESHOLD_LIMIT + 1));
        refused(b -> b.queueCapacity(PoolConfig.CAPACITY_LIMIT + 1));
        refused(b -> b.maxRetries(PoolConfig.RETRY_LIMIT + 1));
        refused(b -> b.blockTimeout(Duration.ofMillis(-1)));
        refused(b -> b.blockTimeout(PoolConfig.DURATION_LIMIT.plus(NANO)));
        refused(b -> b.retryBackoff(Duration.ZERO, Duration.ofMillis(1)));
        refused(b -> b.scalingTick(PoolConfig.MAX_SCALING_TICK.plus(NANO)));
        refused(b -> b.stuckGrace(Duration.ofMillis(1).minus(NANO)));
        refused(b -> b.shrinkFactor(-0.5));
        refused(b -> b.shrinkFactor(Double.NaN));
        refused(b -> b.blockTimeout(null));
    }

    @Test
    void aMinEqualToMaxIsAllowed() {
        assertEquals(4, PoolConfig.builder().workers(4, 4).build().minWorkers());
    }

    @Test
    void toBuilderKeepsEverySetting() {
        PoolConfig c = PoolConfig.builder().workers(3, 9).loadThreshold(7).shrinkFactor(0.5).queueCapacity(11)
                .overflowPolicy(OverflowPolicy.BLOCK).blockTimeout(Duration.ofMillis(13))
                .requestTimeout(Duration.ofMillis(17)).maxRetries(2)
                .retryBackoff(Duration.ofMillis(19), Duration.ofMillis(23)).scalingTick(Duration.ofMillis(29))
                .stuckGrace(Duration.ofMillis(31)).build();
        assertEquals(c, c.toBuilder().build());
        assertEquals(3.5, c.shrinkBelow());
    }

    private static void refused(UnaryOperator<PoolConfig.Builder> change) {
        assertThrows(IllegalArgumentException.class, () -> change.apply(PoolConfig.builder()).build());
    }

    @Test
    void aRefusedDurationUnderAMillisecondReadsAsSuchInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoolConfig.builder().retryBackoff(Duration.ZERO, Duration.ofMillis(1)).build());
        assertEquals("retryBackoff = 0 ms is not allowed: must be between 1 ns and 3600000 ms", e.getMessage());
        assertEquals("1.5 ms", DurationBounds.text(Duration.ofNanos(1_500_000)));
        assertEquals("250 µs", DurationBounds.text(Duration.ofNanos(250_000)));
    }
}
