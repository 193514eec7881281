package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

/**
 * A million requests from four producers, with failing, slow, hanging and stuck handlers, while another thread
 * retunes the pool every few milliseconds and a third takes snapshots: nothing may be lost or counted twice.
 */
class StressTest {

    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 250_000;
    private static final int STUBBORN_LIMIT = 3;

    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder callbacks = new LongAdder();
    private final CountDownLatch letStuckGo = new CountDownLatch(1);
    private final AtomicInteger stubbornSent = new AtomicInteger();

    @Test
    void nothingIsLostUnderConcurrentLoadWhileSettingsChange() throws Exception {
        PoolConfig config = PoolConfig.builder().workers(2, 8).loadThreshold(50).queueCapacity(5_000)
                .requestTimeout(Duration.ofMillis(20)).maxRetries(1)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .stuckGrace(Duration.ofMillis(100)).scalingTick(Duration.ofMillis(5)).build();
        Dispatcher pool = Pools.start(config, handlers());
        AtomicBoolean producing = new AtomicBoolean(true);
        List<String> violations = new CopyOnWriteArrayList<>();
        Thread tuner = new Thread(() -> retuneUntilDone(pool, producing, violations), "stress-tuner");
        Thread watcher = new Thread(() -> watchInvariant(pool, producing, violations), "stress-watcher");
        tuner.start();
        watcher.start();
        CountDownLatch produced = new CountDownLatch(PRODUCERS);
        for (int p = 0; p < PRODUCERS; p++) {
            new Thread(() -> {
                produce(pool);
                produced.countDown();
            }, "stress-producer-" + p).start();
        }
        assertTrue(produced.await(5, TimeUnit.MINUTES), "producers finished");
        producing.set(false);
        tuner.join();
        watcher.join();

        ShutdownReport report = pool.shutdown(Duration.ofSeconds(30));
        letStuckGo.countDown();

        assertEquals(List.of(), violations);
        PoolSnapshot end = pool.snapshot();
        long total = (long) PRODUCERS * PER_PRODUCER;
        assertEquals(total, end.submitted());
        assertEquals(total, end.finished(), "every request has a terminal outcome: " + report.summary());
        assertEquals(0, end.inFlight());
        assertTrue(end.invariantHolds());
        assertEquals(total, callbacks.sum(), "every future completed exactly once");
        assertEquals(end.completed(), count(Outcome.Completed.class));
        assertEquals(end.failed(), count(Outcome.Failed.class));
        assertEquals(end.timedOut(), count(Outcome.TimedOut.class));
        assertEquals(end.droppedTotal(), count(Outcome.Dropped.class));
        assertEquals(end.unhandled(), count(Outcome.Unhandled.class));
        assertEquals(end.returned(), count(Outcome.Returned.class));
        assertEquals(end.interrupted(), count(Outcome.Interrupted.class));
        // Producers outrun the pool, so most requests are dropped; enough still run to exercise every path.
        assertTrue(end.completed() > 10_000, "the pool did real work: " + end.completed());
        assertTrue(end.retriedAttempts() > 0 && end.failed() > 0, "flaky requests were retried and failed");
        Pools.awaitNoThreads(pool);
    }

    private Map<String, Handler> handlers() {
        Handler fast = r -> r.payload();
        Handler flaky = r -> {
            if (ThreadLocalRandom.current().nextInt(10) == 0) {
                throw new IllegalStateException("flaky downstream");
            }
            return null;
        };
        Handler slow = r -> {
            LockSupport.parkNanos(20_000);
            return null;
        };
        Handler hang = r -> {
            Thread.sleep(60_000);
            return null;
        };
        Handler stubborn = r -> {
            // Ignores interruption, so its worker gets abandoned; gives up after two seconds in case a producer
            // runs it itself under CALLER_RUNS.
            long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < giveUpAt) {
                try {
                    if (letStuckGo.await(giveUpAt - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        return null;
                    }
                } catch (InterruptedException ignored) {
                    // Deliberately ignored.
                }
            }
            return null;
        };
        return Map.of("fast", fast, "flaky", flaky, "slow", slow, "hang", hang, "stubborn", stubborn);
    }

    private void produce(Dispatcher pool) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < PER_PRODUCER; i++) {
            int dice = random.nextInt(100_000);
            String type;
            if (dice == 0 && stubbornSent.incrementAndGet() <= STUBBORN_LIMIT) {
                type = "stubborn";
            } else if (dice < 5) {
                type = "hang";
            } else if (dice < 10) {
                type = "unknown";
            } else if (dice < 10_000) {
                type = "flaky";
            } else if (dice < 20_000) {
                type = "slow";
            } else {
                type = "fast";
            }
            pool.submit(type, i).whenComplete((outcome, error) -> {
                callbacks.increment();
                outcomes.computeIfAbsent(outcome.kind(), k -> new LongAdder()).increment();
            });
        }
    }

    private static void retuneUntilDone(Dispatcher pool, AtomicBoolean producing, List<String> violations) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (producing.get()) {
            int min = 1 + random.nextInt(4);
            int max = min + random.nextInt(8);
            pool.setWorkerRange(min, max);
            pool.setLoadThreshold(1 + random.nextInt(200));
            if (random.nextInt(10) == 0) {
                pool.setQueueCapacity(100 + random.nextInt(10_000));
            }
            if (random.nextInt(20) == 0) {
                OverflowPolicy[] policies = OverflowPolicy.values();
                pool.reconfigure(b -> b.overflowPolicy(policies[random.nextInt(policies.length)])
                        .blockTimeout(Duration.ofMillis(1)));
            }
            PoolConfig before = pool.config();
            try {
                pool.setWorkerRange(max + 1, max);
                violations.add("an invalid range was accepted");
            } catch (IllegalArgumentException expected) {
                if (!before.equals(pool.config())) {
                    violations.add("a refused change was half-applied");
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    private static void watchInvariant(Dispatcher pool, AtomicBoolean producing, List<String> violations) {
        while (producing.get()) {
            PoolSnapshot s = pool.snapshot();
            if (!s.invariantHolds()) {
                violations.add("invariant broken: unaccounted " + s.unaccounted() + " in " + s);
            }
            if (s.poolSize() > PoolConfig.WORKER_LIMIT) {
                violations.add("pool size " + s.poolSize());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private long count(Class<?> type) {
        LongAdder n = outcomes.get(type.getSimpleName());
        return n == null ? 0 : n.sum();
    }
}
