package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class SnapshotTest {

    @Test
    void countsEveryOutcomeAndAddsUp() {
        Handler ok = r -> "ok";
        Handler broken = r -> {
            throw new IllegalArgumentException("bad payload");
        };
        try (Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of("ok", ok, "broken", broken))) {
            List<CompletableFuture<Outcome>> all = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                all.add(pool.submit("ok", i));
                all.add(pool.submit("broken", i));
                all.add(pool.submit("unknown", i));
            }
            all.forEach(CompletableFuture::join);
            PoolSnapshot s = pool.snapshot();
            assertEquals(30, s.submitted());
            assertEquals(10, s.completed());
            assertEquals(10, s.failed());
            assertEquals(10, s.unhandled());
            assertEquals(0, s.inFlight());
            assertEquals(0, s.unaccounted());
            assertTrue(s.invariantHolds());
        }
    }

    @Test
    void snapshotReportsLatencyOverThePoolsLifeAndChangesNothing() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), Map.of("sleepy", sleepy()))) {
            runAll(pool, 10);
            PoolSnapshot first = pool.snapshot();
            assertEquals(10, first.runTime().count());
            assertTrue(first.runTime().p50Nanos() >= Duration.ofMillis(5).toNanos());
            assertTrue(first.queueWait().p99Nanos() >= first.queueWait().p50Nanos());
            assertTrue(first.queueWait().maxNanos() >= Duration.ofMillis(5).toNanos(), "later ones queued behind");
            PoolSnapshot second = pool.snapshot();
            assertEquals(first.runTime(), second.runTime(), "a second read sees the same latencies");
            assertEquals(first.queueWait(), second.queueWait());
            assertTrue(second.latencyWindow().compareTo(first.latencyWindow()) >= 0);
        }
    }

    @Test
    void eachReaderGetsItsOwnIntervalWithoutDisturbingAnother() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), Map.of("sleepy", sleepy()))) {
            runAll(pool, 3);
            SnapshotReader chart = pool.openReader();
            SnapshotReader report = pool.openReader();
            runAll(pool, 10);
            assertEquals(10, chart.read().runTime().count(), "opened after the first three");
            assertEquals(Latency.EMPTY, chart.read().runTime(), "nothing ran since its last read");
            runAll(pool, 5);
            assertEquals(5, chart.read().runTime().count());
            PoolSnapshot reported = report.read();
            assertEquals(15, reported.runTime().count(), "the chart's reads took nothing from the report");
            assertEquals(15, reported.queueWait().count());
            assertEquals(18, pool.snapshot().runTime().count());
            assertEquals(18, reported.completed(), "counters stay cumulative");
        }
    }

    @Test
    void minusGivesEveryCounterAndItsRate() {
        Handler broken = r -> {
            throw new IllegalStateException("down");
        };
        PoolConfig config = Pools.quiet().workers(1, 1).queueCapacity(1).build();
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(config, Map.of("ok", r -> null, "broken", broken, "gate", gate))) {
            PoolSnapshot before = pool.snapshot();
            for (int i = 0; i < 50; i++) {
                pool.submit("ok", i).join();
            }
            pool.submit("broken", 0).join();
            pool.submit("nobody", 0).join();
            CompletableFuture<Outcome> held = pool.submit("gate", 0);
            gate.awaitEntered(1);
            CompletableFuture<Outcome> queued = pool.submit("ok", 0);
            assertEquals(new Outcome.Dropped(DropReason.QUEUE_FULL), pool.submit("ok", 0).join());
            PoolRates rates = pool.snapshot().minus(before);
            assertEquals(55, rates.submitted());
            assertEquals(50, rates.completed());
            assertEquals(1, rates.failed());
            assertEquals(1, rates.unhandled());
            assertEquals(1, rates.dropped().get(DropReason.QUEUE_FULL));
            assertEquals(1, rates.droppedInInterval());
            assertEquals(rates.submitted() / rates.seconds(), rates.submittedPerSecond(), 1e-9);
            assertEquals(50 / rates.seconds(), rates.completedPerSecond(), 1e-9);
            gate.release();
            held.join();
            queued.join();
        }
    }

    private static Handler sleepy() {
        return r -> {
            Thread.sleep(5);
            return null;
        };
    }

    private static void runAll(Dispatcher pool, int n) {
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(pool.submit("sleepy", i));
        }
        all.forEach(CompletableFuture::join);
    }

    @Test
    void carriesTheConfigInForce() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(2, 6).loadThreshold(42).build(), Map.of())) {
            PoolSnapshot s = pool.snapshot();
            assertEquals(42, s.config().loadThreshold());
            assertEquals(2, s.poolSize());
            assertEquals(2, s.idleWorkers());
            assertEquals(PoolState.RUNNING, s.state());
        }
    }
}
