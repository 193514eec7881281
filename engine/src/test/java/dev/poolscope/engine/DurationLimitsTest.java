package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Any duration, however large or negative, is refused with a message, never an ArithmeticException. */
@Timeout(10)
class DurationLimitsTest {

    private static final Duration HUGE = Duration.ofSeconds(Long.MAX_VALUE);

    @Test
    void everyBuilderDurationRefusesAHugeValueByName() {
        List<Map.Entry<String, Function<PoolConfig.Builder, PoolConfig.Builder>>> fields = List.of(
                Map.entry("blockTimeout", b -> b.blockTimeout(HUGE)),
                Map.entry("requestTimeout", b -> b.requestTimeout(HUGE)),
                Map.entry("retryBackoff", b -> b.retryBackoff(HUGE, HUGE)),
                Map.entry("retryBackoffMax", b -> b.retryBackoff(Duration.ofMillis(1), HUGE)),
                Map.entry("scalingTick", b -> b.scalingTick(HUGE)),
                Map.entry("stuckGrace", b -> b.stuckGrace(HUGE)),
                Map.entry("scalingTick", b -> b.scalingTick(Duration.ofSeconds(Long.MIN_VALUE))));
        for (var field : fields) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> field.getValue().apply(PoolConfig.builder()).build(), field.getKey());
            assertTrue(e.getMessage().startsWith(field.getKey() + " = "), e.getMessage());
            assertTrue(e.getMessage().contains(" s is not allowed: must be between "), e.getMessage());
        }
    }

    @Test
    void namesTheAllowedRangeInMilliseconds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoolConfig.builder().requestTimeout(Duration.ofHours(2)).build());
        assertEquals("requestTimeout = 7200000 ms is not allowed: must be between 0 ms and 3600000 ms", e.getMessage());
    }

    @Test
    void aRequestTimeoutIsBoundedLikeThePools() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Request.of("t", null).withTimeout(HUGE));
        assertTrue(e.getMessage().startsWith("timeout = 9223372036854775807 s is not allowed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Request.of("t", null).withTimeout(Duration.ofMillis(-1)));
    }

    @Test
    void submitNeverThrowsForAnAcceptedRequest() {
        try (Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of("ok", r -> "done"))) {
            Request longest = Request.of("ok", null).withTimeout(PoolConfig.DURATION_LIMIT);
            assertEquals("done", ((Outcome.Completed) pool.submit(longest).join()).value());
        }
    }

    @Test
    void aSetterRefusesAHugeValueAndChangesNothing() {
        try (Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of())) {
            PoolConfig before = pool.config();
            assertThrows(IllegalArgumentException.class, () -> pool.setRequestTimeout(HUGE));
            assertThrows(IllegalArgumentException.class, () -> pool.setScalingTick(Duration.ofNanos(-1)));
            assertEquals(before, pool.config());
        }
    }
}
