package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Shutdown ends every request exactly once and every engine thread, whatever the deadline or a step throws. */
@Timeout(30)
class ShutdownTotalityTest {

    @Test
    void aHugeDeadlineMeansWaitAndEveryQueuedRequestCompletes() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), Map.of("job", gate))) {
            List<CompletableFuture<Outcome>> all = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                all.add(pool.submit("job", i));
            }
            gate.awaitEntered(1);
            CompletableFuture<ShutdownReport> report = pool.shutdownAsync(Duration.ofSeconds(Long.MAX_VALUE));
            assertFalse(pool.awaitTermination(Duration.ofMillis(50)), "still draining: a long deadline waits");
            gate.release();
            assertTrue(pool.awaitTermination(Duration.ofSeconds(Long.MAX_VALUE)));
            for (CompletableFuture<Outcome> f : all) {
                assertInstanceOf(Outcome.Completed.class, Pools.settled(f));
            }
            assertEquals(10, report.join().drained());
            assertFalse(report.join().forced());
            Pools.awaitNoThreads(pool);
        }
    }

    @Test
    void aFailingShutdownStepStillGivesEveryRequestItsOutcomeAndEndsEveryThread() throws Exception {
        AtomicInteger failures = new AtomicInteger(2);
        Pools.Gate gate = new Pools.Gate();
        PoolConfig config = Pools.quiet().workers(1, 1).build();
        Dispatcher pool = Dispatcher.start("poolscope-sweep", config, Map.of("job", gate), p -> new Finisher(p) {
            @Override
            void interruptAllWaiting() {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("injected " + failures.get());
                }
                super.interruptAllWaiting();
            }
        });
        List<Throwable> logged = new ArrayList<>();
        pool.shutdown.useLog(new RecordingLogger((level, msg, thrown) ->
                logged.add(thrown != null ? thrown : new AssertionError(msg))));
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(pool.submit("job", i));
        }
        gate.awaitEntered(1);
        ShutdownReport report = pool.shutdownAsync(Duration.ofMillis(20)).get(2, TimeUnit.SECONDS);
        assertTrue(pool.isTerminated());
        assertEquals(1, logged.size(), "both failures in one record");
        assertEquals("injected 1", logged.get(0).getMessage(), "the first failure, the later one suppressed in it");
        assertEquals("injected 0", logged.get(0).getSuppressed()[0].getMessage());
        assertInstanceOf(Outcome.Interrupted.class, Pools.settled(all.get(0)));
        for (CompletableFuture<Outcome> f : all.subList(1, 5)) {
            assertInstanceOf(Outcome.Returned.class, Pools.settled(f));
        }
        assertEquals(4, report.returned().size());
        PoolSnapshot s = pool.snapshot();
        assertEquals(0, s.inFlight());
        assertTrue(s.invariantHolds(), s.toString());
        Pools.awaitNoThreads(pool);
    }

    @Test
    void aShutdownWithoutFailuresLogsNothing() throws Exception {
        List<Throwable> logged = new ArrayList<>();
        Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of("ok", r -> "ok"));
        pool.shutdown.useLog(new RecordingLogger((level, msg, thrown) ->
                logged.add(thrown != null ? thrown : new AssertionError(msg))));
        assertTrue(pool.submit("ok", 1).get(2, TimeUnit.SECONDS).isSuccess());
        pool.shutdownAsync(Duration.ZERO).get(2, TimeUnit.SECONDS);
        assertEquals(List.of(), logged);
    }

    @Test
    void terminatedWaitsForACallerRunRequestAndInterruptsItAtTheDeadline() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        PoolConfig config = Pools.quiet().workers(1, 1).queueCapacity(1)
                .overflowPolicy(OverflowPolicy.CALLER_RUNS).build();
        try (Dispatcher pool = Pools.start(config, Map.of("job", gate))) {
            CompletableFuture<Outcome> onWorker = pool.submit("job", 0);
            gate.awaitEntered(1);
            CompletableFuture<Outcome> queued = pool.submit("job", 1);
            CompletableFuture<CompletableFuture<Outcome>> inCaller = new CompletableFuture<>();
            Thread caller = new Thread(() -> inCaller.complete(pool.submit("job", 2)), "poolscope-test-caller");
            caller.start();
            gate.awaitEntered(2);
            ShutdownReport report = pool.shutdown(Duration.ofMillis(20));
            assertTrue(pool.isTerminated());
            PoolSnapshot s = pool.snapshot();
            assertEquals(0, s.running(), "TERMINATED: nothing of the pool runs, the caller's request included");
            assertInstanceOf(Outcome.Interrupted.class, Pools.settled(inCaller.join()));
            assertInstanceOf(Outcome.Interrupted.class, Pools.settled(onWorker));
            assertInstanceOf(Outcome.Returned.class, Pools.settled(queued));
            assertEquals(2, report.interrupted());
            assertTrue(s.invariantHolds(), s.toString());
        }
    }

    @Test
    void aCallerRunRequestCannotStartOnceShutdownHasBegun() {
        Pools.Gate gate = new Pools.Gate();
        PoolConfig config = Pools.quiet().workers(1, 1).queueCapacity(1)
                .overflowPolicy(OverflowPolicy.CALLER_RUNS).build();
        try (Dispatcher pool = Pools.start(config, Map.of("job", gate))) {
            pool.submit("job", 0);
            gate.awaitEntered(1);
            pool.submit("job", 1);
            pool.shutdownAsync(Duration.ofSeconds(5));
            assertEquals(new Outcome.Dropped(DropReason.SHUTTING_DOWN), Pools.settled(pool.submit("job", 2)));
            assertEquals(1, gate.entered.get(), "the refused request never ran in the caller");
            gate.release();
        }
    }
}
