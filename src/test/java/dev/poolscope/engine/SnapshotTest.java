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
    void reportsWaitAndRunLatencyForTheIntervalOnly() {
        Handler sleepy = r -> {
            Thread.sleep(5);
            return null;
        };
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), Map.of("sleepy", sleepy))) {
            List<CompletableFuture<Outcome>> all = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                all.add(pool.submit("sleepy", i));
            }
            all.forEach(CompletableFuture::join);
            PoolSnapshot first = pool.snapshot();
            assertEquals(10, first.runTime().count());
            assertTrue(first.runTime().p50Nanos() >= Duration.ofMillis(5).toNanos());
            assertTrue(first.queueWait().p99Nanos() >= first.queueWait().p50Nanos());
            assertTrue(first.queueWait().maxNanos() >= Duration.ofMillis(5).toNanos(), "later ones queued behind");
            PoolSnapshot second = pool.snapshot();
            assertEquals(Latency.EMPTY, second.runTime());
        }
    }

    @Test
    void minusGivesRatesBetweenSnapshots() {
        try (Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of("ok", r -> null))) {
            PoolSnapshot before = pool.snapshot();
            List<CompletableFuture<Outcome>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                all.add(pool.submit("ok", i));
            }
            all.forEach(CompletableFuture::join);
            PoolSnapshot after = pool.snapshot();
            PoolRates rates = after.minus(before);
            assertEquals(50, Math.round(rates.completedPerSecond() * rates.seconds()));
            assertEquals(50, Math.round(rates.submittedPerSecond() * rates.seconds()));
            assertEquals(0, rates.droppedInInterval());
        }
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
