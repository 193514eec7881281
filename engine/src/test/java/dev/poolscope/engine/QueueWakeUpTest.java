package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every change that lets a waiting submitter or idle worker go on wakes it: each test parks a thread in the
 * queue with a wait far longer than the test's own timeout, so a missed wake-up fails the test in seconds.
 */
@Timeout(10)
class QueueWakeUpTest {

    private static final long FOREVER = TimeUnit.MINUTES.toNanos(10);
    private static final long PROMPTLY_SECONDS = 5;

    private static Job job(int n) {
        return new Job(Request.of("t", n), r -> null);
    }

    @Test
    void raisingTheCapacityLetsABlockedSubmitterIn() throws Exception {
        RequestQueue queue = full(1);
        CompletableFuture<RequestQueue.Offer> blocked = parked(() -> offerWaiting(queue, job(2)));

        queue.setCapacity(2);

        assertEquals(RequestQueue.Offer.ACCEPTED, blocked.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void stoppingAcceptanceTurnsABlockedSubmitterAway() throws Exception {
        RequestQueue queue = full(1);
        CompletableFuture<RequestQueue.Offer> blocked = parked(() -> offerWaiting(queue, job(2)));

        queue.stopAccepting();

        assertEquals(RequestQueue.Offer.CLOSED, blocked.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void closingTurnsABlockedSubmitterAway() throws Exception {
        RequestQueue queue = full(1);
        CompletableFuture<RequestQueue.Offer> blocked = parked(() -> offerWaiting(queue, job(2)));

        assertEquals(1, queue.closeAndDrain().size());

        assertEquals(RequestQueue.Offer.CLOSED, blocked.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void closingReleasesAnIdleWorkerEmptyHanded() throws Exception {
        RequestQueue queue = new RequestQueue(4);
        CompletableFuture<Job> idle = parked(() -> queue.take(FOREVER));

        queue.closeAndDrain();

        assertNull(idle.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aWokenWorkerPassesTheWakeUpOnWhileRequestsRemain() throws Exception {
        RequestQueue queue = new RequestQueue(4);
        CompletableFuture<Job> first = parked(() -> queue.take(FOREVER));
        CompletableFuture<Job> second = parked(() -> queue.take(FOREVER));

        // Holding both locks makes the two offers one step for the workers: only the first wakes anybody.
        queue.lockCounts();
        try {
            queue.offer(job(1));
            queue.offer(job(2));
        } finally {
            queue.unlockCounts();
        }

        assertNotNull(first.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
        assertNotNull(second.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void noWakeUpIsLostWhileWorkersComeAndGoFromTheirWait() throws Exception {
        RequestQueue queue = new RequestQueue(4);
        Semaphore taken = new Semaphore(0);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(CompletableFuture.runAsync(() -> {
                while (queue.take(queue.wakeups(), RequestQueue.NO_TIMEOUT) != null) {
                    taken.release();
                }
            }, r -> {
                Thread t = new Thread(r, "queue-wakeup-stress");
                t.setDaemon(true);
                t.start();
            }));
        }

        // One request at a time, so every offer finds the queue empty and must wake a worker, while the worker
        // that took the last one is on its way back into its wait, holding the take lock.
        for (int i = 0; i < 20_000; i++) {
            queue.offer(job(i));
            assertTrue(taken.tryAcquire(PROMPTLY_SECONDS, TimeUnit.SECONDS), "request " + i + " left with idle workers");
        }

        queue.closeAndDrain();
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(PROMPTLY_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aSubmitterLetInPassesTheRoomOnToTheNext() throws Exception {
        RequestQueue queue = full(2);
        CompletableFuture<RequestQueue.Offer> first = parked(() -> offerWaiting(queue, job(3)));
        CompletableFuture<RequestQueue.Offer> second = parked(() -> offerWaiting(queue, job(4)));

        // Two takes in one step for the submitters: only the first, from a full queue, signals room.
        queue.lockCounts();
        try {
            queue.take(0);
            queue.take(0);
        } finally {
            queue.unlockCounts();
        }

        assertEquals(RequestQueue.Offer.ACCEPTED, first.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
        assertEquals(RequestQueue.Offer.ACCEPTED, second.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aTakeFromAFullQueueLetsABlockedSubmitterIn() throws Exception {
        RequestQueue queue = full(2);
        CompletableFuture<RequestQueue.Offer> blocked = parked(() -> offerWaiting(queue, job(3)));

        assertNotNull(queue.take(0));

        assertEquals(RequestQueue.Offer.ACCEPTED, blocked.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void anIdleWorkerWaitsWithNoTimer() {
        RequestQueue queue = new RequestQueue(4);
        Thread t = new Thread(() -> queue.take(queue.wakeups(), RequestQueue.NO_TIMEOUT), "queue-idle-test");
        t.setDaemon(true);
        t.start();

        // A timed wait would show as TIMED_WAITING, and cost a kernel timer per park.
        await().atMost(Duration.ofSeconds(5)).until(() -> t.getState() == Thread.State.WAITING);
        queue.closeAndDrain();
    }

    @Test
    void aWakeUpSentAfterTheWorkerLastCheckedEndsItsWaitAtOnce() throws Exception {
        RequestQueue queue = new RequestQueue(4);
        // The worker reads the generation, then checks whether to retire (no); the retirement is decided and its
        // wake-up sent before the worker reaches the wait.
        long seen = queue.wakeups();
        queue.wakeAll();

        CompletableFuture<Job> idle = parked(() -> queue.take(seen, RequestQueue.NO_TIMEOUT));

        assertNull(idle.get(PROMPTLY_SECONDS, TimeUnit.SECONDS), "the worker goes back to check, it does not wait");
    }

    @Test
    void aWakeUpSentBeforeTheWorkerLastCheckedDoesNotEndItsWait() throws Exception {
        RequestQueue queue = new RequestQueue(4);
        queue.wakeAll();
        long seen = queue.wakeups();

        CompletableFuture<Job> idle = parked(() -> queue.take(seen, RequestQueue.NO_TIMEOUT));

        assertFalse(idle.isDone(), "a worker that already saw the wake-up waits for a request, it does not spin");
        Job job = job(1);
        queue.offer(job);
        assertSame(job, idle.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aRetryEntersPastCapacityAndCountsAsRequeued() {
        RequestQueue queue = full(1);
        Job retry = job(2);

        assertEquals(true, queue.offerRetry(retry), "an admitted request's retry ignores capacity");

        assertEquals(2, queue.size());
        long[] totals = new long[Counter.ALL.length];
        queue.lockCounts();
        try {
            queue.addCountsTo(totals);
        } finally {
            queue.unlockCounts();
        }
        assertEquals(1, totals[Counter.SUBMITTED.ordinal()]);
        assertEquals(2, totals[Counter.QUEUED.ordinal()]);
        assertEquals(-1, totals[Counter.WAITING_RETRY.ordinal()], "moved out of waiting by the queue");
    }

    @Test
    void anEvictingOfferWakesAnIdleWorker() throws Exception {
        RequestQueue queue = new RequestQueue(1);
        CompletableFuture<Job> idle = parked(() -> queue.take(FOREVER));

        assertNull(queue.offerEvictingOldest(job(1)), "room for it: nothing evicted");

        assertNotNull(idle.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aRetryWakesAnIdleWorker() throws Exception {
        RequestQueue queue = new RequestQueue(1);
        CompletableFuture<Job> idle = parked(() -> queue.take(FOREVER));

        queue.offerRetry(job(1));

        assertNotNull(idle.get(PROMPTLY_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aTimedOfferOnAFullQueueGivesUpWhenItsWaitRunsOut() throws Exception {
        RequestQueue queue = full(2);

        assertEquals(RequestQueue.Offer.FULL, queue.offer(job(3), 0));

        assertEquals(2, queue.size());
    }

    @Test
    void anEvictingOfferOnAFullQueuePushesOutTheOldest() {
        RequestQueue queue = new RequestQueue(2);
        Job oldest = job(1);
        queue.offer(oldest);
        queue.offer(job(2));

        assertSame(oldest, queue.offerEvictingOldest(job(3)));

        assertEquals(2, queue.size());
    }

    @Test
    void anEvictingOfferOnAStoppedQueueHandsTheJobBack() {
        RequestQueue queue = new RequestQueue(2);
        queue.stopAccepting();
        Job refused = job(1);

        assertSame(refused, queue.offerEvictingOldest(refused));

        assertEquals(0, queue.size());
    }

    private static RequestQueue full(int capacity) {
        RequestQueue queue = new RequestQueue(capacity);
        for (int i = 0; i < capacity; i++) {
            assertEquals(RequestQueue.Offer.ACCEPTED, queue.offer(job(i)));
        }
        return queue;
    }

    private static RequestQueue.Offer offerWaiting(RequestQueue queue, Job job) {
        try {
            return queue.offer(job, FOREVER);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code call} on a new thread and returns once that thread is parked inside the queue. */
    private static <T> CompletableFuture<T> parked(Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(call.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "queue-wakeup-test");
        t.setDaemon(true);
        t.start();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING
                        || result.isDone());
        return result;
    }
}
