package dev.poolscope.engine;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each step of a shutdown, driven by a hand clock: the drain deadline and the wait for stuck workers end exactly at
 * their limits, retry waits end at once, running attempts are cancelled by the shutdown itself. Reports are read
 * with a 2 s bound so that a shutdown a mutant hangs fails fast.
 */
@Timeout(10)
class ShutdownStepsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    /** awaitWorkers' limit for a grace of an hour: twice the grace and a second. */
    private static final long LIMIT = HOUR.toNanos() * 2 + Duration.ofSeconds(1).toNanos();

    private static Dispatcher pool(PoolConfig.Builder config, Map<String, Handler> handlers, HandClock clock) {
        Dispatcher pool = Pools.start(config.stuckGrace(HOUR).requestTimeout(HOUR).build(), handlers);
        pool.shutdown.useClock(clock);
        return pool;
    }

    @Test
    void theDrainEndsExactlyAtItsDeadlineByTheShutdownClock() throws Exception {
        HandClock clock = new HandClock();
        Pools.Gate gate = new Pools.Gate();
        Dispatcher pool = pool(Pools.quiet().workers(1, 1), Map.of("job", gate), clock);
        CompletableFuture<Outcome> running = pool.submit("job", 0);
        gate.awaitEntered(1);
        long began = clock.now();
        CompletableFuture<ShutdownReport> report = pool.shutdownAsync(HOUR);
        clock.awaitReadsAfter(clock.set(began), 2);
        clock.awaitReadsAfter(clock.set(began + HOUR.toNanos() - 1), 2);
        assertEquals(PoolState.DRAINING, pool.state(), "1 ns before the deadline the drain goes on");
        clock.set(began + HOUR.toNanos());
        ShutdownReport done = report.get(2, SECONDS);
        assertTrue(done.forced());
        assertEquals(new Outcome.Interrupted(1), Pools.settled(running));
        assertEquals(1, done.interrupted());
        assertEquals(HOUR, done.took(), "timed by the shutdown's clock");
    }

    @Test
    void waitsForAStuckWorkerTwiceTheGraceAndASecondThenGivesUpOnIt() throws Exception {
        HandClock clock = new HandClock();
        Pools.Stubborn stubborn = new Pools.Stubborn();
        Dispatcher pool = pool(Pools.quiet().workers(1, 1), Map.of("stuck", stubborn), clock);
        CompletableFuture<Outcome> stuck = pool.submit("stuck", null);
        stubborn.started.await();
        long began = clock.now();
        CompletableFuture<ShutdownReport> report = pool.shutdownAsync(Duration.ZERO);
        await().atMost(Duration.ofSeconds(2)).until(() -> stubborn.interrupts.get() > 0);
        // Interrupted means STOPPING: two reads more and the wait for workers has read its start.
        clock.awaitReadsAfter(clock.set(began), 2);
        clock.awaitReadsAfter(clock.set(began + LIMIT - 1), 3);
        assertFalse(report.isDone(), "1 ns before the limit shutdown still waits for the worker");
        assertEquals(PoolState.STOPPING, pool.state());
        clock.set(began + LIMIT);
        ShutdownReport done = report.get(2, SECONDS);
        assertEquals(1, done.stuck(), done.toString());
        assertEquals(1, done.interrupted(), done.toString());
        assertInstanceOf(Outcome.Interrupted.class, Pools.settled(stuck));
        assertTrue(pool.isTerminated());
        stubborn.letGo.countDown();
    }

    @Test
    void retryWaitsEndAtOnceWhileShutdownStillWaitsForAStuckWorker() throws Exception {
        HandClock clock = new HandClock();
        Pools.Stubborn stubborn = new Pools.Stubborn();
        Handler broken = r -> {
            throw new IllegalStateException("down");
        };
        Dispatcher pool = pool(Pools.quiet().workers(2, 2).maxRetries(3)
                        .retryBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30)),
                Map.of("stuck", stubborn, "broken", broken), clock);
        pool.submit("stuck", null);
        stubborn.started.await();
        CompletableFuture<Outcome> retrying = pool.submit("broken", null);
        await().atMost(Duration.ofSeconds(2)).until(() -> pool.snapshot().waitingForRetry() == 1);
        CompletableFuture<ShutdownReport> report = pool.shutdownAsync(Duration.ZERO);
        assertEquals(new Outcome.Interrupted(1), retrying.get(2, SECONDS));
        assertFalse(report.isDone(), "the stuck worker is still waited for");
        clock.awaitReadsAfter(clock.set(clock.now()), 2);
        clock.set(clock.now() + LIMIT);
        assertEquals(2, report.get(2, SECONDS).interrupted());
        stubborn.letGo.countDown();
    }

    @Test
    void aRetryWaitOutlivesAThrowingFirstAttemptToEndIt() throws Exception {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        Handler broken = r -> {
            throw new IllegalStateException("down");
        };
        PoolConfig config = Pools.quiet().maxRetries(3).retryBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .build();
        Dispatcher pool = Dispatcher.start(Pools.uniqueName(), config, Map.of("broken", broken), p -> new Finisher(p) {
            @Override
            void interruptAllWaiting() {
                if (failOnce.getAndSet(false)) {
                    throw new IllegalStateException("injected");
                }
                super.interruptAllWaiting();
            }
        });
        CompletableFuture<Outcome> retrying = pool.submit("broken", null);
        await().atMost(Duration.ofSeconds(2)).until(() -> pool.snapshot().waitingForRetry() == 1);
        ShutdownReport done = pool.shutdownAsync(Duration.ZERO).get(2, SECONDS);
        assertFalse(failOnce.get());
        assertEquals(new Outcome.Interrupted(1), Pools.settled(retrying));
        assertEquals(1, done.interrupted());
        assertTrue(pool.snapshot().invariantHolds());
    }

    @Test
    void shutdownCancelsRunningAttemptsItselfWithoutWaitingForTheWatchdogsTick() throws Exception {
        HandClock clock = new HandClock();
        Pools.Gate gate = new Pools.Gate();
        Dispatcher pool = pool(Pools.quiet().workers(1, 1), Map.of("job", gate), clock);
        CompletableFuture<Outcome> running = pool.submit("job", 0);
        gate.awaitEntered(1);
        Pools.parkScheduler(pool);
        // From here no periodic watchdog scan can run: only the shutdown's own scan can cancel the attempt.
        ShutdownReport done = pool.shutdownAsync(Duration.ZERO).get(2, SECONDS);
        assertEquals(new Outcome.Interrupted(1), Pools.settled(running));
        assertEquals(0, done.stuck());
        assertTrue(pool.scheduler.isTerminated(), "the scheduler has ended when the report comes");
    }

    @Test
    void theDrainWaitsForARequestRunningInItsCaller() throws Exception {
        HandClock clock = new HandClock();
        Pools.Gate onWorker = new Pools.Gate();
        Pools.Gate inCaller = new Pools.Gate();
        Dispatcher pool = pool(Pools.quiet().workers(1, 1).queueCapacity(1).overflowPolicy(OverflowPolicy.CALLER_RUNS),
                Map.of("w", onWorker, "c", inCaller, "ok", r -> "ok"), clock);
        CompletableFuture<Outcome> first = pool.submit("w", 0);
        onWorker.awaitEntered(1);
        CompletableFuture<Outcome> queued = pool.submit("ok", 1);
        CompletableFuture<CompletableFuture<Outcome>> caller = new CompletableFuture<>();
        new Thread(() -> caller.complete(pool.submit("c", 2)), "poolscope-test-caller").start();
        inCaller.awaitEntered(1);
        onWorker.release();
        assertTrue(first.get(2, SECONDS).isSuccess());
        assertTrue(queued.get(2, SECONDS).isSuccess());
        CompletableFuture<ShutdownReport> report = pool.shutdownAsync(HOUR);
        clock.awaitReadsAfter(clock.set(clock.now()), 2);
        assertEquals(PoolState.DRAINING, pool.state(), "the caller's request still runs");
        inCaller.release();
        ShutdownReport done = report.get(2, SECONDS);
        assertTrue(caller.get(2, SECONDS).get(2, SECONDS).isSuccess());
        assertFalse(done.forced());
        assertEquals(1, done.drained());
        assertEquals(0, done.interrupted());
    }

    @Test
    void aDrainThatEmptiesThePoolIsNotForcedAndEndsWithoutTheDeadline() throws Exception {
        HandClock clock = new HandClock();
        Pools.Gate gate = new Pools.Gate();
        Dispatcher pool = pool(Pools.quiet().workers(1, 1), Map.of("job", gate), clock);
        CompletableFuture<Outcome> first = pool.submit("job", 0);
        CompletableFuture<Outcome> second = pool.submit("job", 1);
        gate.awaitEntered(1);
        CompletableFuture<ShutdownReport> report = pool.shutdownAsync(HOUR);
        // Draining, so the report has taken its starting counts.
        clock.awaitReadsAfter(clock.set(clock.now()), 2);
        gate.release();
        ShutdownReport done = report.get(2, SECONDS);
        assertFalse(done.forced());
        assertEquals(2, done.drained());
        assertTrue(done.returned().isEmpty());
        assertTrue(Pools.settled(first).isSuccess() && Pools.settled(second).isSuccess());
    }

    @Test
    void stopNowEndsALongDrainAtOnceAndHandsBackTheQueue() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), Map.of("job", gate));
        CompletableFuture<Outcome> running = pool.submit("job", 0);
        gate.awaitEntered(1);
        CompletableFuture<Outcome> queued = pool.submit("job", 1);
        CompletableFuture<ShutdownReport> report = pool.shutdownAsync(HOUR);
        assertEquals(1, pool.stopNow().get(2, SECONDS).size());
        ShutdownReport done = report.get(2, SECONDS);
        assertTrue(done.forced());
        assertInstanceOf(Outcome.Returned.class, Pools.settled(queued));
        assertEquals(new Outcome.Interrupted(1), Pools.settled(running));
    }

    @Test
    void noSubmitterMayStartARequestItselfOnceShutdownHasBegun() throws Exception {
        Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of());
        Worker early = Worker.caller(pool);
        assertTrue(pool.watchdog.addCaller(early), "while running, a caller may");
        pool.watchdog.removeCaller(early);
        CompletableFuture<ShutdownReport> report = pool.shutdownAsync(HOUR);
        assertFalse(pool.watchdog.addCaller(Worker.caller(pool)));
        report.get(2, SECONDS);
    }
}
