package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker that finds a backlog claims part of it (see {@link ClaimedJobs}); seen from outside, the pool must
 * behave as if it had not: claimed requests are queued until they start, never wait for long behind a slow one,
 * and are handed back at shutdown, or when their worker dies, like any queued request.
 *
 * <p>Each test parks the scheduler thread, so the watchdog's periodic scan cannot hand a claim back on its own:
 * what the test sees is what the step under test did.
 */
@Timeout(20)
class ClaimsInPoolTest {

    private final Pools.Gate first = new Pools.Gate();
    private final Pools.Gate slow = new Pools.Gate();
    private final Map<String, Handler> handlers = Map.of("first", first, "slow", slow, "quick", r -> r.payload(),
            "boom", r -> r.payload());

    /**
     * With every worker held by "first", queues a quick request for each worker, one request of {@code type} and
     * nine quick ones (1 to 9) behind it, then lets the workers go. A worker claims only after a short attempt, so
     * the one that takes the {@code type} request after its quick one claims up to four of the nine: fewer, or none,
     * if that quick attempt happened to run long (see {@link ClaimedJobs#mostFor}), and the tests that need a claim
     * are then skipped rather than failed.
     */
    private List<CompletableFuture<Outcome>> queueBehind(String type, Dispatcher pool, int workers) {
        for (int i = 0; i < workers; i++) {
            pool.submit("first", -1);
        }
        first.awaitEntered(workers);
        for (int i = 0; i < workers; i++) {
            pool.submit("quick", -2);
        }
        pool.submit(type, 0);
        List<CompletableFuture<Outcome>> quick = new ArrayList<>();
        IntStream.rangeClosed(1, 9).forEach(i -> quick.add(pool.submit("quick", i)));
        first.release();
        return quick;
    }

    /**
     * A one-worker pool whose settling of "boom" starts the worker's next claimed request, then runs
     * {@code beforeFailing} and fails: the worker's thread dies holding that request.
     */
    private Dispatcher poolWhereSettlingBoomKillsTheWorker(Runnable beforeFailing) {
        return Dispatcher.start(Pools.uniqueName(), Pools.quiet().workers(1, 1).build(), handlers,
                p -> new Finisher(p) {
                    @Override
                    void settle(Job job, Counter to, Outcome outcome, long waited, long ran, Accounting.Stripe s,
                                ClaimedJobs next) {
                        // Read first: a settled request lets go of its request.
                        boolean boom = job.request.type().equals("boom");
                        super.settle(job, to, outcome, waited, ran, s, next);
                        if (boom) {
                            beforeFailing.run();
                            throw new WorkerLossTest.InjectedFailure();
                        }
                    }
                });
    }

