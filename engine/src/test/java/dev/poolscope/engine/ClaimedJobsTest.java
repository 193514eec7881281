package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Jobs a worker claims from the queue in one take: they stay queued until each starts, other workers can take
 * them, and they go back to the front of the queue, in order, whenever their owner cannot run them.
 */
class ClaimedJobsTest {

    private static final long LONG_WAIT = TimeUnit.SECONDS.toNanos(10);

    private final Accounting.Stripe stripe = new Accounting.Stripe();
    private final AtomicReference<Thread> started = new AtomicReference<>();

    private static Job job(int n) {
        return new Job(Request.of("t", n), r -> null);
    }

    /** A queue holding jobs 0 to {@code jobs - 1}, in order. */
    private static RequestQueue queueOf(int capacity, int jobs) {
        RequestQueue queue = new RequestQueue(capacity);
        for (int i = 0; i < jobs; i++) {
            assertEquals(RequestQueue.Offer.ACCEPTED, queue.offer(job(i)));
        }
        return queue;
    }

    private ClaimedJobs claimIn(RequestQueue queue) {
        ClaimedJobs claim = new ClaimedJobs(stripe);
        queue.register(claim);
        return claim;
    }

    /** Takes the oldest job from {@code queue} for a new worker, which claims what a take claims. */
    private ClaimedJobs takeOneClaimingMore(RequestQueue queue) {
        ClaimedJobs claim = claimIn(queue);
        queue.take(queue.wakeups(), LONG_WAIT, claim, ClaimedJobs.MAX);
        return claim;
    }

    private static Object payload(Job job) {
        return job.request.payload();
    }

    @Test
    void aTakeFromABacklogClaimsHalfOfWhatIsLeftAndTheyStayQueuedUntilEachStarts() {
        RequestQueue queue = queueOf(100, 11);
        ClaimedJobs claim = claimIn(queue);

        assertEquals(0, payload(queue.take(queue.wakeups(), LONG_WAIT, claim, ClaimedJobs.MAX)));

        assertEquals(5, claim.left(), "half of the ten left");
        assertEquals(10, queue.size(), "claimed jobs are still queued");
        assertEquals(1, payload(stripe.start(claim)), "the oldest claimed job starts first");
        assertEquals(9, queue.size(), "a started one is not queued any more");
        queue.claimFinished(claim);
        assertEquals(9, queue.size(), "finishing a claim moves nothing twice");
    }

    @Test
    void aShortQueueIsNotClaimedAndNoTakeClaimsMoreThanTheLimit() {
        RequestQueue shortQueue = queueOf(100, RequestQueue.CLAIM_FROM);
        ClaimedJobs none = takeOneClaimingMore(shortQueue);
        assertEquals(0, none.left());

        RequestQueue justLongEnough = queueOf(100, RequestQueue.CLAIM_FROM + 1);
        ClaimedJobs two = takeOneClaimingMore(justLongEnough);
        assertEquals(2, two.left());

        RequestQueue longQueue = queueOf(1000, 500);
        ClaimedJobs most = takeOneClaimingMore(longQueue);
        assertEquals(ClaimedJobs.MAX, most.left());
    }

    @Test
    void aTakeClaimsNoMoreThanAskedAndAWorkerAsksForAboutATenthOfAMillisecondOfWork() {
        RequestQueue queue = queueOf(100, 50);
        ClaimedJobs claim = claimIn(queue);
        queue.take(queue.wakeups(), LONG_WAIT, claim, 3);
        assertEquals(3, claim.left());

        assertEquals(ClaimedJobs.MAX, ClaimedJobs.mostFor(200), "a 200 ns request: as many as allowed");
        assertEquals(10, ClaimedJobs.mostFor(10_000), "10 µs requests: ten of them");
        assertEquals(1, ClaimedJobs.mostFor(60_000));
        assertEquals(0, ClaimedJobs.mostFor(ClaimedJobs.SPAN_NANOS + 1), "long requests are never claimed");
        assertEquals(0, ClaimedJobs.mostFor(Long.MAX_VALUE), "nor by a worker that has run nothing yet");
    }

