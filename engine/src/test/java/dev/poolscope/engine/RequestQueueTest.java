package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The queue on its own, under concurrent submitters and workers: every job comes out exactly once, new offers
 * never push it past its capacity, and blocked submitters and idle workers are woken when they should be.
 */
class RequestQueueTest {

    private static final long LONG_WAIT = TimeUnit.SECONDS.toNanos(10);

    private static Job job(int n) {
        return new Job(Request.of("t", n), r -> null);
    }

    @Test
    void blockedSubmittersAndWorkersPassEveryJobExactlyOnce() throws Exception {
        RequestQueue queue = new RequestQueue(4);
        int submitters = 4;
        int perSubmitter = 20_000;
        Set<Job> taken = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger overCapacity = new AtomicInteger();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            running.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perSubmitter; i++) {
                    try {
                        if (queue.offer(job(i), LONG_WAIT) != RequestQueue.Offer.ACCEPTED) {
                            refused.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, daemonThreads()));
        }
        AtomicBoolean done = new AtomicBoolean();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            workers.add(CompletableFuture.runAsync(() -> {
                while (!done.get() || queue.size() > 0) {
                    if (queue.size() > 4) {
                        overCapacity.incrementAndGet();
                    }
                    Job j = queue.take(TimeUnit.MILLISECONDS.toNanos(10));
                    if (j != null) {
                        assertTrue(taken.add(j), "taken twice");
                    }
                }
            }, daemonThreads()));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        done.set(true);
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertEquals(0, refused.get());
        assertEquals(0, overCapacity.get());
        assertEquals(submitters * perSubmitter, taken.size());
        assertEquals(0, queue.size());
    }

    @Test
    void evictingOfferKeepsEveryJobAccountedForWhileWorkersTake() throws Exception {
        RequestQueue queue = new RequestQueue(8);
        int total = 50_000;
        Set<Job> out = ConcurrentHashMap.newKeySet();
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
            while (!done.get()) {
                Job j = queue.take(TimeUnit.MILLISECONDS.toNanos(10));
                if (j != null) {
                    assertTrue(out.add(j), "taken after it was evicted or taken already");
                }
            }
        }, daemonThreads());
        for (int i = 0; i < total; i++) {
            Job evicted = queue.offerEvictingOldest(job(i));
            if (evicted != null) {
                assertTrue(out.add(evicted), "evicted after it was taken or evicted already");
            }
            assertTrue(queue.size() <= 8);
        }
        done.set(true);
        worker.get(60, TimeUnit.SECONDS);
        out.addAll(queue.closeAndDrain());
        assertEquals(total, out.size());
    }

    @Test
    void loweredCapacityHoldsBackSubmittersUntilTheQueueDrainsBelowIt() throws Exception {
        RequestQueue queue = new RequestQueue(10);
        for (int i = 0; i < 10; i++) {
            assertEquals(RequestQueue.Offer.ACCEPTED, queue.offer(job(i)));
        }
        queue.setCapacity(5);
        CompletableFuture<RequestQueue.Offer> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.offer(job(99), LONG_WAIT);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, daemonThreads());
        for (int i = 0; i < 5; i++) {
            queue.take(0);
        }
        assertEquals(RequestQueue.Offer.FULL, queue.offer(job(100)), "five left, capacity five: still full");
        queue.take(0);
        assertEquals(RequestQueue.Offer.ACCEPTED, blocked.get(10, TimeUnit.SECONDS));
    }

    @Test
    @Timeout(10)
    void aWaitForRoomOfZeroOrLessIsSpentAtOnceHoweverNegative() throws Exception {
        RequestQueue queue = new RequestQueue(1);
        assertEquals(RequestQueue.Offer.ACCEPTED, queue.offer(job(0)));
        for (long wait : new long[] {0, -1, Long.MIN_VALUE}) {
            assertEquals(RequestQueue.Offer.FULL, queue.offer(job(1), wait));
        }
    }

    @Test
    void wakeAllReleasesIdleWorkersEmptyHanded() throws Exception {
        RequestQueue queue = new RequestQueue(4);
        List<CompletableFuture<Job>> idle = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            idle.add(CompletableFuture.supplyAsync(() -> queue.take(LONG_WAIT), daemonThreads()));
        }
        // Wake until all three have been waiting and left; a wake before one starts waiting does not count for it.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!idle.stream().allMatch(CompletableFuture::isDone) && System.nanoTime() < until) {
            queue.wakeAll();
            Thread.onSpinWait();
        }
        for (CompletableFuture<Job> f : idle) {
            assertNull(f.get(1, TimeUnit.SECONDS));
        }
    }

    @Test
    void closeHandsBackWhatIsLeftAndRefusesEverythingAfter() throws Exception {
        RequestQueue queue = new RequestQueue(4);
        Job a = job(1);
        Job b = job(2);
        queue.offer(a);
        queue.offer(b);
        queue.stopAccepting();
        assertEquals(RequestQueue.Offer.CLOSED, queue.offer(job(3)));
        assertSame(a, queue.take(0));
        assertTrue(queue.offerRetry(a), "retries still enter until close");
        assertEquals(List.of(b, a), queue.closeAndDrain());
        assertFalse(queue.offerRetry(a), "nothing enters once closed");
        assertNull(queue.take(LONG_WAIT));
        assertEquals(0, queue.size());
    }

    @Test
    void aRetryOfTheJobStillAtTheHeadKeepsTheOrderOfWhatIsQueued() {
        RequestQueue queue = new RequestQueue(4);
        Job a = job(1);
        Job b = job(2);
        Job c = job(3);
        queue.offer(a);
        queue.offer(b);
        // Taken, a links the queue's head to b until the next take; its retry must not cut that link.
        assertSame(a, queue.take(0));
        assertTrue(queue.offerRetry(a));
        queue.offer(c);

        assertEquals(List.of(b, a, c), List.of(queue.take(0), queue.take(0), queue.take(0)));
        assertEquals(0, queue.size());
    }

    @Test
    void aRetryOfTheOnlyJobTakenComesOutBeforeTheNextOne() {
        RequestQueue queue = new RequestQueue(4);
        Job a = job(1);
        Job c = job(3);
        queue.offer(a);
        assertSame(a, queue.take(0));
        assertTrue(queue.offerRetry(a));
        queue.offer(c);

        assertEquals(List.of(a, c), List.of(queue.take(0), queue.take(0)));
        assertNull(queue.take(0));
    }

    private static Executor daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "queue-test");
            t.setDaemon(true);
            t.start();
        };
    }
}
