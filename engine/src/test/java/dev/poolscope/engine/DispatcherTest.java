package dev.poolscope.engine;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dispatcher's own paths: refusals that race a closing queue, an interrupted blocked submitter, caller-run
 * refusals, evictions told to listeners, and settings applied whole (each setter its field, the queue its new
 * capacity, the scaler its new tick) while the scaler and the watchdog keep to the pool's state.
 */
@Timeout(10)
class DispatcherTest {

    private static final Duration HOUR = Duration.ofHours(1);

    /** A pool with its one worker held by {@code gate} and one request queued, so the queue of one is full. */
    private static Dispatcher full(OverflowPolicy policy, Pools.Gate gate, Map<String, Handler> more) {
        Map<String, Handler> handlers = new java.util.HashMap<>(more);
        handlers.put("job", gate);
        Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).queueCapacity(1).overflowPolicy(policy)
                .blockTimeout(HOUR).stuckGrace(HOUR).requestTimeout(HOUR).build(), handlers);
        pool.submit("job", "running");
        gate.awaitEntered(1);
        pool.submit("job", "queued");
        return pool;
    }

    private static List<String> heardDrops(Dispatcher pool) {
        List<String> heard = new CopyOnWriteArrayList<>();
        pool.addListener(new PoolListener() {
            @Override
            public void onDrop(Request request, DropReason reason) {
                heard.add(request.payload() + " " + reason);
            }
        });
        return heard;
    }

    private static void stop(Dispatcher pool) throws Exception {
        pool.shutdownAsync(Duration.ZERO).get(2, SECONDS);
    }

    @Test
    void aListenerThatThrowsAnErrorLosesNoRequestAndStopsNoChange() throws Exception {
        Dispatcher pool = Pools.start(Pools.quiet().workers(1, 4).build(), Map.of("ok", r -> "ok"));
        pool.addListener(new PoolListener() {
            @Override
            public void onDrop(Request request, DropReason reason) {
                throw new AssertionError("a listener's bug");
            }

            @Override
            public void onScaling(ScalingEvent event) {
                throw new AssertionError("a listener's bug");
            }
        });
        pool.setWorkerRange(2, 4);
        assertEquals(2, pool.config().minWorkers());
        stop(pool);
        assertEquals(new Outcome.Dropped(DropReason.SHUTTING_DOWN), pool.submit("ok", 1).get(2, SECONDS));
    }

    @Test
    void startsAPoolNamedPoolscopeByDefault() throws Exception {
        Dispatcher pool = Dispatcher.start(Pools.quiet().build(), Map.of());
        assertEquals("poolscope", pool.name);
        assertEquals(PoolState.RUNNING, pool.state());
        stop(pool);
    }

    @Test
    void aRequestAClosedQueueRefusesIsDroppedAsShuttingDownUnderEveryPolicy() throws Exception {
        for (OverflowPolicy policy : OverflowPolicy.values()) {
            Dispatcher pool = Pools.start(Pools.quiet().overflowPolicy(policy).build(), Map.of("ok", r -> "ok"));
            List<String> heard = heardDrops(pool);
            // Shutdown closes the queue just after the state changes: a submitter in between meets a closed queue.
            pool.queue.stopAccepting();
            assertEquals(new Outcome.Dropped(DropReason.SHUTTING_DOWN), Pools.settled(pool.submit("ok", policy)),
                    policy.toString());
            assertEquals(List.of(policy + " SHUTTING_DOWN"), heard);
            assertEquals(1, pool.snapshot().dropped(DropReason.SHUTTING_DOWN), policy.toString());
            stop(pool);
        }
    }

    @Test
    void anInterruptedSubmitterWaitingForRoomIsDroppedAndKeepsItsInterrupt() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        Dispatcher pool = full(OverflowPolicy.BLOCK, gate, Map.of());
        List<String> heard = heardDrops(pool);
        Thread.currentThread().interrupt();
        CompletableFuture<Outcome> refused = pool.submit("job", "interrupted");
        assertTrue(Thread.interrupted(), "the submitter's interrupt is kept for its caller");
        assertEquals(new Outcome.Dropped(DropReason.QUEUE_FULL), Pools.settled(refused), "it waited out no timeout");
        assertEquals(List.of("interrupted QUEUE_FULL"), heard);
        assertEquals(1, pool.snapshot().dropped(DropReason.QUEUE_FULL));
        assertEquals(0, pool.snapshot().dropped(DropReason.BLOCK_TIMEOUT));
        gate.release();
        stop(pool);
    }

    @Test
    void aSubmitterTheWatchdogNoLongerLetsRunARequestIsDroppedAsShuttingDown() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        Dispatcher pool = full(OverflowPolicy.CALLER_RUNS, gate, Map.of());
        // Shutdown closes the callers just after the state changes: a submitter in between is refused there.
        pool.watchdog.closeCallers();
        assertEquals(new Outcome.Dropped(DropReason.SHUTTING_DOWN), Pools.settled(pool.submit("job", "late")));
        assertEquals(1, gate.entered.get(), "the refused request never ran in the caller");
        assertEquals(1, pool.snapshot().dropped(DropReason.SHUTTING_DOWN));
        gate.release();
        stop(pool);
    }

    @Test
    void anEvictedRequestIsToldToListeners() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        Dispatcher pool = full(OverflowPolicy.DROP_OLDEST, gate, Map.of());
        List<String> heard = heardDrops(pool);
        pool.submit("job", "newest");
        assertEquals(List.of("queued EVICTED"), heard);
        gate.release();
        stop(pool);
    }

    @Test
    void reconfigureReturnsTheConfigItApplied() throws Exception {
        Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of());
        PoolConfig applied = pool.reconfigure(b -> b.loadThreshold(7));
        assertSame(pool.config(), applied);
        assertEquals(7, applied.loadThreshold());
        stop(pool);
    }

    @Test
    void eachSetterAppliesItsOwnField() throws Exception {
        Dispatcher pool = Pools.start(Pools.quiet().workers(1, 4).build(), Map.of());
        ScalingPolicy policy = new ThresholdPolicy(Duration.ZERO, Duration.ZERO);
        pool.setMaxRetries(4);
        pool.setOverflowPolicy(OverflowPolicy.BLOCK);
        pool.setRequestTimeout(Duration.ofSeconds(3));
        pool.setLoadThreshold(9);
        pool.setQueueCapacity(12);
        pool.setScalingPolicy(policy);
        pool.setMaxWorkers(6);
        pool.setMinWorkers(2);
        PoolConfig c = pool.config();
        assertEquals(4, c.maxRetries());
        assertEquals(OverflowPolicy.BLOCK, c.overflowPolicy());
        assertEquals(Duration.ofSeconds(3), c.requestTimeout());
        assertEquals(9, c.loadThreshold());
        assertEquals(12, c.queueCapacity());
        assertSame(policy, c.scalingPolicy());
        assertEquals(6, c.maxWorkers());
        assertEquals(2, c.minWorkers());
        stop(pool);
    }

    @Test
    void aBadSettingChangesNothingAndNoSettingChangesOnceShutdownHasBegun() throws Exception {
        Dispatcher pool = Pools.start(Pools.quiet().workers(1, 4).build(), Map.of());
        PoolConfig before = pool.config();
        assertThrows(IllegalArgumentException.class, () -> pool.setWorkerRange(5, 2));
        assertSame(before, pool.config(), "nothing half-applied");
        CompletableFuture<ShutdownReport> report = pool.shutdownAsync(Duration.ZERO);
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> pool.setLoadThreshold(3));
        assertTrue(late.getMessage().startsWith("the pool is "), late.getMessage());
        assertSame(before, pool.config());
        report.get(2, SECONDS);
    }

    @Test
    void aSmallerQueueCapacityRefusesWhatNoLongerFits() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).queueCapacity(5).build(), Map.of("job", gate));
        pool.submit("job", 0);
        gate.awaitEntered(1);
        pool.setQueueCapacity(1);
        CompletableFuture<Outcome> fits = pool.submit("job", 1);
        assertEquals(new Outcome.Dropped(DropReason.QUEUE_FULL), Pools.settled(pool.submit("job", 2)));
        gate.release();
        assertTrue(fits.get(2, SECONDS).isSuccess());
        stop(pool);
    }

    @Test
    void aNewScalingTickReschedulesTheScalerAndDropsTheOldTimer() throws Exception {
        Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of());
        assertNull(pool.lastScalingDecision(), "a quiet pool has not ticked yet");
        pool.setScalingTick(Duration.ofSeconds(59));
        assertTrue(pool.scheduler.getQueue().stream().noneMatch(r -> ((Future<?>) r).isCancelled()),
                "the old scaler timer left the scheduler's queue");
        pool.setScalingTick(Duration.ofMillis(10));
        await().atMost(Duration.ofSeconds(2)).until(() -> pool.lastScalingDecision() != null);
        stop(pool);
    }

    @Test
    void theScalerDecidesNothingOnceThePoolStops() throws Exception {
        Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of());
        CountDownLatch hold = new CountDownLatch(1);
        pool.scheduler.execute(() -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        pool.setScalingTick(Duration.ofMillis(10));
        pool.moveTo(PoolState.STOPPING);
        hold.countDown();
        // Ticks due before it run first: the scheduler has one thread and runs timers in time order.
        pool.scheduler.schedule(() -> { }, 50, MILLISECONDS).get(2, SECONDS);
        assertNull(pool.lastScalingDecision());
        pool.moveTo(PoolState.RUNNING);
        stop(pool);
    }

    @Test
    void theWatchdogGivesUpOnAStuckCallerRunAttemptOnceThePoolStops() throws Exception {
        HandClock clock = new HandClock();
        Pools.Gate gate = new Pools.Gate();
        Pools.Stubborn stubborn = new Pools.Stubborn();
        Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).queueCapacity(1)
                .overflowPolicy(OverflowPolicy.CALLER_RUNS).requestTimeout(HOUR).stuckGrace(Duration.ofMillis(20))
                .build(), Map.of("job", gate, "ok", r -> "ok", "stuck", stubborn));
        pool.shutdown.useClock(clock);
        pool.submit("job", 0);
        gate.awaitEntered(1);
        CompletableFuture<Outcome> queued = pool.submit("ok", 1);
        Thread caller = new Thread(() -> pool.submit("stuck", 2), "poolscope-test-caller");
        caller.start();
        stubborn.started.await();
        gate.release();
        assertTrue(queued.get(2, SECONDS).isSuccess());
        CompletableFuture<ShutdownReport> report = pool.shutdownAsync(Duration.ZERO);
        // The shutdown's clock stands still, so only the periodic scan, past the grace, can end the attempt.
        await().atMost(Duration.ofSeconds(2)).until(() -> pool.snapshot().interrupted() == 1);
        stubborn.letGo.countDown();
        assertEquals(1, report.get(2, SECONDS).interrupted());
        caller.join(2000);
    }
}
