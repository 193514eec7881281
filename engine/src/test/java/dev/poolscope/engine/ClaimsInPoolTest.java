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
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker that finds a backlog claims part of it (see {@link ClaimedJobs}); seen from outside, the pool must
 * behave as if it had not: claimed requests are queued until they start, never wait for long behind a slow one,
 * and are handed back at shutdown like any queued request.
 */
@Timeout(20)
class ClaimsInPoolTest {

    private final Pools.Gate first = new Pools.Gate();
    private final Pools.Gate slow = new Pools.Gate();
    private final Map<String, Handler> handlers = Map.of("first", first, "slow", slow, "quick", r -> r.payload());

    /**
     * With every worker held by "first", queues a quick request for each worker, one "slow" request and nine quick
     * ones (1 to 9) behind it, then lets the workers go. A worker claims only after a short attempt, so the one
     * that takes the slow request after its quick one claims four of the nine.
     */
    private List<CompletableFuture<Outcome>> queueBehindASlowOne(Dispatcher pool, int workers) {
        for (int i = 0; i < workers; i++) {
            pool.submit("first", -1);
        }
        first.awaitEntered(workers);
        for (int i = 0; i < workers; i++) {
            pool.submit("quick", -2);
        }
        pool.submit("slow", 0);
        List<CompletableFuture<Outcome>> quick = new ArrayList<>();
        IntStream.rangeClosed(1, 9).forEach(i -> quick.add(pool.submit("quick", i)));
        first.release();
        slow.awaitEntered(1);
        return quick;
    }

    @Test
    void requestsClaimedBehindASlowOneRunOnTheOtherWorker() throws Exception {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(2, 2).build(), handlers)) {
            List<CompletableFuture<Outcome>> quick = queueBehindASlowOne(pool, 2);

            CompletableFuture.allOf(quick.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertEquals(1, slow.entered.get(), "the slow one is still running");
            PoolSnapshot s = pool.snapshot();
            assertEquals(1, s.running());
            assertEquals(0, s.queued());
            assertTrue(s.invariantHolds(), s.toString());
            slow.release();
        }
    }

    @Test
    void claimedRequestsAreQueuedUntilTheyStartAndGoBackWhenTheirWorkerIsHeldUp() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), handlers)) {
            queueBehindASlowOne(pool, 1);
            Worker w = pool.workers.view()[0];

            PoolSnapshot s = pool.snapshot();
            assertEquals(1, s.running());
            assertEquals(9, s.queued(), "claimed or not, nothing behind the slow one has started");
            assertEquals(9, pool.queue.size());
            assertTrue(s.invariantHolds(), s.toString());

            // Two scans that find the same attempt still running: whatever the worker claimed goes back.
            pool.watchdog.scan(false);
            pool.watchdog.scan(false);
            assertEquals(0, w.claim.left());
            assertEquals(9, pool.queue.size());
            assertEquals(9, pool.snapshot().queued());
            slow.release();
        }
    }

    @Test
    void aShutdownPastItsDeadlineHandsBackClaimedRequestsInTheOrderTheyCame() throws Exception {
        Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), handlers);
        List<CompletableFuture<Outcome>> quick = queueBehindASlowOne(pool, 1);

        ShutdownReport report = pool.shutdown(Duration.ZERO);

        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), report.returned().stream().map(Request::payload).toList());
        for (CompletableFuture<Outcome> f : quick) {
            assertInstanceOf(Outcome.Returned.class, f.get(5, TimeUnit.SECONDS));
        }
        PoolSnapshot s = pool.snapshot();
        assertEquals(9, s.returned());
        assertEquals(0, s.queued());
        assertTrue(s.invariantHolds(), s.toString());
        assertFalse(pool.queue.size() > 0);
    }
}
