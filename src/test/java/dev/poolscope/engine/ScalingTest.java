package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class ScalingTest {

    @Test
    void growsOneWorkerPerTickWhileQueueExceedsThresholdButNeverPastMax() {
        Pools.Gate gate = new Pools.Gate();
        PoolConfig config = PoolConfig.builder().workers(1, 4).loadThreshold(2)
                .scalingTick(Duration.ofMillis(10)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("job", gate))) {
            List<ScalingEvent> heard = new CopyOnWriteArrayList<>();
            pool.addListener(new PoolListener() {
                @Override
                public void onScaling(ScalingEvent event) {
                    heard.add(event);
                }
            });
            for (int i = 0; i < 20; i++) {
                pool.submit("job", i);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.poolSize() == 4);
            gate.awaitEntered(4);
            // Listeners hear an event just after the pool changes size; wait for the third, then check no more.
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() >= 3);
            assertEquals(4, pool.poolSize());
            assertTrue(heard.stream().allMatch(e -> e.reason() == ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD
                    && e.sizeAfter() == e.sizeBefore() + 1), heard.toString());
            assertEquals(3, heard.size());
            gate.release();
        }
    }

    @Test
    void shrinksBackToMinOnceLoadFallsBelowBand() {
        Pools.Gate gate = new Pools.Gate();
        PoolConfig config = PoolConfig.builder().workers(1, 4).loadThreshold(2)
                .scalingTick(Duration.ofMillis(10)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("job", gate))) {
            for (int i = 0; i < 20; i++) {
                pool.submit("job", i);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.poolSize() == 4);
            gate.release();
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.poolSize() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.snapshot().completed() == 20);
            List<ScalingEvent> events = pool.scalingEventsSince(0);
            assertEquals(3, events.stream().filter(e -> e.reason() == ScalingEvent.Reason.LOAD_BELOW_BAND).count(),
                    events.toString());
            assertTrue(events.stream().noneMatch(e -> e.reason() == ScalingEvent.Reason.WORKER_LOST));
            assertEquals(1, pool.poolSize(), "never below min");
        }
    }

    @Test
    void holdsSizeWhileQueueIsInsideTheBand() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 4).loadThreshold(100).build(), Map.of())) {
            PoolConfig c = pool.config();
            assertNotNullGrowth(pool.workers.tick(c, 101));
            assertEquals(2, pool.poolSize());
            assertNull(pool.workers.tick(c, 100), "at the threshold: no growth");
            assertNull(pool.workers.tick(c, 75), "at 0.75 × threshold: no shrink");
            ScalingEvent shrink = pool.workers.tick(c, 74);
            assertEquals(ScalingEvent.Reason.LOAD_BELOW_BAND, shrink.reason());
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.poolSize() == 1);
            assertNull(pool.workers.tick(c, 0), "never below min");
        }
    }

    @Test
    void honoursAConfiguredShrinkFactor() {
        PoolConfig config = Pools.quiet().workers(1, 4).loadThreshold(100).shrinkFactor(0.5).build();
        try (Dispatcher pool = Pools.start(config, Map.of())) {
            pool.workers.tick(config, 101);
            assertNull(pool.workers.tick(config, 60), "60 is above 0.5 × 100");
            assertEquals(ScalingEvent.Reason.LOAD_BELOW_BAND, pool.workers.tick(config, 49).reason());
        }
    }

    @Test
    void retiresOnlyIdleWorkers() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(2, 4).build(), Map.of("job", gate))) {
            pool.workers.tick(pool.config(), 1_000);
            pool.submit("job", 1);
            pool.submit("job", 2);
            pool.submit("job", 3);
            gate.awaitEntered(3);
            assertNull(pool.workers.tick(pool.config(), 0), "all three are busy: nobody to retire");
            gate.release();
        }
    }

    private static void assertNotNullGrowth(ScalingEvent e) {
        assertEquals(ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD, e.reason());
        assertEquals(e.sizeBefore() + 1, e.sizeAfter());
    }
}