    @Test
    void requestsClaimedBehindASlowOneRunOnTheOtherWorker() throws Exception {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(2, 2).build(), handlers)) {
            CountDownLatch unpark = Pools.parkScheduler(pool);
            List<CompletableFuture<Outcome>> quick = queueBehind("slow", pool, 2);
            slow.awaitEntered(1);

            CompletableFuture.allOf(quick.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertEquals(1, slow.entered.get(), "the slow one is still running");
            PoolSnapshot s = pool.snapshot();
            assertEquals(1, s.running());
            assertEquals(0, s.queued());
            assertTrue(s.invariantHolds(), s.toString());
            slow.release();
            unpark.countDown();
        }
    }

    @Test
    void claimedRequestsAreQueuedUntilTheyStartAndGoBackWhenTheirWorkerIsHeldUp() throws Exception {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), handlers)) {
            CountDownLatch unpark = Pools.parkScheduler(pool);
            queueBehind("slow", pool, 1);
            slow.awaitEntered(1);
            Worker w = pool.workers.view()[0];

            int claimed = w.claim.left();
            assumeTrue(claimed >= 1, "the worker's last attempt was too long to claim after");
            assertTrue(claimed <= 4, "claimed " + claimed);
            PoolSnapshot s = pool.snapshot();
            assertEquals(1, s.running());
            assertEquals(9, s.queued(), "claimed or not, nothing behind the slow one has started");
            assertEquals(9, pool.queue.size());
            assertTrue(s.invariantHolds(), s.toString());

            pool.watchdog.scan(false);
            assertEquals(claimed, w.claim.left(), "a scan that sees a claim for the first time leaves it");
            pool.watchdog.scan(false);
            assertEquals(0, w.claim.left(), "the next scan, the claim still not empty, hands it back");
            assertEquals(9, pool.queue.size());
            assertEquals(9, pool.snapshot().queued());
            slow.release();
            unpark.countDown();
        }
    }

    @Test
    void aClaimOfRequestsLongerThanTheWorkersLastOneGoesBackAtTheNextScan() throws Exception {
        Pools.Gate hold = new Pools.Gate();
        Map<String, Handler> withHold = new java.util.HashMap<>(handlers);
        withHold.put("hold", hold);
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), withHold)) {
            CountDownLatch unpark = Pools.parkScheduler(pool);
            pool.submit("first", -1);
            first.awaitEntered(1);
            pool.submit("quick", -2);
            pool.submit("slow", 0);
            pool.submit("hold", 1);
            IntStream.rangeClosed(2, 8).forEach(i -> pool.submit("quick", i));
            first.release();
            slow.awaitEntered(1);
            Worker w = pool.workers.view()[0];
            // Up to hold 1 and quick 2 to 4; how many depends on how short the worker's last attempt was.
            assumeTrue(w.claim.left() >= 2, "the claim holds more than the request that will run next");

            pool.watchdog.scan(false);
            slow.release();
            hold.awaitEntered(1);
            pool.watchdog.scan(false);

            assertEquals(0, w.claim.left(), "another attempt runs, but the claim is as old as it was");
            assertEquals(7, pool.queue.size());
            hold.release();
            unpark.countDown();
        }
    }

    @Test
    void aClaimedRequestStartedJustBeforeAForcedShutdownEndsInterruptedWhenItsWorkerDies() throws Exception {
        Dispatcher[] self = new Dispatcher[1];
        Dispatcher pool = poolWhereSettlingBoomKillsTheWorker(() -> self[0].stopNow().join());
        self[0] = pool;
        Pools.parkScheduler(pool);
        List<CompletableFuture<Outcome>> quick = queueBehind("boom", pool, 1);

        Outcome firstBehind = quick.get(0).get(10, TimeUnit.SECONDS);
        assumeFalse(firstBehind instanceof Outcome.Returned, "the worker claimed nothing behind boom");
        assertInstanceOf(Outcome.Interrupted.class, firstBehind, "started, never run");
        for (CompletableFuture<Outcome> f : quick.subList(1, 9)) {
            assertInstanceOf(Outcome.Returned.class, f.get(10, TimeUnit.SECONDS));
        }
        assertTrue(pool.awaitTermination(Duration.ofSeconds(10)));
        PoolSnapshot s = pool.snapshot();
        assertEquals(0, s.running());
        assertEquals(0, s.queued());
        assertTrue(s.invariantHolds(), s.toString());
    }

    @Test
    void aShutdownPastItsDeadlineHandsBackClaimedRequestsInTheOrderTheyCame() throws Exception {
        Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), handlers);
        Pools.parkScheduler(pool);
        List<CompletableFuture<Outcome>> quick = queueBehind("slow", pool, 1);
        slow.awaitEntered(1);
        assumeTrue(pool.workers.view()[0].claim.left() >= 1, "the worker's last attempt was too long to claim after");

        ShutdownReport report = pool.shutdown(Duration.ZERO);

        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), report.returned().stream().map(Request::payload).toList());
        for (CompletableFuture<Outcome> f : quick) {
            assertInstanceOf(Outcome.Returned.class, Pools.settled(f));
        }
        PoolSnapshot s = pool.snapshot();
        assertEquals(9, s.returned());
        assertEquals(0, s.queued());
        assertTrue(s.invariantHolds(), s.toString());
    }

    @Test
    void aWorkerThatDiesWithAClaimHandsItBackToItsReplacement() throws Exception {
        Dispatcher pool = poolWhereSettlingBoomKillsTheWorker(() -> { });
        try (pool) {
            CountDownLatch unpark = Pools.parkScheduler(pool);
            Thread dying = pool.workers.view()[0].thread();
            List<CompletableFuture<Outcome>> quick = queueBehind("boom", pool, 1);

            for (CompletableFuture<Outcome> f : quick) {
                assertInstanceOf(Outcome.Completed.class, f.get(10, TimeUnit.SECONDS));
            }
            // Awaitility would rethrow the dying worker's uncaught error: it is expected, so join instead.
            dying.join(5_000);
            PoolSnapshot s = pool.snapshot();
            assertEquals(12, s.completed(), "first, the quick one before boom, boom itself and the nine");
            assertEquals(0, s.running());
            assertEquals(0, s.queued());
            assertTrue(s.invariantHolds(), s.toString());
            unpark.countDown();
        }
    }
}
