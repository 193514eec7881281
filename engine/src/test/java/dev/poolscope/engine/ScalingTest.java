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

    /** The seed's rule exactly: no stabilisation window, so tests see a shrink on the tick that asks for it. */
    private static final ThresholdPolicy SEED_RULE = new ThresholdPolicy(Duration.ZERO, Duration.ZERO);

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
                .scalingTick(Duration.ofMillis(10)).scalingPolicy(SEED_RULE).build();
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
        PoolConfig config = Pools.quiet().workers(1, 4).loadThreshold(100).scalingPolicy(SEED_RULE).build();
        try (Dispatcher pool = Pools.start(config, Map.of())) {
            PoolConfig c = pool.config();
            assertNotNullGrowth(pool.scaler.tick(101));
            assertEquals(2, pool.poolSize());
            assertNull(pool.scaler.tick(100), "at the threshold: no growth");
            assertNull(pool.scaler.tick(75), "at 0.75 × threshold: no shrink");
            ScalingEvent shrink = pool.scaler.tick(74);
            assertEquals(ScalingEvent.Reason.LOAD_BELOW_BAND, shrink.reason());
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.poolSize() == 1);
            assertNull(pool.scaler.tick(0), "never below min");
        }
    }

    @Test
    void honoursAConfiguredShrinkFactor() {
        PoolConfig config = Pools.quiet().workers(1, 4).loadThreshold(100).shrinkFactor(0.5)
                .scalingPolicy(SEED_RULE).build();
        try (Dispatcher pool = Pools.start(config, Map.of())) {
            pool.scaler.tick(101);
            assertNull(pool.scaler.tick(60), "60 is above 0.5 × 100");
            assertEquals(ScalingEvent.Reason.LOAD_BELOW_BAND, pool.scaler.tick(49).reason());
        }
    }

    @Test
    void retiresOnlyIdleWorkers() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(2, 4).build(), Map.of("job", gate))) {
            pool.scaler.tick(1_000);
            pool.submit("job", 1);
            pool.submit("job", 2);
            pool.submit("job", 3);
            gate.awaitEntered(3);
            assertNull(pool.scaler.tick(0), "all three are busy: nobody to retire");
            gate.release();
        }
    }

    @Test
    void stabilisationWindowHoldsAShrinkUntilTheLoadHasStayedLow() {
        PoolConfig config = Pools.quiet().workers(1, 4).loadThreshold(100).build();
        try (Dispatcher pool = Pools.start(config, Map.of())) {
            assertNotNullGrowth(pool.scaler.tick(101));
            assertNull(pool.scaler.tick(0), "the window still holds the recommendation of 2");
            assertTrue(pool.lastScalingDecision().reason().contains("highest in the last 3 s: 2"),
                    pool.lastScalingDecision().reason());
        }
    }

    @Test
    void eventsCarryThePolicysReasonAndAPolicyCanBeSwappedLive() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 8).build(), Map.of())) {
            pool.setScalingPolicy(new BacklogPolicy(10, Duration.ZERO, Duration.ZERO));
            ScalingEvent grew = pool.scaler.tick(41);
            assertEquals(ScalingEvent.Reason.POLICY_GREW, grew.reason());
            assertEquals(5, grew.sizeAfter(), "ceil(41 / 10) in one jump");
            assertEquals("Backlog: (41 queued + 0 running) / target 10 per worker = 4.1 → 5 (1 → 5)",
                    grew.describe());
        }
    }

    private static void assertNotNullGrowth(ScalingEvent e) {
        assertEquals(ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD, e.reason());
        assertEquals(e.sizeBefore() + 1, e.sizeAfter());
    }
}
