package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Retirement, driven by hand on quiet pools: a lowered max sets a quota that busy workers use up only after their
 * request, exactly one worker per unit of quota, and growth cancels a pending retirement before starting anyone.
 */
@Timeout(10)
class RetirementTest {

    /** The seed's rule without a down window, so one tick below the band shrinks at once. */
    private static final ThresholdPolicy NO_WINDOW = new ThresholdPolicy(Duration.ZERO, Duration.ZERO);

    @Test
    void loweringMaxRetiresTheBusySurplusOnlyAfterItsRequestEnds() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(2, 2).build(), Map.of("job", gate))) {
            pool.submit("job", 1);
            pool.submit("job", 2);
            gate.awaitEntered(2);

            pool.setWorkerRange(1, 1);

            assertEquals(2, pool.poolSize(), "retiring never interrupts a running request");
            ScalingEvent lowered = last(pool.scalingEventsSince(0));
            assertEquals(ScalingEvent.Reason.MAX_LOWERED, lowered.reason());
            assertEquals(2, lowered.sizeBefore());
            assertEquals(1, lowered.sizeAfter());
            assertFalse(pool.workers.tryRetire(Worker.caller(pool)), "only a live worker can take the quota");

            gate.release();
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.poolSize() == 1);
            assertFalse(pool.workers.tryRetire(pool.workers.view()[0]), "one unit of quota retires one worker");
            assertEquals(1, pool.poolSize());
        }
    }

    @Test
    void growthCancelsAPendingRetirementInsteadOfStartingAWorker() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(2, 2).loadThreshold(2).build(),
                Map.of("job", gate))) {
            pool.submit("job", 1);
            pool.submit("job", 2);
            gate.awaitEntered(2);
            pool.setWorkerRange(1, 1);
            pool.setWorkerRange(1, 3);

            ScalingEvent grown = pool.scaler.tick(3);

            assertEquals(ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD, grown.reason());
            assertEquals(1, grown.sizeBefore(), "one of the two was due to retire");
            assertEquals(2, grown.sizeAfter());
            assertEquals(2, pool.poolSize(), "no worker started: the retirement was cancelled instead");
            Worker kept = pool.workers.view()[0];
            assertFalse(pool.workers.tryRetire(kept), "nothing is due to retire any more");
            gate.release();
        }
    }

    @Test
    void shrinkingRetiresAnIdleWorkerAndCountsItAtOnce() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 4).loadThreshold(4).scalingPolicy(NO_WINDOW).build(), Map.of())) {
            pool.scaler.tick(5);
            pool.scaler.tick(5);
            assertEquals(3, pool.poolSize());

            ScalingEvent shrink = pool.scaler.tick(0);

            assertEquals(ScalingEvent.Reason.LOAD_BELOW_BAND, shrink.reason());
            assertEquals(3, shrink.sizeBefore());
            assertEquals(2, shrink.sizeAfter());
            ScalingEvent again = pool.scaler.tick(0);
            assertEquals(2, again.sizeBefore(), "the first retirement counts before the worker has left");
            assertEquals(1, again.sizeAfter());
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.poolSize() == 1);
            assertNull(pool.scaler.tick(0), "never below min");
        }
    }

    @Test
    void growsOnlyUpToMaxCountingPendingRetirements() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 2).loadThreshold(4).build(), Map.of())) {
            ScalingEvent grown = pool.scaler.tick(5);
            assertEquals(1, grown.sizeBefore());
            assertEquals(2, grown.sizeAfter());
            assertNull(pool.scaler.tick(5), "at max");
            assertEquals(2, pool.poolSize());
        }
    }

    @Test
    void raisingMinStartsWorkersAtOnceAndSaysSo() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 4).build(), Map.of())) {
            pool.setWorkerRange(3, 4);

            assertEquals(3, pool.poolSize());
            ScalingEvent raised = last(pool.scalingEventsSince(0));
            assertEquals(ScalingEvent.Reason.MIN_RAISED, raised.reason());
            assertEquals(1, raised.sizeBefore());
            assertEquals(3, raised.sizeAfter());
            long events = pool.scalingEventCount();
            pool.setWorkerRange(3, 4);
            assertEquals(events, pool.scalingEventCount(), "no change, no event");
        }
    }

    @Test
    void raisingMinCancelsPendingRetirementsBeforeStartingWorkers() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(3, 3).build(), Map.of("job", gate))) {
            for (int i = 0; i < 3; i++) {
                pool.submit("job", i);
            }
            gate.awaitEntered(3);
            pool.setWorkerRange(1, 1);
            assertEquals(3, pool.poolSize());

            pool.setWorkerRange(2, 3);

            ScalingEvent raised = last(pool.scalingEventsSince(0));
            assertEquals(ScalingEvent.Reason.MIN_RAISED, raised.reason());
            assertEquals(1, raised.sizeBefore());
            assertEquals(2, raised.sizeAfter());
            assertEquals(3, pool.poolSize(), "a cancelled retirement, not a new worker");
            gate.release();
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.poolSize() == 2);
            assertFalse(pool.workers.tryRetire(pool.workers.view()[0]));
        }
    }

    @Test
    void shrinkingWakesIdleWorkersAtOnceToRetire() throws Exception {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 4).loadThreshold(4).scalingPolicy(NO_WINDOW).build(), Map.of())) {
            pool.scaler.tick(5);
            CompletableFuture<Job> idle = idleOn(pool.queue);

            pool.scaler.tick(0);

            assertNull(idle.get(5, TimeUnit.SECONDS), "woken empty-handed, long before its own recheck");
        }
    }

    @Test
    void loweringMaxWakesIdleWorkersAtOnceToRetire() throws Exception {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(2, 2).build(), Map.of())) {
            CompletableFuture<Job> idle = idleOn(pool.queue);

            pool.setWorkerRange(1, 1);

            assertNull(idle.get(5, TimeUnit.SECONDS), "woken empty-handed, long before its own recheck");
        }
    }

    /** A stand-in idle worker: a thread waiting on the pool's queue far longer than the test may take. */
    private static CompletableFuture<Job> idleOn(RequestQueue queue) {
        CompletableFuture<Job> taken = new CompletableFuture<>();
        Thread t = new Thread(() -> taken.complete(queue.take(TimeUnit.MINUTES.toNanos(10))), "idle-stand-in");
        t.setDaemon(true);
        t.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> t.getState() == Thread.State.TIMED_WAITING);
        return taken;
    }

    private static ScalingEvent last(List<ScalingEvent> events) {
        assertTrue(events.size() > 0, "an event was published");
        return events.get(events.size() - 1);
    }
}
