package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scaler between the pool and its policy, ticked by hand on a quiet pool: when it measures, what the policy
 * then sees, and that a change of size starts the cooldown.
 */
@Timeout(10)
class ScalerTest {

    private static final Pattern LAMBDA = Pattern.compile("λ ([0-9.]+)/s");
    private static final Pattern SERVICE = Pattern.compile("× S ([0-9.]+) ms");

    @Test
    void aWindowOfEnoughAttemptsIsMeasuredOnlyOnceItsTimeIsDue() throws Exception {
        PoolConfig config = Pools.quiet().workers(1, 4)
                .scalingPolicy(new CapacityPolicy(0.2, 0.9, Duration.ZERO, Duration.ZERO)).build();
        long began = System.nanoTime();
        try (Dispatcher pool = Pools.start(config, Map.of("ok", r -> "ok"))) {
            for (int i = 0; i < Scaler.ENOUGH_SAMPLES; i++) {
                assertTrue(pool.submit("ok", i).get(5, TimeUnit.SECONDS).isSuccess());
            }
            long now = System.nanoTime();
            pool.scaler.tick(now - TimeUnit.SECONDS.toNanos(1), 0);
            assertEquals("Capacity: no load (λ 0/s) → 1", pool.scaler.lastDecision().reason(),
                    "too soon after the last read: nothing measured yet");
            pool.scaler.tick(now + TimeUnit.SECONDS.toNanos(1), 0);
            double elapsedSeconds = (System.nanoTime() - began) / 1e9;
            String reason = pool.scaler.lastDecision().reason();
            Matcher lambda = LAMBDA.matcher(reason);
            assertTrue(lambda.find(), reason);
            // The window holds the 20 arrivals and lasted at most as long as the test so far.
            assertTrue(Double.parseDouble(lambda.group(1)) >= Scaler.ENOUGH_SAMPLES / elapsedSeconds - 0.05,
                    reason + " after " + elapsedSeconds + " s");
        }
    }

    @Test
    void aChangeOfSizeStartsTheCooldown() {
        PoolConfig config = Pools.quiet().workers(1, 4).loadThreshold(10)
                .scalingPolicy(new ThresholdPolicy(Duration.ZERO, Duration.ofHours(1))).build();
        try (Dispatcher pool = Pools.start(config, Map.of())) {
            pool.scaler.tick(100);
            assertEquals(2, pool.poolSize());
            pool.scaler.tick(100);
            assertEquals(2, pool.poolSize(), "within the cooldown: hold");
            assertTrue(pool.scaler.lastDecision().reason().endsWith("; cooling down (3600 s)"),
                    pool.scaler.lastDecision().reason());
        }
    }

    @Test
    void thePolicySeesTheMeanRunTimeOfTheWindowsAttempts() throws Exception {
        // Each attempt spins at least 2 ms, so the mean is at least 2 ms and at most the test's own duration.
        Handler spins = r -> {
            long until = System.nanoTime() + 2_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return null;
        };
        PoolConfig config = Pools.quiet().workers(1, 4)
                .scalingPolicy(new CapacityPolicy(0.2, 0.9, Duration.ZERO, Duration.ZERO)).build();
        long began = System.nanoTime();
        try (Dispatcher pool = Pools.start(config, Map.of("spin", spins))) {
            for (int i = 0; i < Scaler.ENOUGH_SAMPLES; i++) {
                assertTrue(pool.submit("spin", i).get(5, TimeUnit.SECONDS).isSuccess());
            }
            pool.scaler.tick(System.nanoTime() + TimeUnit.SECONDS.toNanos(1), 0);
            double elapsedMillis = (System.nanoTime() - began) / 1e6;
            String reason = pool.scaler.lastDecision().reason();
            Matcher service = SERVICE.matcher(reason);
            assertTrue(service.find(), reason);
            double meanMillis = Double.parseDouble(service.group(1));
            assertTrue(meanMillis >= 1.99 && meanMillis <= elapsedMillis, reason + " after " + elapsedMillis + " ms");
        }
    }

