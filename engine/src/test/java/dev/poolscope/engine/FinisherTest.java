package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The finisher's rarer paths, each forced by hand: a retry whose timer cannot run or whose queue has closed, an
 * attempt failing while the pool stops, and a backoff whose doubling overflows. Futures are read with a short
 * limit, so a request left without its outcome fails the test at once.
 */
@Timeout(10)
class FinisherTest {

    private static final Handler BROKEN = r -> {
        throw new IllegalStateException("broken");
    };

    @Test
    void aBackoffWhoseDoublingOverflowsIsTheCap() {
        // 2^34 ns doubled 30 times is 2^64: zero in a long. The cap applies, not a zero backoff.
        PoolConfig config = PoolConfig.builder().retryBackoff(Duration.ofNanos(1L << 34), Duration.ofHours(1))
                .build();
        long cap = Duration.ofHours(1).toNanos();
        long backoff = Finisher.backoffNanos(config, 31);
        assertTrue(backoff >= cap / 2 && backoff <= cap, "backoff: " + backoff);
        // 2^34 + 1 doubled 30 times wraps to 2^30, a positive second: the cap still applies.
        PoolConfig odd = PoolConfig.builder().retryBackoff(Duration.ofNanos((1L << 34) + 1), Duration.ofHours(1))
                .build();
        long oddBackoff = Finisher.backoffNanos(odd, 31);
        assertTrue(oddBackoff >= cap / 2 && oddBackoff <= cap, "backoff: " + oddBackoff);
    }

    @Test
    void aRetryTheSchedulerRefusesEndsInterrupted() throws Exception {
        PoolConfig config = Pools.quiet().maxRetries(1).build();
        try (Dispatcher pool = Pools.start(config, Map.of("broken", BROKEN))) {
            pool.scheduler.shutdownNow();
            Outcome outcome = pool.submit("broken", null).get(5, TimeUnit.SECONDS);
            assertEquals(new Outcome.Interrupted(1), outcome);
            assertTrue(!pool.finisher().anyWaiting(), "nothing left waiting for a timer that will never run");
            PoolSnapshot s = pool.snapshot();
            assertEquals(1, s.interrupted());
            assertEquals(0, s.waitingForRetry());
            assertTrue(s.invariantHolds(), s.toString());
        }
    }

    @Test
    void aRetryDueAfterTheQueueClosedEndsInterrupted() throws Exception {
        PoolConfig config = Pools.quiet().maxRetries(1).retryBackoff(Duration.ofNanos(1), Duration.ofNanos(1))
                .build();
        try (Dispatcher pool = Pools.start(config, Map.of("broken", BROKEN))) {
            // Hold the one scheduler thread so that the retry timer fires only after the queue has closed.
            CountDownLatch holdTimer = new CountDownLatch(1);
            pool.scheduler.execute(() -> {
                try {
                    holdTimer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CompletableFuture<Outcome> retried = pool.submit("broken", null);
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.snapshot().waitingForRetry() == 1);
            assertEquals(0, pool.queue.closeAndDrain().size());
            assertTrue(pool.finisher().anyWaiting());
            holdTimer.countDown();
            assertEquals(new Outcome.Interrupted(1), retried.get(5, TimeUnit.SECONDS));
            PoolSnapshot s = pool.snapshot();
            assertEquals(1, s.interrupted());
            assertEquals(0, s.waitingForRetry());
            assertTrue(s.invariantHolds(), s.toString());
        }
    }

    @Test
    void anAttemptFailingOnceThePoolStopsIsNotRetried() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Handler failsWhenTold = r -> {
            calls.incrementAndGet();
            running.countDown();
            fail.await();
            throw new IllegalStateException("failed while stopping");
        };
        PoolConfig config = Pools.quiet().maxRetries(3).retryBackoff(Duration.ofNanos(1), Duration.ofNanos(1))
                .build();
        try (Dispatcher pool = Pools.start(config, Map.of("late", failsWhenTold))) {
            CompletableFuture<Outcome> late = pool.submit("late", null);
            running.await();
            // Shutdown's deadline has passed (STOPPING): a retry could never run, so the failure is final.
            pool.moveTo(PoolState.STOPPING);
            fail.countDown();
            Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, late.get(5, TimeUnit.SECONDS));
            assertEquals(1, failed.attempts());
            assertEquals(1, calls.get());
        }
    }

    @Test
    void anAttemptFailingWhileThePoolDrainsIsStillRetried() throws Exception {
        Pools.FailsFirstWhenLetGo flaky = new Pools.FailsFirstWhenLetGo();
        PoolConfig config = Pools.quiet().maxRetries(1).retryBackoff(Duration.ofNanos(1), Duration.ofNanos(1))
                .build();
        try (Dispatcher pool = Pools.start(config, Map.of("flaky", flaky))) {
            CompletableFuture<Outcome> retried = pool.submit("flaky", null);
            flaky.awaitEntered();
            CompletableFuture<ShutdownReport> report = pool.shutdownAsync(Duration.ofMinutes(1));
            flaky.letFail.countDown();
            assertEquals(2, assertInstanceOf(Outcome.Completed.class, retried.get(5, TimeUnit.SECONDS)).attempts());
            report.get(5, TimeUnit.SECONDS);
        }
    }
}
