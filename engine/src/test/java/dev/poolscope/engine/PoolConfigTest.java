package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class PoolConfigTest {

    private static String refusal(UnaryOperator<PoolConfig.Builder> change) {
        return assertThrows(IllegalArgumentException.class, () -> change.apply(PoolConfig.builder()).build())
                .getMessage();
    }

    @Test
    void defaultsAreValidAndUseThreeQuarterBand() {
        PoolConfig c = PoolConfig.defaults();
        assertEquals(0.75, c.shrinkFactor());
        assertEquals(75.0, c.shrinkBelow());
    }

    @Test
    void refusesMinAboveMaxNamingBothAndTheRange() {
        String m = refusal(b -> b.workers(10, 4));
        assertTrue(m.contains("minWorkers = 10") && m.contains("maxWorkers (4)") && m.contains("1 to 4"), m);
    }

    @Test
    void refusesOutOfRangeWorkerCounts() {
        assertTrue(refusal(b -> b.minWorkers(0)).startsWith("minWorkers = 0 is not allowed: must be between 1 and 1024"));
        assertTrue(refusal(b -> b.maxWorkers(5000)).startsWith("maxWorkers = 5000 is not allowed"));
        assertTrue(refusal(b -> b.minWorkers(-3)).contains("minWorkers = -3"));
    }

    @Test
    void refusesZeroThresholdAndCapacity() {
        assertTrue(refusal(b -> b.loadThreshold(0)).startsWith("loadThreshold = 0 is not allowed: must be between 1"));
        assertTrue(refusal(b -> b.queueCapacity(0)).startsWith("queueCapacity = 0 is not allowed: must be between 1"));
    }

    @Test
    void refusesShrinkFactorOutsideOpenUnitInterval() {
        assertTrue(refusal(b -> b.shrinkFactor(1.0)).contains("shrinkFactor = 1.0"));
        assertTrue(refusal(b -> b.shrinkFactor(0)).contains("greater than 0 and less than 1"));
    }

    @Test
    void refusesBadDurationsWithMillisecondRange() {
        assertTrue(refusal(b -> b.scalingTick(Duration.ZERO)).startsWith("scalingTick = 0 ms is not allowed: must be between 1 ms and 60000 ms"));
        assertTrue(refusal(b -> b.requestTimeout(Duration.ofMillis(-5))).contains("requestTimeout = -5 ms"));
        assertTrue(refusal(b -> b.retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).contains("retryBackoffMax"));
        assertTrue(refusal(b -> b.overflowPolicy(null)).contains("overflowPolicy = null"));
    }

    @Test
    void refusesNegativeRetries() {
        assertTrue(refusal(b -> b.maxRetries(-1)).startsWith("maxRetries = -1 is not allowed: must be between 0 and 100"));
    }
}