    @Test
    void aWorkerThatFindsTheQueueEmptyTakesTheOldestHalfOfAnotherClaim() {
        RequestQueue queue = queueOf(100, 11);
        ClaimedJobs first = takeOneClaimingMore(queue);
        for (int i = 6; i <= 10; i++) {
            assertEquals(i, payload(queue.take(queue.wakeups(), LONG_WAIT)));
        }
        ClaimedJobs second = claimIn(queue);

        assertNull(queue.take(queue.wakeups(), LONG_WAIT, second, ClaimedJobs.MAX), "it runs them from its own claim");

        assertEquals(List.of(1, 2, 3), startAll(second));
        assertEquals(List.of(4, 5), startAll(first));
    }

    @Test
    void aHandBackPutsTheClaimAtTheFrontOfTheQueueInOrder() {
        RequestQueue queue = queueOf(100, 11);
        ClaimedJobs claim = takeOneClaimingMore(queue);
        assertEquals(1, payload(stripe.start(claim)));

        queue.handBack(claim);

        assertEquals(0, claim.left());
        assertEquals(9, queue.size());
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10), takeAll(queue));
    }

    @Test
    void handedBackJobsComeBeforeWhatIsQueuedAndBeforeWhatIsOfferedLater() {
        RequestQueue queue = queueOf(100, 11);
        ClaimedJobs claim = takeOneClaimingMore(queue);
        queue.handBack(claim);
        queue.offer(job(11));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), takeAll(queue));

        RequestQueue emptied = queueOf(100, 11);
        ClaimedJobs held = takeOneClaimingMore(emptied);
        for (int i = 6; i <= 10; i++) {
            emptied.take(emptied.wakeups(), LONG_WAIT);
        }
        emptied.handBack(held);
        emptied.offer(job(11));
        assertEquals(List.of(1, 2, 3, 4, 5, 11), takeAll(emptied), "into an empty queue, then the next offer");
    }

    @Test
    void aJobThatWasTheHeadWhenAClaimCameBackCanBeQueuedAgainWithoutALinkIntoTheQueue() {
        RequestQueue queue = queueOf(100, 11);
        ClaimedJobs claim = takeOneClaimingMore(queue);
        Job taken = queue.take(queue.wakeups(), LONG_WAIT);
        assertEquals(6, payload(taken), "now the head, linked to 7");
        queue.handBack(claim);
        assertEquals(List.of(1, 2, 3, 4, 5, 7, 8, 9, 10), takeAll(queue));

        assertTrue(queue.offerRetry(taken));
        assertEquals(6, payload(queue.take(queue.wakeups(), LONG_WAIT)), "the retry; the head again");
        ClaimedJobs empty = claimIn(queue);
        queue.unregister(empty, job(20));
        queue.offer(job(21));

        assertEquals(List.of(20, 21), takeAll(queue), "nothing lost, nothing taken twice");
    }

    @Test
    void aHandBackWakesAWorkerWaitingOnTheEmptyQueue() throws Exception {
        RequestQueue queue = queueOf(100, 7);
        ClaimedJobs claim = takeOneClaimingMore(queue);
        for (int i = 4; i <= 6; i++) {
            assertEquals(i, payload(queue.take(queue.wakeups(), LONG_WAIT)));
        }
        CompletableFuture<Job> waiting = CompletableFuture.supplyAsync(
                () -> queue.take(queue.wakeups(), RequestQueue.NO_TIMEOUT), daemonThreads());
        awaitParked();

        queue.handBack(claim);

        assertEquals(1, payload(waiting.get(LONG_WAIT, TimeUnit.NANOSECONDS)));
    }

    @Test
    void aSubmitterDoesNotWaitForAWorkerHeldUpUnderTheTakeLock() throws Exception {
        RequestQueue queue = queueOf(100, 7);
        takeOneClaimingMore(queue);
        for (int i = 4; i <= 6; i++) {
            assertEquals(i, payload(queue.take(queue.wakeups(), LONG_WAIT)));
        }
        CompletableFuture<Job> idle = CompletableFuture.supplyAsync(
                () -> queue.take(queue.wakeups(), RequestQueue.NO_TIMEOUT), daemonThreads());
        awaitParked();
        ClaimedJobs other = claimIn(queue);
        CompletableFuture<Job> takingOver;
        // The claim's owner is settling (its stripe held) when another worker, holding the take lock, comes to take
        // half of its claim: that worker waits for the stripe with the take lock held.
        stripe.lock();
        try {
            takingOver = CompletableFuture.supplyAsync(
                    () -> queue.take(queue.wakeups(), RequestQueue.NO_TIMEOUT, other, ClaimedJobs.MAX), daemonThreads());
            awaitParked();

            CompletableFuture<RequestQueue.Offer> offered =
                    CompletableFuture.supplyAsync(() -> queue.offer(job(7)), daemonThreads());

            assertEquals(RequestQueue.Offer.ACCEPTED, offered.get(LONG_WAIT, TimeUnit.NANOSECONDS),
                    "the submitter leaves the wake-up to the lock's holder instead of waiting for it");
        } finally {
            stripe.unlock();
        }
        assertNull(takingOver.get(LONG_WAIT, TimeUnit.NANOSECONDS), "it took over part of the claim");
        assertEquals(2, other.left());
        assertEquals(7, payload(idle.get(LONG_WAIT, TimeUnit.NANOSECONDS)),
                "the holder served the wake-up as it let go of the lock");
    }

    @Test
    void aWorkerWithNothingToTakeOverWaitsForTheNextOffer() throws Exception {
        RequestQueue queue = new RequestQueue(100);
        claimIn(queue);
        ClaimedJobs mine = claimIn(queue);
        CompletableFuture<Job> waiting = CompletableFuture.supplyAsync(
                () -> queue.take(queue.wakeups(), RequestQueue.NO_TIMEOUT, mine, ClaimedJobs.MAX), daemonThreads());
        awaitParked();

        queue.offer(job(1));

        assertEquals(1, payload(waiting.get(LONG_WAIT, TimeUnit.NANOSECONDS)), "not woken empty-handed");
    }

    @Test
    void aLeavingWorkersLastStartedJobGoesBackEvenWithNothingLeftInItsClaim() {
        RequestQueue queue = queueOf(100, 6);
        ClaimedJobs claim = takeOneClaimingMore(queue);
        stripe.start(claim);
        Job last = stripe.start(claim);
        assertEquals(0, claim.left());

        queue.unregister(claim, last);

        assertEquals(List.of(2, 3, 4, 5), takeAll(queue));
    }

    @Test
    void aLeavingWorkersStartedJobGoesBackFirstThenTheRestOfItsClaim() {
        RequestQueue queue = queueOf(100, 11);
        ClaimedJobs claim = takeOneClaimingMore(queue);
        Job started = stripe.start(claim);

        queue.unregister(claim, started);

        assertEquals(10, queue.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), takeAll(queue));
    }

    private static Job jobAt(int n, long enqueuedAt) {
        Job job = job(n);
        job.enqueuedAt = enqueuedAt;
        return job;
    }

    /** A queue holding jobs 0 to {@code jobs - 1}, each queued at its number's nanosecond. */
    private static RequestQueue timedQueueOf(int capacity, int jobs) {
        RequestQueue queue = new RequestQueue(capacity);
        for (int i = 0; i < jobs; i++) {
            assertEquals(RequestQueue.Offer.ACCEPTED, queue.offer(jobAt(i, i)));
        }
        return queue;
    }

    @Test
    void claimsHandedBackInAnyOrderGoBackInTheOrderTheirJobsWereQueued() {
        RequestQueue queue = timedQueueOf(100, 20);
        ClaimedJobs older = takeOneClaimingMore(queue);
        ClaimedJobs newer = takeOneClaimingMore(queue);
        assertEquals(9, older.left(), "jobs 1 to 9");
        assertEquals(4, newer.left(), "jobs 11 to 14");

        queue.handBack(older);
        queue.handBack(newer);

        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19), takeAll(queue));
    }

    @Test
    void aHandBackGoesAheadOfJobsAdmittedAfterItsOwnEvenWithOlderStamps() {
        // Under BLOCK a request is stamped before it waits for room, so one admitted later can carry an older stamp.
        RequestQueue queue = new RequestQueue(100);
        for (int i = 0; i < 10; i++) {
            queue.offer(jobAt(i, 100 + i));
        }
        for (int i = 10; i < 20; i++) {
            queue.offer(jobAt(i, i - 10));
        }
        ClaimedJobs claim = takeOneClaimingMore(queue);
        assertEquals(9, claim.left(), "jobs 1 to 9");

        queue.handBack(claim);

        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19), takeAll(queue));
    }

    @Test
    void evictionTakesTheOldestQueuedJobWhereverItIs() {
        RequestQueue queue = timedQueueOf(20, 20);
        ClaimedJobs registeredFirst = claimIn(queue);
        takeOneClaimingMore(queue);
        queue.take(queue.wakeups(), LONG_WAIT, registeredFirst, ClaimedJobs.MAX);
        queue.offer(jobAt(20, 20));
        queue.offer(jobAt(21, 21));
        assertEquals(1, payload(queue.offerEvictingOldest(jobAt(22, 22))), "in the claim registered second");

        RequestQueue handedBack = timedQueueOf(20, 20);
        ClaimedJobs older = takeOneClaimingMore(handedBack);
        takeOneClaimingMore(handedBack);
        handedBack.handBack(older);
        handedBack.offer(jobAt(20, 20));
        handedBack.offer(jobAt(21, 21));
        assertEquals(1, payload(handedBack.offerEvictingOldest(jobAt(22, 22))), "handed back, older than any claimed");
    }

    @Test
    void closingHandsBackClaimedJobsFirstAndEvictionTakesAClaimedOneFirst() {
        RequestQueue queue = queueOf(11, 11);
        ClaimedJobs claim = takeOneClaimingMore(queue);
        assertEquals(RequestQueue.Offer.ACCEPTED, queue.offer(job(11)));

        assertEquals(1, payload(queue.offerEvictingOldest(job(12))), "the oldest queued job was claimed");

        List<Object> left = queue.closeAndDrain().stream().map(ClaimedJobsTest::payload).toList();
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), left);
        assertEquals(0, queue.size());
    }

    @Test
    void startingAClaimedJobLetsASubmitterWaitingForRoomIn() throws Exception {
        RequestQueue queue = queueOf(10, 10);
        ClaimedJobs claim = takeOneClaimingMore(queue);
        assertEquals(RequestQueue.Offer.ACCEPTED, queue.offer(job(10)));
        assertEquals(RequestQueue.Offer.FULL, queue.offer(job(11)), "claimed jobs take room");
        CompletableFuture<RequestQueue.Offer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.offer(job(11), LONG_WAIT);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, daemonThreads());
        awaitParked();

        stripe.start(claim);
        queue.claimedStarted();

        assertEquals(RequestQueue.Offer.ACCEPTED, waiting.get(LONG_WAIT / 2, TimeUnit.NANOSECONDS));
        assertEquals(10, queue.size());
    }

    @Test
    void claimingWorkersPassEveryJobExactlyOnce() throws Exception {
        int capacity = 64;
        RequestQueue queue = new RequestQueue(capacity);
        int submitters = 2;
        int perSubmitter = 30_000;
        Set<Job> ran = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            running.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perSubmitter; i++) {
                    try {
                        assertEquals(RequestQueue.Offer.ACCEPTED, queue.offer(job(i), LONG_WAIT));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, daemonThreads()));
        }
        AtomicBoolean done = new AtomicBoolean();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            Accounting.Stripe own = new Accounting.Stripe();
            ClaimedJobs claim = new ClaimedJobs(own);
            queue.register(claim);
            workers.add(CompletableFuture.runAsync(() -> {
                while (!done.get() || queue.size() > 0) {
                    Job j = own.start(claim);
                    if (j != null) {
                        queue.claimedStarted();
                    } else {
                        queue.claimFinished(claim);
                        j = queue.take(queue.wakeups(), TimeUnit.MILLISECONDS.toNanos(10), claim,
                                ClaimedJobs.MAX);
                    }
                    if (j != null) {
                        assertTrue(ran.add(j), "taken twice");
                    }
                }
            }, daemonThreads()));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        done.set(true);
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertEquals(submitters * perSubmitter, ran.size());
        assertEquals(0, queue.size());
    }

    private List<Object> startAll(ClaimedJobs claim) {
        List<Object> started = new ArrayList<>();
        for (Job j = stripe.start(claim); j != null; j = stripe.start(claim)) {
            started.add(payload(j));
        }
        return started;
    }

    private static List<Object> takeAll(RequestQueue queue) {
        List<Object> taken = new ArrayList<>();
        while (queue.size() > 0) {
            taken.add(payload(queue.take(queue.wakeups(), LONG_WAIT)));
        }
        return taken;
    }

    /** Waits until the thread {@link #daemonThreads()} started last is parked, waiting for the queue. */
    private void awaitParked() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Thread t = started.get();
            return t != null && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
        });
    }

    private Executor daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "claimed-jobs-test");
            t.setDaemon(true);
            started.set(t);
            t.start();
        };
    }
}
