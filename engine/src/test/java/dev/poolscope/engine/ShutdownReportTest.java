package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shutdown report's numbers count what happened during the shutdown, and nothing from before it. */
@Timeout(10)
class ShutdownReportTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theDrainCountsEveryWayARequestFinishedDuringIt() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        Handler broken = r -> {
            throw new IllegalStateException("broken");
        };
        Handler hangs = r -> {
            new CountDownLatch(1).await();
            return null;
        };
        PoolConfig config = Pools.quiet().workers(1, 1).build();
        try (Dispatcher pool = Pools.start(config,
                Map.of("ok", r -> "ok", "gate", gate, "broken", broken, "hangs", hangs))) {
            assertTrue(pool.submit("ok", 0).get(5, TimeUnit.SECONDS).isSuccess(), "before: not in the report");
            CompletableFuture<Outcome> held = pool.submit("gate", 1);
            gate.awaitEntered(1);
            CompletableFuture<Outcome> failed = pool.submit("broken", 2);
            CompletableFuture<Outcome> timedOut = pool.submit(Request.of("hangs", 3).withTimeout(Duration.ofMillis(20)));
            CompletableFuture<Outcome> completed = pool.submit("ok", 4);
            CompletableFuture<ShutdownReport> report = pool.shutdownAsync(Duration.ofMinutes(1));
            assertEquals(PoolState.DRAINING, pool.state());
            assertEquals(new Outcome.Dropped(DropReason.SHUTTING_DOWN), pool.submit("ok", 5).get(5, TimeUnit.SECONDS));
            assertTrue(Pools.threadsOf(pool).contains(pool.name + "-shutdown"));
            Thread shutdownThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals(pool.name + "-shutdown")).findFirst().orElseThrow();
            assertTrue(shutdownThread.isDaemon(), "a stuck shutdown must not keep the JVM alive");
            gate.release();
            assertTrue(held.get(5, TimeUnit.SECONDS).isSuccess());
            assertInstanceOf(Outcome.Failed.class, failed.get(5, TimeUnit.SECONDS));
            assertInstanceOf(Outcome.TimedOut.class, timedOut.get(5, TimeUnit.SECONDS));
            assertTrue(completed.get(5, TimeUnit.SECONDS).isSuccess());
            ShutdownReport done = report.get(5, TimeUnit.SECONDS);
            assertEquals(4, done.drained(), "2 completed + 1 failed + 1 timed out: " + done);
            assertEquals(0, done.interrupted());
            assertEquals(0, done.stuck());
            assertTrue(done.returned().isEmpty());
            assertFalse(done.forced());
            assertTrue(done.took().compareTo(Duration.ofSeconds(10)) < 0, done.took().toString());
        }
    }

    @Test
    void aRequestThatReturnsInSpiteOfTheDeadlinesInterruptIsCountedAsDrained() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        Handler partial = r -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await();
                return "whole";
            } catch (InterruptedException e) {
                return "partial";
            }
        };
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(2, 2).build(), Map.of("partial", partial))) {
            List<CompletableFuture<Outcome>> all = List.of(pool.submit("partial", 1), pool.submit("partial", 2),
                    pool.submit("partial", 3));
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            ShutdownReport done = pool.shutdown(Duration.ZERO);
            for (CompletableFuture<Outcome> f : all) {
                f.get(5, TimeUnit.SECONDS);
            }
            assertEquals(2, done.drained(), done.toString());
            assertEquals(1, done.returned().size(), done.toString());
            assertEquals(0, done.interrupted(), done.toString());
            assertEquals(2, pool.snapshot().completed());
        }
    }

    @Test
    void aWorkerGivenUpOnBeforeTheShutdownIsNotCountedAsStuckByIt() throws Exception {
        Pools.Stubborn stubborn = new Pools.Stubborn();
        PoolConfig config = Pools.quiet().workers(1, 1).requestTimeout(HOUR).stuckGrace(HOUR).build();
        try (Dispatcher pool = Pools.start(config, Map.of("stuck", stubborn))) {
            CompletableFuture<Outcome> f = pool.submit("stuck", null);
            stubborn.started.await();
            pool.watchdog.giveUpOnAll();
            f.get(5, TimeUnit.SECONDS);
            assertEquals(1, pool.snapshot().stuckWorkers());
            ShutdownReport done = pool.shutdown(Duration.ZERO);
            assertEquals(0, done.stuck(), done.toString());
            assertEquals(0, done.interrupted(), done.toString());
            stubborn.letGo.countDown();
        }
    }

    @Test
    void summarisesItselfInOneLine() {
        Request back = Request.of("job", 1);
        assertEquals("forced stop in 1500 ms: 3 drained, 1 returned, 2 interrupted, 1 stuck",
                new ShutdownReport(3, List.of(back), 2, 1, Duration.ofMillis(1500), true).summary());
        assertEquals("drained in 0 ms: 0 drained, 0 returned, 0 interrupted, 0 stuck",
                new ShutdownReport(0, List.of(), 0, 0, Duration.ZERO, false).summary());
    }

    @Test
    void aRequestThatEndsBeforeTheShutdownThreadRunsCountsAsDrained() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), Map.of("job", gate))) {
            CompletableFuture<Outcome> running = pool.submit("job", 1);
            gate.awaitEntered(1);
            // The shutdown thread's first look at the clock waits until the request has ended: as if the machine
            // ran the worker before it.
            AtomicBoolean first = new AtomicBoolean(true);
            pool.shutdown.useClock(() -> {
                if (Thread.currentThread().getName().endsWith("-shutdown") && first.getAndSet(false)) {
                    gate.release();
                    running.join();
                }
                return System.nanoTime();
            });
            ShutdownReport report = pool.shutdownAsync(Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
            assertEquals(1, report.drained(), report.summary());
        }
    }

    @Test
    void aMissingOrNegativeDeadlineIsRefusedWithItsValue() {
        try (Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of())) {
            assertEquals("deadline = null is not allowed: must be 0 ms or more",
                    assertThrows(IllegalArgumentException.class, () -> pool.shutdownAsync(null)).getMessage());
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                    () -> pool.shutdownAsync(Duration.ofMillis(-5)));
            assertTrue(negative.getMessage().startsWith("deadline = -5 ms is not allowed"), negative.getMessage());
            assertEquals(PoolState.RUNNING, pool.state(), "nothing half-applied");

            pool.shutdown(Duration.ofSeconds(5));
            assertThrows(IllegalArgumentException.class, () -> pool.shutdownAsync(null),
                    "refused once a shutdown has begun, too");
            assertThrows(IllegalArgumentException.class, () -> pool.shutdownAsync(Duration.ofMillis(-5)));
        }
    }
}
