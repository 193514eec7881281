package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(10)
class OverflowPolicyTest {

    /** A pool with one worker held by the gate and room for two queued requests. */
    private static Dispatcher fullPool(OverflowPolicy policy, Pools.Gate gate) {
        PoolConfig config = Pools.quiet().workers(1, 1).queueCapacity(2).overflowPolicy(policy)
                .blockTimeout(Duration.ofMillis(50)).build();
        Dispatcher pool = Pools.start(config, Map.of("job", gate, "who", r -> Thread.currentThread().getName()));
        pool.submit("job", "running");
        gate.awaitEntered(1);
        return pool;
    }

    @Test
    void dropsNewestWhenQueueIsFullAndTellsTheSubmitter() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = fullPool(OverflowPolicy.DROP_NEWEST, gate)) {
            List<DropReason> heard = new CopyOnWriteArrayList<>();
            pool.addListener(new PoolListener() {
                @Override
                public void onDrop(Request request, DropReason reason) {
                    heard.add(reason);
                }
            });
            pool.submit("job", 1);
            pool.submit("job", 2);
            CompletableFuture<Outcome> third = pool.submit("job", 3);
            assertTrue(third.isDone(), "a drop is reported at once");
            assertEquals(new Outcome.Dropped(DropReason.QUEUE_FULL), third.join());
            assertEquals(List.of(DropReason.QUEUE_FULL), heard);
            assertEquals(1, pool.snapshot().dropped(DropReason.QUEUE_FULL));
            gate.release();
        }
    }

    @Test
    void dropOldestEvictsTheHeadOfTheQueue() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = fullPool(OverflowPolicy.DROP_OLDEST, gate)) {
            CompletableFuture<Outcome> oldest = pool.submit("job", 1);
            CompletableFuture<Outcome> middle = pool.submit("job", 2);
            CompletableFuture<Outcome> newest = pool.submit("job", 3);
            assertEquals(new Outcome.Dropped(DropReason.EVICTED), oldest.join());
            gate.release();
            assertTrue(middle.join().isSuccess());
            assertTrue(newest.join().isSuccess());
            assertEquals(1, pool.snapshot().dropped(DropReason.EVICTED));
        }
    }

    @Test
    void aSubmitterBlockedUnderAnOldRuleMeetsTheNewOneAtOnce() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = fullPool(OverflowPolicy.BLOCK, gate)) {
            pool.reconfigure(b -> b.blockTimeout(Duration.ofHours(1)));
            pool.submit("job", 1);
            pool.submit("job", 2);
            CompletableFuture<CompletableFuture<Outcome>> blocked = CompletableFuture.supplyAsync(
                    () -> pool.submit("job", 3));
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.queue.roomWaiters() == 1);
            pool.reconfigure(b -> b.overflowPolicy(OverflowPolicy.DROP_NEWEST));
            assertEquals(new Outcome.Dropped(DropReason.QUEUE_FULL), blocked.get(5, TimeUnit.SECONDS).join(),
                    "switched to drop-newest: dropped now, not after the hour's block timeout");

            pool.reconfigure(b -> b.overflowPolicy(OverflowPolicy.BLOCK));
            CompletableFuture<CompletableFuture<Outcome>> next = CompletableFuture.supplyAsync(
                    () -> pool.submit("job", 4));
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.queue.roomWaiters() == 1);
            pool.reconfigure(b -> b.blockTimeout(Duration.ZERO));
            assertEquals(new Outcome.Dropped(DropReason.BLOCK_TIMEOUT), next.get(5, TimeUnit.SECONDS).join(),
                    "a shorter block timeout applies to a submitter already waiting");
            gate.release();
        }
    }

    @Test
    void blockWaitsForRoomThenDropsAfterItsTimeout() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = fullPool(OverflowPolicy.BLOCK, gate)) {
            pool.submit("job", 1);
            pool.submit("job", 2);
            long began = System.nanoTime();
            CompletableFuture<Outcome> late = pool.submit("job", 3);
            long waited = System.nanoTime() - began;
            assertEquals(new Outcome.Dropped(DropReason.BLOCK_TIMEOUT), late.join());
            assertTrue(waited >= pool.config().blockTimeout().toNanos(), "it waited out its timeout: " + waited);
            gate.release();
        }
    }

    @Test
    void blockAcceptsOnceAWorkerMakesRoom() {
        Pools.Gate gate = new Pools.Gate();
        PoolConfig config = Pools.quiet().workers(1, 1).queueCapacity(1).overflowPolicy(OverflowPolicy.BLOCK)
                .blockTimeout(Duration.ofSeconds(30)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("job", gate))) {
            pool.submit("job", 0);
            gate.awaitEntered(1);
            pool.submit("job", 1);
            CompletableFuture<Outcome> blocked = new CompletableFuture<>();
            Thread submitter = new Thread(() -> blocked.complete(pool.submit("job", 2).join()), "poolscope-t-block");
            submitter.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> submitter.getState() == Thread.State.TIMED_WAITING);
            assertFalse(blocked.isDone(), "the submitter waits for room");
            assertEquals(1, pool.snapshot().queued());
            gate.release();
            assertTrue(blocked.join().isSuccess());
        }
    }

    @Test
    void callerRunsExecutesInTheSubmittingThread() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = fullPool(OverflowPolicy.CALLER_RUNS, gate)) {
            pool.submit("job", 1);
            pool.submit("job", 2);
            Outcome outcome = pool.submit("who", null).join();
            Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, outcome);
            assertEquals(Thread.currentThread().getName(), done.value());
            assertFalse(Thread.currentThread().isInterrupted());
            gate.release();
        }
    }

    @Test
    void unknownTypeEndsUnhandledAtOnce() {
        try (Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of())) {
            CompletableFuture<Outcome> f = pool.submit("nobody-handles-this", 1);
            assertEquals(new Outcome.Unhandled("nobody-handles-this"), f.getNow(null));
            PoolSnapshot s = pool.snapshot();
            assertEquals(1, s.unhandled());
            assertTrue(s.invariantHolds());
        }
    }
}
