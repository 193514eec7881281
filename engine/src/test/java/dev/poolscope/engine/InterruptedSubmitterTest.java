package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A submitter interrupted under {@code BLOCK}: refused as {@code QUEUE_FULL} only if it had to wait for room, never
 * counted as a block timeout it did not wait out, and its interrupt left set.
 */
@Timeout(10)
class InterruptedSubmitterTest {

    /** What a submit gave back, and whether the submitting thread was still interrupted after it. */
    private record Submitted<T>(T result, boolean stillInterrupted) {
    }

    /** One worker held by {@code gate}, a queue of {@code capacity} and an hour's block timeout. */
    private static Dispatcher blockingPool(Pools.Gate gate, int capacity) {
        PoolConfig config = Pools.quiet().workers(1, 1).queueCapacity(capacity).overflowPolicy(OverflowPolicy.BLOCK)
                .blockTimeout(Duration.ofHours(1)).build();
        Dispatcher pool = Pools.start(config, Map.of("job", gate));
        pool.submit("job", "running");
        gate.awaitEntered(1);
        return pool;
    }

    /** Runs {@code submit} on a thread of its own, interrupting it once it waits for room in {@code pool}. */
    private static <T> Submitted<T> interruptedWhileBlocked(Dispatcher pool, Supplier<T> submit) throws Exception {
        CompletableFuture<Submitted<T>> done = new CompletableFuture<>();
        Thread submitter = new Thread(() -> {
            try {
                T result = submit.get();
                done.complete(new Submitted<>(result, Thread.currentThread().isInterrupted()));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        submitter.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.queue.roomWaiters() == 1);
        submitter.interrupt();
        return done.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aSubmitterInterruptedWhileWaitingForRoomIsDroppedAsQueueFullAndStaysInterrupted() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = blockingPool(gate, 1)) {
            pool.submit("job", "queued");
            Submitted<CompletableFuture<Outcome>> s = interruptedWhileBlocked(pool, () -> pool.submit("job", "late"));
            assertEquals(new Outcome.Dropped(DropReason.QUEUE_FULL), s.result().join());
            assertTrue(s.stillInterrupted(), "the interrupt is the caller's to see");
            PoolSnapshot snap = pool.snapshot();
            assertEquals(1, snap.dropped(DropReason.QUEUE_FULL), snap.toString());
            assertEquals(0, snap.dropped(DropReason.BLOCK_TIMEOUT), snap.toString());
            assertTrue(snap.invariantHolds(), snap.toString());
            gate.release();
        }
    }

    @Test
    void anInterruptedSubmitterIsStillAdmittedWhenThereIsRoom() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = blockingPool(gate, 1)) {
            Thread.currentThread().interrupt();
            CompletableFuture<Outcome> queued;
            try {
                queued = pool.submit("job", "queued");
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt stays set");
            }
            gate.release();
            assertTrue(queued.join().isSuccess(), "admitted without waiting, as ThreadPoolExecutor would");
        }
    }

    @Test
    void theExecutorsRejectionSaysTheSubmitterWasInterrupted() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        PoolScopeExecutor executor = PoolScope.executor(blockingPool(gate, 1));
        Dispatcher pool = executor.dispatcher();
        try {
            executor.execute(() -> { });
            Submitted<String> s = interruptedWhileBlocked(pool, () -> {
                try {
                    executor.execute(() -> { });
                    return "accepted";
                } catch (RejectedExecutionException e) {
                    return e.getMessage();
                }
            });
            assertEquals("task rejected by pool " + pool.name + ": QUEUE_FULL (the submitting thread was interrupted"
                    + " while it waited for room)", s.result());
            assertTrue(s.stillInterrupted());
            assertEquals(1, pool.snapshot().dropped(DropReason.QUEUE_FULL));
            assertEquals(0, pool.snapshot().dropped(DropReason.BLOCK_TIMEOUT));
        } finally {
            gate.release();
            pool.close();
        }
    }
}
