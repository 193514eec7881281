package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RuntimeRetuningTest {

    @Test
    void raisingMinStartsWorkersAtOnce() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 8).build(), Map.of())) {
            pool.setMinWorkers(5);
            assertEquals(5, pool.poolSize());
            assertEquals(5, pool.snapshot().poolSize());
            assertEquals(ScalingEvent.Reason.MIN_RAISED, pool.scalingEventsSince(0).get(0).reason());
        }
    }

    @Test
    void loweringMaxRetiresTheSurplusAsEachFinishesItsRequest() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(6, 8).build(), Map.of("job", gate))) {
            for (int i = 0; i < 6; i++) {
                pool.submit("job", i);
            }
            gate.awaitEntered(6);
            pool.setWorkerRange(1, 2);
            assertEquals(6, pool.poolSize(), "busy workers keep running their requests");
            gate.release();
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.snapshot().completed() == 6);
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.poolSize() == 2);
            List<ScalingEvent> events = pool.scalingEventsSince(0);
            assertEquals(List.of(ScalingEvent.Reason.MAX_LOWERED),
                    events.stream().map(ScalingEvent::reason).toList(), "retiring is no death: " + events);
            assertEquals(2, pool.workers.view().length);
            for (int i = 0; i < 4; i++) {
                assertTrue(pool.submit("job", i).join().isSuccess(), "the two left keep working");
            }
            assertEquals(2, pool.poolSize(), "and do not retire further");
        }
    }

    @Test
    void loweringMaxRetiresIdleWorkersWithoutWaitingForWork() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(6, 8).build(), Map.of("ok", r -> "ok"))) {
            pool.setWorkerRange(2, 3);
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.poolSize() == 3);
            assertTrue(pool.submit("ok", 0).join().isSuccess());
            assertEquals(3, pool.poolSize());
        }
    }

    @Test
    void thresholdChangeIsUsedByTheNextTick() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 4).loadThreshold(1_000).build(),
                Map.of("job", gate))) {
            for (int i = 0; i < 50; i++) {
                pool.submit("job", i);
            }
            gate.awaitEntered(1);
            assertNull(pool.scaler.tick(pool.queue.size()), "49 queued is below 1000");
            pool.setLoadThreshold(10);
            ScalingEvent grew = pool.scaler.tick(pool.queue.size());
            assertEquals(ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD, grew.reason());
            assertEquals(10, grew.threshold());
            assertEquals(2, pool.poolSize());
            gate.release();
        }
    }

    @Test
    void invalidChangeIsRefusedWithFieldValueAndRangeAndChangesNothing() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(2, 4).build(), Map.of())) {
            PoolConfig before = pool.config();
            String m = assertThrows(IllegalArgumentException.class, () -> pool.setMinWorkers(10)).getMessage();
            assertTrue(m.contains("minWorkers = 10") && m.contains("maxWorkers (4)"), m);
            m = assertThrows(IllegalArgumentException.class, () -> pool.setLoadThreshold(0)).getMessage();
            assertTrue(m.startsWith("loadThreshold = 0"), m);
            m = assertThrows(IllegalArgumentException.class, () -> pool.setQueueCapacity(0)).getMessage();
            assertTrue(m.startsWith("queueCapacity = 0"), m);
            assertThrows(IllegalArgumentException.class, () -> pool.setMaxWorkers(-1));
            assertSame(before, pool.config());
            assertEquals(2, pool.poolSize());
        }
    }

    @Test
    void settingsCannotChangeOnceShutdownBegins() {
        Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of());
        pool.shutdown(Duration.ofSeconds(1));
        assertThrows(IllegalStateException.class, () -> pool.setMaxWorkers(3));
    }

    @Test
    void aMaxBelowMinIsRefusedNamingMaxWorkersAndChangesNothing() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(2, 4).build(), Map.of())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.setMaxWorkers(1));
            assertEquals("maxWorkers = 1 is not allowed: must be between minWorkers (2) and "
                    + PoolConfig.WORKER_LIMIT, e.getMessage());
            assertEquals(4, pool.config().maxWorkers());
        }
    }

    @Test
    void aLongerTickTakesEffectAfterTheTickAlreadyDueNotBeforeIt() {
        try (Dispatcher pool = Pools.start(Pools.quiet().scalingTick(Duration.ofSeconds(1)).build(), Map.of())) {
            pool.setScalingTick(Duration.ofSeconds(60));
            long next = pool.nanosToNextScalingTick();
            assertTrue(next <= Duration.ofSeconds(1).toNanos(), "next tick in " + next + " ns");
        }
    }
}
