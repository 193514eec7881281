package dev.poolscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;

class DropBurstTrackerTest {

    @Test
    void logsOneLineWhenDropsBeginAndOneWithTheTotalWhenTheyStop() {
        PoolConfig tiny = PoolConfig.builder().workers(1, 1).queueCapacity(1).scalingTick(Duration.ofSeconds(60))
                .build();
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        try (Dispatcher pool = Dispatcher.start("poolscope-burst-test", tiny, Map.of("job", r -> {
            hold.await();
            return null;
        }))) {
            DropBurstTracker tracker = new DropBurstTracker();
            PoolSnapshot before = pool.snapshot();
            for (int i = 0; i < 5; i++) {
                pool.submit("job", i);
            }
            PoolSnapshot during = pool.snapshot();
            // Nothing else is submitted, so the next snapshot shows a quiet tick.
            long dropped = during.droppedTotal();
            String began = tracker.observe(1.0, before, during);
            assertEquals("drops began: queue full " + dropped, began);
            PoolSnapshot quiet = pool.snapshot();
            assertEquals(String.format("drop burst: %d dropped over 0.2 s (queue full %d)", dropped, dropped),
                    tracker.observe(1.2, during, quiet));
            hold.countDown();
        }
    }

    @Test
    void namesDropReasonsAlikeInEveryLocale() throws Exception {
        PoolConfig tiny = PoolConfig.builder().workers(1, 1).queueCapacity(1)
                .overflowPolicy(OverflowPolicy.DROP_OLDEST).scalingTick(Duration.ofSeconds(60)).build();
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        Locale before = Locale.getDefault();
        try (Dispatcher pool = Dispatcher.start("burst-locale-test", tiny, Map.of("job", r -> {
            hold.await();
            return null;
        }))) {
            try {
                Locale.setDefault(Locale.forLanguageTag("tr-TR"));
                PoolSnapshot quiet = pool.snapshot();
                for (int i = 0; i < 5; i++) {
                    pool.submit("job", i);
                }
                String began = new DropBurstTracker().observe(1.0, quiet, pool.snapshot());
                assertTrue(began.startsWith("drops began: evicted "), began);
            } finally {
                Locale.setDefault(before);
                hold.countDown();
            }
        }
    }
}
