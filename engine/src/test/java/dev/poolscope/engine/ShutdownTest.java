package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ShutdownTest {

    @Test
    void drainsTheQueueWhenItFinishesBeforeTheDeadline() {
        Dispatcher pool = Pools.start(Pools.quiet().workers(2, 2).build(), Map.of("ok", r -> r.payload()));
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(pool.submit("ok", i));
        }
        ShutdownReport report = pool.shutdown(Duration.ofSeconds(10));
        assertFalse(report.forced());
        assertTrue(futures.stream().allMatch(f -> Pools.settled(f).isSuccess()));
        assertTrue(report.returned().isEmpty());
        assertEquals(PoolState.TERMINATED, pool.state());
        Pools.awaitNoThreads(pool);
    }

    @Test
    void handsBackQueuedRequestsAndInterruptsRunningOnesAtTheDeadline() {
        Pools.Gate gate = new Pools.Gate();
        Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), Map.of("job", gate));
        CompletableFuture<Outcome> running = pool.submit("job", "running");
        gate.awaitEntered(1);
        List<CompletableFuture<Outcome>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(pool.submit("job", i));
        }
        ShutdownReport report = pool.shutdown(Duration.ofMillis(50));
        assertTrue(report.forced());
        assertEquals(5, report.returned().size());
        assertEquals(List.of(0, 1, 2, 3, 4), report.returned().stream().map(Request::payload).toList());
        assertTrue(queued.stream().allMatch(f -> Pools.settled(f) instanceof Outcome.Returned));
        assertEquals(new Outcome.Interrupted(1), Pools.settled(running));
        assertEquals(1, report.interrupted());
        PoolSnapshot s = pool.snapshot();
        assertEquals(5, s.returned());
        assertEquals(s.submitted(), s.finished());
        Pools.awaitNoThreads(pool);
    }

    @Test
    void dropsSubmissionsOnceShutdownBegins() {
        Pools.Gate gate = new Pools.Gate();
        Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of("job", gate));
        pool.submit("job", 1);
        gate.awaitEntered(1);
        CompletableFuture<ShutdownReport> stopping = pool.shutdownAsync(Duration.ofSeconds(10));
        assertEquals(new Outcome.Dropped(DropReason.SHUTTING_DOWN), Pools.settled(pool.submit("job", 2)));
        gate.release();
        stopping.join();
        assertEquals(1, pool.snapshot().dropped(DropReason.SHUTTING_DOWN));
    }

    @Test
    void isIdempotentAndAwaitable() throws InterruptedException {
        Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of());
        CompletableFuture<ShutdownReport> first = pool.shutdownAsync(Duration.ofSeconds(1));
        assertSame(first, pool.shutdownAsync(Duration.ofSeconds(5)));
        assertTrue(pool.awaitTermination(Duration.ofSeconds(5)));
        assertTrue(pool.isTerminated());
        pool.close();
        Pools.awaitNoThreads(pool);
    }

    @Test
    void endsRetryWaitsAsInterruptedAtTheDeadline() {
        Handler broken = r -> {
            throw new IllegalStateException("down");
        };
        PoolConfig config = Pools.quiet().maxRetries(3).retryBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .build();
        Dispatcher pool = Pools.start(config, Map.of("broken", broken));
        CompletableFuture<Outcome> f = pool.submit("broken", null);
        org.awaitility.Awaitility.await().until(() -> pool.snapshot().waitingForRetry() == 1);
        ShutdownReport report = pool.shutdown(Duration.ofMillis(20));
        assertEquals(new Outcome.Interrupted(1), Pools.settled(f));
        assertEquals(1, report.interrupted());
        Pools.awaitNoThreads(pool);
    }

    @Test
    void countsAWorkerStuckAtShutdownAndStillEndsItsRequest() {
        Pools.Stubborn stubborn = new Pools.Stubborn();
        PoolConfig config = Pools.quiet().stuckGrace(Duration.ofMillis(50)).build();
        Dispatcher pool = Pools.start(config, Map.of("stuck", stubborn));
        CompletableFuture<Outcome> f = pool.submit("stuck", null);
        org.awaitility.Awaitility.await().until(() -> stubborn.started.getCount() == 0);
        ShutdownReport report = pool.shutdown(Duration.ofMillis(10));
        assertEquals(1, report.stuck());
        assertInstanceOf(Outcome.Interrupted.class, Pools.settled(f));
        stubborn.letGo.countDown();
        Pools.awaitNoThreads(pool);
    }

    @Test
    void aSubmitterBlockedOnAFullQueueIsRefusedAsSoonAsShutdownBegins() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        PoolConfig config = Pools.quiet().workers(1, 1).queueCapacity(1).overflowPolicy(OverflowPolicy.BLOCK)
                .blockTimeout(Duration.ofHours(1)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("job", gate))) {
            pool.submit("job", 0);
            gate.awaitEntered(1);
            pool.submit("job", 1);
            CompletableFuture<Outcome> blocked = new CompletableFuture<>();
            Thread submitter = new Thread(() -> blocked.complete(pool.submit("job", 2).join()), "poolscope-test-blocked");
            submitter.start();
            org.awaitility.Awaitility.await().until(() -> submitter.getState() == Thread.State.TIMED_WAITING);
            CompletableFuture<ShutdownReport> stopping = pool.shutdownAsync(Duration.ofHours(1));
            assertEquals(new Outcome.Dropped(DropReason.SHUTTING_DOWN), blocked.get(5, TimeUnit.SECONDS),
                    "woken by the shutdown, not left waiting an hour for room");
            gate.release();
            assertTrue(stopping.get(5, TimeUnit.SECONDS).returned().isEmpty());
        }
    }
}
