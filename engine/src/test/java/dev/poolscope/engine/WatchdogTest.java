package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The watchdog's decisions at their edges, with the clock in the test's hand: timeouts and the grace are an hour,
 * so the periodic scan never acts, and each test scans with exactly the time it wants (a nanosecond before or
 * after a deadline). Outcomes are read with a short limit, so a missed cancellation fails at once.
 */
@Timeout(10)
class WatchdogTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private static PoolConfig handDriven() {
        return Pools.quiet().workers(1, 1).requestTimeout(HOUR).stuckGrace(HOUR).build();
    }

    @Test
    void anAttemptIsCancelledJustAfterItsDeadlineNotAtIt() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(handDriven(), Map.of("job", gate))) {
            CompletableFuture<Outcome> f = pool.submit("job", null);
            gate.awaitEntered(1);
            Worker w = pool.workers.view()[0];
            Job job = w.current;
            pool.watchdog.scan(false, w.attemptDeadline());
            assertEquals(Job.RUNNING, Job.phase(job.state()), "at the deadline it still runs");
            pool.watchdog.scan(false, w.attemptDeadline() + 1);
            Outcome.TimedOut timedOut = assertInstanceOf(Outcome.TimedOut.class, f.get(5, TimeUnit.SECONDS));
            assertEquals(new Outcome.TimedOut(HOUR, 1), timedOut);
            assertEquals(1, pool.snapshot().timedOut());
            assertEquals(0, pool.snapshot().stuckWorkers(), "the handler gave in to the interrupt");
        }
    }

    @Test
    void aQueuedRequestRunsUnderThePoolsTimeoutInForceWhenItStarts() throws Exception {
        Pools.Gate first = new Pools.Gate();
        Pools.Gate second = new Pools.Gate();
        Duration retuned = Duration.ofMinutes(2);
        try (Dispatcher pool = Pools.start(handDriven(), Map.of("first", first, "second", second))) {
            CompletableFuture<Outcome> a = pool.submit("first", null);
            first.awaitEntered(1);
            CompletableFuture<Outcome> b = pool.submit("second", null);
            pool.setRequestTimeout(retuned);
            first.release();
            second.awaitEntered(1);
            Worker w = pool.workers.view()[0];

            assertTrue(a.get(5, TimeUnit.SECONDS).isSuccess());
            assertEquals(retuned.toNanos(), w.attemptTimeout(), "queued under an hour, started under two minutes");
            pool.watchdog.scan(false, w.attemptDeadline() + 1);
            assertEquals(new Outcome.TimedOut(retuned, 1), b.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aRequestWithoutTimeoutIsNeverCancelled() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(handDriven(), Map.of("job", gate))) {
            CompletableFuture<Outcome> f = pool.submit(Request.of("job", "x").withTimeout(Duration.ZERO));
            gate.awaitEntered(1);
            Job job = pool.workers.view()[0].current;
            pool.watchdog.scan(false, System.nanoTime() + 2 * HOUR.toNanos());
            assertEquals(Job.RUNNING, Job.phase(job.state()));
            gate.release();
            assertTrue(f.get(5, TimeUnit.SECONDS).isSuccess());
        }
    }

    @Test
    void aStuckWorkerIsGivenUpOnJustAfterTheGraceAndReplaced() throws Exception {
        Pools.Stubborn stubborn = new Pools.Stubborn();
        try (Dispatcher pool = Pools.start(handDriven(), Map.of("stuck", stubborn, "ok", r -> "ok"))) {
            CompletableFuture<Outcome> f = pool.submit("stuck", null);
            stubborn.started.await();
            Worker stuck = pool.workers.view()[0];
            Job job = stuck.current;
            pool.watchdog.scan(false, stuck.attemptDeadline() + 1);
            assertEquals(Job.CANCELLED, Job.phase(job.state()), "interrupted, but the handler ignores it");
            long graceEnds = job.cancellation.at() + HOUR.toNanos();
            pool.watchdog.scan(false, graceEnds);
            assertFalse(f.isDone(), "within the grace it keeps its worker");
            assertSame(stuck, pool.workers.view()[0]);
            pool.watchdog.scan(false, graceEnds + 1);
            assertEquals(new Outcome.TimedOut(HOUR, 1), f.get(5, TimeUnit.SECONDS));
            assertEquals(1, pool.snapshot().stuckWorkers());
            Latency waits = pool.snapshot().queueWait();
            assertEquals(1, waits.count(), "the given-up attempt's queue wait is recorded, its run time is not");
            assertEquals(job.waitNanos, waits.maxNanos(), job.waitNanos * 0.02 + 1,
                    "the wait it had when it started, to the histogram's precision");
            assertEquals(1, pool.poolSize());
            assertNotSame(stuck, pool.workers.view()[0], "a replacement took its place");
            assertTrue(pool.scalingEventsSince(0).stream()
                    .anyMatch(e -> e.reason() == ScalingEvent.Reason.STUCK_REPLACED));
            assertTrue(pool.submit("ok", null).get(5, TimeUnit.SECONDS).isSuccess());
            stubborn.letGo.countDown();
            assertTrue(pool.snapshot().invariantHolds());
        }
    }

    @Test
    void aStoppingScanCancelsEveryRunningAttemptForShutdown() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(handDriven(), Map.of("job", gate))) {
            CompletableFuture<Outcome> f = pool.submit("job", null);
            gate.awaitEntered(1);
            pool.watchdog.scan(true, System.nanoTime());
            assertEquals(new Outcome.Interrupted(1), f.get(5, TimeUnit.SECONDS));
            assertEquals(1, pool.snapshot().interrupted());
        }
    }

    @Test
    void givingUpOnAllEndsAStuckAttemptAtOnceWithoutTheGrace() throws Exception {
        Pools.Stubborn stubborn = new Pools.Stubborn();
        try (Dispatcher pool = Pools.start(handDriven(), Map.of("stuck", stubborn))) {
            CompletableFuture<Outcome> f = pool.submit("stuck", null);
            stubborn.started.await();
            Worker stuck = pool.workers.view()[0];
            pool.watchdog.giveUpOnAll();
            assertEquals(new Outcome.Interrupted(1), f.get(5, TimeUnit.SECONDS));
            assertEquals(1, pool.snapshot().stuckWorkers());
            assertNotSame(stuck, pool.workers.view()[0]);
            pool.watchdog.giveUpOnAll();
            assertEquals(1, pool.snapshot().stuckWorkers(), "an idle worker is left alone");
            stubborn.letGo.countDown();
        }
    }

    @Test
    void aSubmitterRunningARequestItselfIsCancelledButGivenUpOnOnlyWhenThePoolStops() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        Pools.Stubborn stubborn = new Pools.Stubborn();
        PoolConfig config = Pools.quiet().workers(1, 1).queueCapacity(1).overflowPolicy(OverflowPolicy.CALLER_RUNS)
                .requestTimeout(HOUR).stuckGrace(HOUR).build();
        try (Dispatcher pool = Pools.start(config, Map.of("job", gate, "stuck", stubborn))) {
            // The worker and the queue are taken by requests without a timeout, which no scan cancels.
            CompletableFuture<Outcome> running = pool.submit(Request.of("job", 1).withTimeout(Duration.ZERO));
            gate.awaitEntered(1);
            CompletableFuture<Outcome> queued = pool.submit(Request.of("job", 2).withTimeout(Duration.ZERO));
            CompletableFuture<Outcome> byCaller = CompletableFuture.supplyAsync(() -> pool.submit("stuck", null).join());
            stubborn.started.await();
            assertTrue(pool.watchdog.anyCallerRunning());
            long pastDeadline = System.nanoTime() + 2 * HOUR.toNanos();
            pool.watchdog.scan(false, pastDeadline);
            await().atMost(Duration.ofSeconds(5)).until(() -> stubborn.interrupts.get() == 1);
            long pastGrace = pastDeadline + HOUR.toNanos() + 1;
            pool.watchdog.scan(false, pastGrace);
            assertTrue(pool.watchdog.anyCallerRunning(), "a submitter cannot be replaced: it keeps its request");
            assertEquals(0, pool.snapshot().timedOut());
            pool.watchdog.scan(true, pastGrace);
            assertEquals(1, pool.snapshot().timedOut(), "stopping, the pool gives up on it");
            assertEquals(0, pool.snapshot().stuckWorkers(), "no pooled worker was lost");
            stubborn.letGo.countDown();
            assertEquals(new Outcome.TimedOut(HOUR, 1), byCaller.get(5, TimeUnit.SECONDS));
            gate.release();
            assertTrue(queued.get(5, TimeUnit.SECONDS).isSuccess());
            running.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void noSubmitterMayRunARequestItselfOnceCallersAreClosed() {
        try (Dispatcher pool = Pools.start(handDriven(), Map.of())) {
            Worker caller = Worker.caller(pool);
            assertTrue(pool.watchdog.addCaller(caller));
            assertTrue(pool.watchdog.anyCallerRunning());
            pool.watchdog.removeCaller(caller);
            assertFalse(pool.watchdog.anyCallerRunning());
            pool.watchdog.closeCallers();
            assertFalse(pool.watchdog.addCaller(Worker.caller(pool)));
            assertFalse(pool.watchdog.anyCallerRunning());
        }
    }
}