    @Test
    void anAttemptLongerThanTheWindowCountsAsBusyWhileItRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PoolConfig config = Pools.quiet().workers(1, 4).scalingPolicy(ProportionalPolicy.defaults()).build();
        try (Dispatcher pool = Pools.start(config, Map.of("hold", r -> {
            release.await();
            return null;
        }))) {
            pool.scaler.start();
            pool.submit("hold", 1);
            try {
                // One worker busy for whole windows in which no attempt ends: utilisation 1, so 1 / 0.8 → 2.
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                    pool.scaler.tick();
                    return pool.scaler.lastDecision().desired() == 2;
                });
                assertTrue(pool.scaler.lastDecision().reason().startsWith("HPA: 1 workers × 1 utilisation"),
                        pool.scaler.lastDecision().reason());
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void capacityHoldsWhenNoAttemptEndedInAWholeWindow() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PoolConfig config = Pools.quiet().workers(2, 4).scalingPolicy(CapacityPolicy.defaults()).build();
        try (Dispatcher pool = Pools.start(config, Map.of("hold", r -> {
            release.await();
            return null;
        }))) {
            pool.scaler.start();
            pool.submit("hold", 1);
            pool.submit("hold", 2);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                    pool.scaler.tick();
                    return pool.scaler.lastDecision().reason().startsWith("Capacity: no attempt ended in ");
                });
                assertEquals(2, pool.scaler.lastDecision().desired(), "S unknown, not zero: hold, not a of 0");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void theFlowsAreSumsOverTheWindowDividedByItsLengthOnTheCutsClock() throws Exception {
        // The cuts read a hand-driven clock, so the windows have exact lengths; run times are still real, and the
        // test reads them over the same intervals with a reader of its own.
        PoolConfig config = Pools.quiet().workers(1, 4)
                .scalingPolicy(new CapacityPolicy(0.2, 0.9, Duration.ZERO, Duration.ZERO)).build();
        AtomicLong clock = new AtomicLong();
        try (Dispatcher pool = Pools.start(config, Map.of("spin", r -> spin(r.payload())))) {
            pool.accounting.useClock(clock::get);
            pool.scaler.start();
            SnapshotReader mine = pool.openReader();
            long firstRuns = runFive(pool, 1, mine);
            tickAt(pool, clock, 500);
            assertTrue(pool.scaler.lastDecision().reason().startsWith("Capacity: no load (λ 0/s)"),
                    "5 attempts in 0.5 s: the window stays open; " + pool.scaler.lastDecision().reason());
            tickAt(pool, clock, 1_000);
            String reason = pool.scaler.lastDecision().reason();
            assertTrue(reason.startsWith("Capacity: λ 5/s × S " + meanMillis(firstRuns) + " = a "), reason);

            tickAt(pool, clock, 1_250);
            assertEquals(reason, pool.scaler.lastDecision().reason(), "a fresh window of 0.25 s: nothing new");
            long secondRuns = runFive(pool, 1, mine);
            tickAt(pool, clock, 2_250);
            reason = pool.scaler.lastDecision().reason();
            assertTrue(reason.startsWith("Capacity: λ 4/s × S " + meanMillis(secondRuns) + " = a "),
                    "only the second window's 5 arrivals over its 1.25 s: " + reason);

            pool.setScalingPolicy(new AimdPolicy(Duration.ofHours(1), 0.5, Duration.ZERO, Duration.ZERO,
                    Duration.ZERO));
            long busyRuns = runFive(pool, 40, mine);
            tickAt(pool, clock, 4_250);
            String busy = Decisions.num(busyRuns / 1e9 / 2.0);
            reason = pool.scaler.lastDecision().reason();
            assertTrue(reason.startsWith("AIMD: nothing queued, " + busy + " of 1 busy on average"),
                    "the runs' sum over 2 s: " + reason);
        }
    }

    @Test
    void aFullWindowIsReadOnceNineTenthsOfTheMeasuringPeriodHavePassed() throws Exception {
        PoolConfig config = Pools.quiet().workers(1, 4)
                .scalingPolicy(new CapacityPolicy(0.2, 0.9, Duration.ZERO, Duration.ZERO)).build();
        AtomicLong clock = new AtomicLong();
        try (Dispatcher pool = Pools.start(config, Map.of("spin", r -> spin(r.payload())))) {
            pool.accounting.useClock(clock::get);
            pool.scaler.start();
            for (int i = 0; i < Scaler.ENOUGH_SAMPLES; i++) {
                assertTrue(pool.submit("spin", 0).get(5, TimeUnit.SECONDS).isSuccess());
            }
            tickAt(pool, clock, Scaler.MEASURE_MILLIS * 9 / 10 - 1);
            assertTrue(pool.scaler.lastDecision().reason().startsWith("Capacity: no load"),
                    pool.scaler.lastDecision().reason());
            tickAt(pool, clock, Scaler.MEASURE_MILLIS * 9 / 10);
            assertTrue(pool.scaler.lastDecision().reason().startsWith("Capacity: λ 222.2/s × S "),
                    "20 arrivals in 90 ms: " + pool.scaler.lastDecision().reason());
        }
    }

    private static Object spin(Object millis) {
        long until = System.nanoTime() + ((Integer) millis) * 1_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return null;
    }

    /** Runs five attempts of {@code millis} each and returns their summed run time as the pool recorded it. */
    private static long runFive(Dispatcher pool, int millis, SnapshotReader mine) throws Exception {
        for (int i = 0; i < 5; i++) {
            assertTrue(pool.submit("spin", millis).get(5, TimeUnit.SECONDS).isSuccess());
        }
        return mine.read().runTime().totalNanos();
    }

    private static void tickAt(Dispatcher pool, AtomicLong clock, long millis) {
        clock.set(TimeUnit.MILLISECONDS.toNanos(millis));
        pool.scaler.tick(clock.get(), 0);
    }

    private static String meanMillis(long totalRunNanos) {
        return Decisions.millis((long) ((double) totalRunNanos / 1e9 / 5 * 1e9));
    }
}
