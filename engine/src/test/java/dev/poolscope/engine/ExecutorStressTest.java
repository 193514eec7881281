package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The executor's races under load, with a watcher checking the pool's nothing-lost invariant on every snapshot:
 * cancel against a worker starting the task, and shutdownNow against submitters.
 */
@Timeout(60)
class ExecutorStressTest {

    private static final int PRODUCERS = 2;

    private final List<String> violations = new CopyOnWriteArrayList<>();

    @Test
    void cancelRacingStartNeitherRunsACancelledTaskLateNorLeaksItsInterrupt() throws Exception {
        int perProducer = 20_000;
        int total = PRODUCERS * perProducer;
        PoolScopeExecutor executor = PoolScope.executor(Pools.uniqueName(), Pools.quiet().workers(2, 4)
                .scalingTick(Duration.ofMillis(5)).loadThreshold(20).queueCapacity(1_000).build());
        AtomicIntegerArray runs = new AtomicIntegerArray(total);
        AtomicIntegerArray startedInterrupted = new AtomicIntegerArray(total);
        AtomicReferenceArray<Future<?>> futures = new AtomicReferenceArray<>(total);
        AtomicLong rejected = new AtomicLong();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread watcher = watch(executor.dispatcher(), producing);
        CountDownLatch produced = new CountDownLatch(PRODUCERS);
        for (int p = 0; p < PRODUCERS; p++) {
            int first = p * perProducer;
            new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = first; i < first + perProducer; i++) {
                    int id = i;
                    try {
                        Future<?> f = executor.submit(() -> {
                            if (Thread.currentThread().isInterrupted()) {
                                startedInterrupted.incrementAndGet(id);
                            }
                            runs.incrementAndGet(id);
                            LockSupport.parkNanos(random.nextInt(2_000));
                        });
                        futures.set(id, f);
                        int dice = random.nextInt(3);
                        if (dice < 2) {
                            f.cancel(dice == 0);
                        }
                    } catch (RejectedExecutionException e) {
                        rejected.incrementAndGet();
                    }
                }
                produced.countDown();
            }, "stress-producer-" + p).start();
        }
        assertTrue(produced.await(50, TimeUnit.SECONDS));
        producing.set(false);
        watcher.join();
        executor.shutdown();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));

        assertEquals(List.of(), violations);
        long ran = 0;
        for (int i = 0; i < total; i++) {
            Future<?> f = futures.get(i);
            assertTrue(runs.get(i) <= 1, "task " + i + " ran " + runs.get(i) + " times");
            if (f == null) {
                assertEquals(0, runs.get(i), "a rejected task never runs");
                continue;
            }
            assertTrue(f.isDone(), "every accepted task's future is done after termination");
            if (!f.isCancelled()) {
                assertEquals(1, runs.get(i), "an accepted task that was not cancelled ran once");
                assertEquals(0, startedInterrupted.get(i), "task " + i + " started with another's interrupt");
            }
            ran += runs.get(i);
        }
        PoolSnapshot end = executor.dispatcher().snapshot();
        assertTrue(end.invariantHolds());
        assertEquals(total, end.submitted());
        assertEquals(rejected.get(), end.dropped(DropReason.QUEUE_FULL));
        assertEquals(total - rejected.get(), end.completed(), "cancelled or not, each accepted task counted once");
        assertTrue(ran > 0 && ran < total - rejected.get(), "both sides of the race happened: " + ran + " ran");
    }

    @Test
    void shutdownNowRacingSubmittersLosesNoTask() throws Exception {
        int perProducer = 100_000;
        PoolScopeExecutor executor = PoolScope.executor(Pools.uniqueName(), Pools.quiet().workers(2, 2)
                .queueCapacity(PoolConfig.CAPACITY_LIMIT).build());
        AtomicIntegerArray runs = new AtomicIntegerArray(PRODUCERS * perProducer);
        AtomicIntegerArray fate = new AtomicIntegerArray(PRODUCERS * perProducer);
        int accepted = 1;
        int rejectedFate = 2;
        CountDownLatch someRan = new CountDownLatch(1_000);
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread watcher = watch(executor.dispatcher(), producing);
        CountDownLatch produced = new CountDownLatch(PRODUCERS);
        for (int p = 0; p < PRODUCERS; p++) {
            int first = p * perProducer;
            new Thread(() -> {
                for (int i = first; i < first + perProducer; i++) {
                    int id = i;
                    try {
                        executor.execute(new Marked(id, () -> {
                            runs.incrementAndGet(id);
                            someRan.countDown();
                        }));
                        fate.set(id, accepted);
                    } catch (RejectedExecutionException e) {
                        fate.set(id, rejectedFate);
                    }
                }
                produced.countDown();
            }, "stress-submitter-" + p).start();
        }
        assertTrue(someRan.await(30, TimeUnit.SECONDS));
        List<Runnable> back = executor.shutdownNow();
        assertTrue(produced.await(30, TimeUnit.SECONDS));
        producing.set(false);
        watcher.join();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));

        assertEquals(List.of(), violations);
        AtomicIntegerArray handedBack = new AtomicIntegerArray(runs.length());
        for (Runnable r : back) {
            handedBack.incrementAndGet(((Marked) r).id);
        }
        long acceptedCount = 0;
        long rejectedCount = 0;
        for (int i = 0; i < runs.length(); i++) {
            int accountedFor = runs.get(i) + handedBack.get(i);
            if (fate.get(i) == accepted) {
                acceptedCount++;
                assertEquals(1, accountedFor, "accepted task " + i + " either ran or was handed back, once");
            } else {
                rejectedCount++;
                assertEquals(0, accountedFor, "rejected task " + i + " never ran and was not handed back");
            }
        }
        PoolSnapshot end = executor.dispatcher().snapshot();
        assertTrue(end.invariantHolds());
        assertEquals(acceptedCount + rejectedCount, end.submitted());
        assertEquals(rejectedCount, end.dropped(DropReason.SHUTTING_DOWN));
        assertEquals(back.size(), end.returned());
        assertEquals(acceptedCount - back.size(), end.completed() + end.interrupted());
    }

    private Thread watch(Dispatcher pool, AtomicBoolean producing) {
        Thread t = new Thread(() -> {
            while (producing.get()) {
                PoolSnapshot s = pool.snapshot();
                if (!s.invariantHolds()) {
                    violations.add("invariant broken: unaccounted " + s.unaccounted() + " in " + s);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }, "stress-watcher");
        t.start();
        return t;
    }

    /** A task that knows its number, so a handed-back one can be matched to its submission. */
    private record Marked(int id, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }
    }
}
