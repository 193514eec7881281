package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RetryTest {

    @Test
    void retriesUpToTheLimitThenFailsWithTheLastError() {
        AtomicInteger calls = new AtomicInteger();
        Handler broken = r -> {
            throw new IllegalStateException("boom " + calls.incrementAndGet());
        };
        PoolConfig config = Pools.quiet().maxRetries(3)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("broken", broken))) {
            Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, pool.submit("broken", null).join());
            assertEquals(4, failed.attempts());
            assertEquals("boom 4", failed.cause().getMessage());
            PoolSnapshot s = pool.snapshot();
            assertEquals(3, s.retriedAttempts());
            assertEquals(1, s.failed());
            assertTrue(s.invariantHolds());
        }
    }

    @Test
    void succeedsOnALaterAttemptAndRecordsHowMany() {
        AtomicInteger calls = new AtomicInteger();
        Handler flaky = r -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return "done";
        };
        PoolConfig config = Pools.quiet().retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("flaky", flaky))) {
            Outcome outcome = pool.submit(Request.of("flaky", null).withMaxRetries(5)).join();
            Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, outcome);
            assertEquals(3, done.attempts());
            assertEquals("done", done.value());
        }
    }

    @Test
    void aFailedAttemptIsRetriedUnderThePoolsLimitInForceWhenItFailed() throws Exception {
        Pools.FailsFirstWhenLetGo flaky = new Pools.FailsFirstWhenLetGo();
        PoolConfig config = Pools.quiet().maxRetries(0).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1))
                .build();
        try (Dispatcher pool = Pools.start(config, Map.of("flaky", flaky))) {
            CompletableFuture<Outcome> f = pool.submit("flaky", null);
            flaky.awaitEntered();
            pool.setMaxRetries(1);
            flaky.letFail.countDown();
            Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, f.get(5, TimeUnit.SECONDS));
            assertEquals(2, done.attempts(), "submitted with no retries, failed with one allowed");
        }
    }

    @Test
    void aTimedOutAttemptIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        Handler slowOnce = r -> {
            if (calls.incrementAndGet() == 1) {
                Thread.sleep(60_000);
            }
            return "second time lucky";
        };
        PoolConfig config = Pools.quiet().requestTimeout(Duration.ofMillis(20)).maxRetries(1)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("slow", slowOnce))) {
            Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, pool.submit("slow", null).join());
            assertEquals(2, done.attempts());
        }
    }

    @Test
    void aRequestWaitingForItsBackoffHoldsNoWorker() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Handler failsOnce = r -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
            return "retried";
        };
        Pools.Gate gate = new Pools.Gate();
        PoolConfig config = Pools.quiet().workers(1, 1).maxRetries(1).build();
        try (Dispatcher pool = Pools.start(config, Map.of("flaky", failsOnce, "other", gate))) {
            // The retry timer runs on the scheduler: held, the retry certainly still waits while "other" runs.
            CountDownLatch held = Pools.parkScheduler(pool);
            CompletableFuture<Outcome> retried = pool.submit("flaky", null);
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.snapshot().waitingForRetry() == 1);
            CompletableFuture<Outcome> other = pool.submit("other", "meanwhile");
            gate.awaitEntered(1);
            assertFalse(retried.isDone(), "still waiting for its backoff");
            gate.release();
            assertTrue(other.get(5, TimeUnit.SECONDS).isSuccess());
            held.countDown();
            assertEquals(2, assertInstanceOf(Outcome.Completed.class, retried.get(5, TimeUnit.SECONDS)).attempts());
        }
    }

    @Test
    void backoffDoublesPerRetryWithJitterAndACap() {
        PoolConfig config = PoolConfig.builder().retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
        for (int i = 0; i < 200; i++) {
            long first = Finisher.backoffNanos(config, 1);
            long third = Finisher.backoffNanos(config, 3);
            long capped = Finisher.backoffNanos(config, 30);
            assertTrue(first >= 5_000_000 && first <= 10_000_000, "first: " + first);
            assertTrue(third >= 20_000_000 && third <= 40_000_000, "third: " + third);
            assertTrue(capped >= 25_000_000 && capped <= 50_000_000, "capped: " + capped);
        }
    }

    @Test
    void handlersLearnWhichAttemptTheyRun() {
        java.util.List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler counting = new Handler() {
            @Override
            public Object handle(Request request) {
                throw new AssertionError("the pool calls handleAttempt");
            }

            @Override
            public Object handleAttempt(Request request, int attempt) {
                seen.add(attempt);
                if (attempt < 3) {
                    throw new IllegalStateException("attempt " + attempt);
                }
                return attempt;
            }
        };
        PoolConfig config = Pools.quiet().maxRetries(5).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("counting", counting))) {
            assertTrue(pool.submit("counting", null).join().isSuccess());
            assertEquals(java.util.List.of(1, 2, 3), seen);
        }
    }
}
