package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A worker that dies or is given up on never leaves the pool short, nor a request without its outcome. */
@Timeout(20)
class WorkerLossTest {

    /** Stands in for an error thrown inside the engine, such as an OutOfMemoryError while recording. */
    static final class InjectedFailure extends Error {
        InjectedFailure() {
            super("injected");
        }
    }

    @Test
    void aWorkerKilledWhileSettlingIsReplacedAndItsRequestStillEnds() throws InterruptedException {
        AtomicBoolean failNext = new AtomicBoolean(true);
        PoolConfig config = Pools.quiet().workers(1, 1).build();
        Dispatcher pool = Dispatcher.start("poolscope-loss1", config, Map.of("ok", r -> "fine"), p -> new Finisher(p) {
            @Override
            void attemptEnded(Job job, Object value, Throwable error, long waited, long ran, Accounting.Stripe s,
                              ClaimedJobs next) {
                if (failNext.getAndSet(false)) {
                    throw new InjectedFailure();
                }
                super.attemptEnded(job, value, error, waited, ran, s, next);
            }
        });
        try (pool) {
            Thread first = pool.workers.view()[0].thread();
            Outcome lost = pool.submit("ok", 1).join();
            assertInstanceOf(InjectedFailure.class, ((Outcome.Failed) lost).cause());
            // Awaitility would rethrow the dying worker's uncaught error here: it is expected, so join instead.
            first.join(5_000);
            assertFalse(first.isAlive(), "the worker's thread ended with the error");
            assertNotEquals(first, pool.workers.view()[0].thread(), "a new thread replaced the dead one");
            assertTrue(pool.scalingEventsSince(0).stream()
                    .anyMatch(e -> e.reason() == ScalingEvent.Reason.WORKER_LOST), "the event log says why");
            assertEquals("fine", ((Outcome.Completed) pool.submit("ok", 2).join()).value(),
                    "a request below the threshold still runs: the pool is not left at 0 workers");
            PoolSnapshot s = pool.snapshot();
            assertEquals(1, s.failed());
            assertEquals(1, s.completed());
            assertTrue(s.invariantHolds(), s.toString());
        }
    }

    @Test
    void aFailureAfterTheCountersMovedKeepsTheOutcomeTheyCounted() {
        AtomicBoolean failNext = new AtomicBoolean(true);
        PoolConfig config = Pools.quiet().workers(1, 1).build();
        Dispatcher pool = Dispatcher.start("poolscope-loss2", config, Map.of("ok", r -> "fine"), p -> new Finisher(p) {
            @Override
            void settle(Job job, Counter to, Outcome outcome, long waited, long ran, Accounting.Stripe s,
                        ClaimedJobs next) {
                if (failNext.getAndSet(false)) {
                    s.settle(to, waited, ran, next);
                    job.settledWith(outcome);
                    throw new InjectedFailure();
                }
                super.settle(job, to, outcome, waited, ran, s, next);
            }
        });
        try (pool) {
            assertInstanceOf(Outcome.Completed.class, pool.submit("ok", 1).join());
            PoolSnapshot s = pool.snapshot();
            assertEquals(1, s.completed());
            assertEquals(0, s.failed(), "moved once, to the counter that matches the outcome");
            assertTrue(s.invariantHolds(), s.toString());
        }
    }

    @Test
    void aWorkerGivenUpOnNeverTakesAnotherRequest() throws Exception {
        Pools.Stubborn stubborn = new Pools.Stubborn();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Handler record = r -> {
            ranOn.set(Thread.currentThread());
            return null;
        };
        // No timeout and an hour of grace: only the test gives up on the worker, at the moment it chooses.
        PoolConfig config = Pools.quiet().workers(1, 1).stuckGrace(Duration.ofHours(1)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("stuck", stubborn, "next", record))) {
            CompletableFuture<Outcome> stuck = pool.submit("stuck", 0);
            stubborn.started.await();
            Worker w = pool.workers.view()[0];
            Job job = w.current;
            int word = job.state();
            assertTrue(job.beginCancel(word, Job.CancelReason.TIMEOUT, System.nanoTime(), 0));
            job.markCancelled(word);
            CompletableFuture<Outcome> next = pool.submit("next", 1);
            ScalingEvent abandoned = pool.workers.abandon(w, job, word, pool.queue.size());
            assertNotNull(abandoned);
            assertEquals(ScalingEvent.Reason.STUCK_REPLACED, abandoned.reason());
            pool.finisher().attemptCancelled(job, 0, Accounting.UNKNOWN, pool.accounting.stripe(), null);
            assertInstanceOf(Outcome.TimedOut.class, stuck.join());
            next.join();
            assertNotEquals(w.thread(), ranOn.get(), "the replacement ran it");
            stubborn.letGo.countDown();
            w.thread().join(5_000);
            assertFalse(w.thread().isAlive(), "the abandoned worker exits once its handler returns");
            assertEquals(1, pool.poolSize());
            assertTrue(pool.scalingEventsSince(0).stream()
                    .noneMatch(e -> e.reason() == ScalingEvent.Reason.WORKER_LOST), "its exit is no death");
            assertTrue(pool.snapshot().invariantHolds());
        }
    }

    @Test
    void aRetryThatCannotBeScheduledEndsFailedAndLeavesWaitingOnce() throws Exception {
        PoolConfig config = Pools.quiet().workers(1, 1).maxRetries(3)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).build();
        Dispatcher pool = Pools.start(config, Map.of("broken", r -> {
            throw new IllegalStateException("fails every time");
        }));
        try (pool) {
            // Scheduling the retry throws something other than a rejection, as an exhausted JVM might.
            pool.scheduler.setRejectedExecutionHandler((task, executor) -> {
                throw new InjectedFailure();
            });
            pool.scheduler.shutdown();

            Outcome outcome = pool.submit("broken", null).get(5, java.util.concurrent.TimeUnit.SECONDS);

            Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, outcome);
            assertInstanceOf(InjectedFailure.class, failed.cause());
            assertEquals(1, failed.attempts());
            PoolSnapshot s = pool.snapshot();
            assertEquals(1, s.failed());
            assertEquals(0, s.waitingForRetry(), "counted out of waiting, where the settle had moved it");
            assertEquals(1, s.retriedAttempts());
            assertTrue(s.invariantHolds(), s.toString());
            assertFalse(pool.finisher().anyWaiting(), "no retry left behind");
        }
    }
}
