package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Workers that leave without retiring (given up on as stuck, or killed by an error outside their handler) are
 * replaced, and the events say the pool's effective size, pending retirements counted, before and after.
 */
@Timeout(10)
class ReplacementTest {

    @Test
    void aStuckWorkerGivenUpOnLeavesTheViewToItsReplacement() throws Exception {
        Pools.Stubborn stubborn = new Pools.Stubborn();
        PoolConfig config = Pools.quiet().workers(2, 2).stuckGrace(Duration.ofHours(1)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("stuck", stubborn))) {
            CompletableFuture<Outcome> stuck = pool.submit("stuck", 0);
            stubborn.started.await();
            Worker w = runningOne(pool);
            Job job = w.current;
            int word = cancelByHand(job);

            ScalingEvent replaced = pool.workers.abandon(w, job, word, 0);

            assertEquals(ScalingEvent.Reason.STUCK_REPLACED, replaced.reason());
            List<Worker> live = Arrays.asList(pool.workers.view());
            assertFalse(live.contains(w), "the abandoned worker left the view");
            assertEquals(2, live.size(), "its replacement joined it");
            pool.finisher().attemptCancelled(job, 0, Accounting.UNKNOWN, pool.accounting.stripe(), null);
            assertInstanceOf(Outcome.TimedOut.class, stuck.join());
            stubborn.letGo.countDown();
        }
    }

    @Test
    void aStuckWorkerGivenUpOnWhileARetirementIsDueCountsThatRetirement() throws Exception {
        Pools.Stubborn stubborn = new Pools.Stubborn();
        Pools.Gate gate = new Pools.Gate();
        PoolConfig config = Pools.quiet().workers(2, 2).stuckGrace(Duration.ofHours(1)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("stuck", stubborn, "hold", gate))) {
            CompletableFuture<Outcome> stuck = pool.submit("stuck", 0);
            pool.submit("hold", 1);
            stubborn.started.await();
            gate.awaitEntered(1);
            pool.setWorkerRange(1, 1);
            Worker w = runningOne(pool);
            Job job = w.current;
            int word = cancelByHand(job);

            ScalingEvent replaced = pool.workers.abandon(w, job, word, 0);

            assertNotNull(replaced);
            assertEquals(ScalingEvent.Reason.STUCK_REPLACED, replaced.reason());
            assertEquals(1, replaced.sizeBefore(), "two live, one due to retire");
            assertEquals(1, replaced.sizeAfter());
            pool.finisher().attemptCancelled(job, 0, Accounting.UNKNOWN, pool.accounting.stripe(), null);
            assertInstanceOf(Outcome.TimedOut.class, stuck.join());
            stubborn.letGo.countDown();
            gate.release();
        }
    }

    @Test
    void aWorkerKilledWhileARetirementIsDueCancelsTheRetirementInsteadOfStartingAnother() throws Exception {
        CountDownLatch letDie = new CountDownLatch(1);
        Pools.Gate gate = new Pools.Gate();
        Handler doomed = r -> {
            letDie.await();
            return null;
        };
        Dispatcher pool = Dispatcher.start(Pools.uniqueName(), Pools.quiet().workers(2, 2).build(),
                Map.of("doomed", doomed, "hold", gate), p -> new Finisher(p) {
                    @Override
                    void attemptEnded(Job job, Object value, Throwable error, long waited, long ran,
                                      Accounting.Stripe s, ClaimedJobs next) {
                        if (job.request.type().equals("doomed")) {
                            throw new WorkerLossTest.InjectedFailure();
                        }
                        super.attemptEnded(job, value, error, waited, ran, s, next);
                    }
                });
        try (pool) {
            CompletableFuture<Outcome> lost = pool.submit("doomed", 0);
            pool.submit("hold", 1);
            gate.awaitEntered(1);
            org.awaitility.Awaitility.await().until(() -> pool.workers.busy() == 2);
            pool.setWorkerRange(1, 1);
            long before = pool.scalingEventCount();

            letDie.countDown();
            assertInstanceOf(Outcome.Failed.class, lost.join());
            org.awaitility.Awaitility.await().until(() -> pool.scalingEventCount() > before);

            ScalingEvent died = pool.scalingEventsSince(before).get(0);
            assertEquals(ScalingEvent.Reason.WORKER_LOST, died.reason());
            assertEquals(1, died.sizeBefore(), "two live, one due to retire");
            assertEquals(1, died.sizeAfter());
            assertEquals(1, pool.poolSize(), "the retirement was cancelled, nobody new started");
            assertFalse(pool.workers.tryRetire(pool.workers.view()[0]), "nothing is due to retire any more");
            gate.release();
        }
    }

    /** The worker running the stubborn handler's request. */
    private static Worker runningOne(Dispatcher pool) {
        return Arrays.stream(pool.workers.view())
                .filter(w -> w.current != null && w.current.request.type().equals("stuck"))
                .findFirst().orElseThrow();
    }

    /** Cancels the attempt as the watchdog would, leaving it for the test to give up on; returns its word. */
    private static int cancelByHand(Job job) {
        int word = job.state();
        assertTrue(job.beginCancel(word, Job.CancelReason.TIMEOUT, System.nanoTime(), 0));
        job.markCancelled(word);
        return word;
    }

    @Test
    void aPoolThatStopsNormallyLosesNoWorker() {
        Dispatcher pool = Pools.start(Pools.quiet().workers(2, 2).build(), Map.of("ok", r -> "fine"));
        pool.submit("ok", 1).join();
        pool.close();
        assertTrue(pool.scalingEventsSince(0).stream().noneMatch(e -> e.reason() == ScalingEvent.Reason.WORKER_LOST),
                pool.scalingEventsSince(0).toString());
    }

    @Test
    void workerThreadsAreNamedAfterThePoolAndNumberedFromOne() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 3).loadThreshold(1).build(), Map.of())) {
            pool.scaler.tick(2);
            pool.scaler.tick(2);

            Set<String> names = Set.of(pool.name + "-worker-1", pool.name + "-worker-2", pool.name + "-worker-3");
            assertEquals(names, Set.copyOf(Arrays.stream(pool.workers.view()).map(w -> w.thread().getName()).toList()));
        }
    }
}
