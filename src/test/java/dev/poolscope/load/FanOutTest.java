package dev.poolscope.load;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Handler;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;

/** One generator feeding two pools: each arrival is drawn once and every pool gets the same request. */
class FanOutTest {

    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Dispatcher a = pool("fan-out-a", 1);
    private final Dispatcher b = pool("fan-out-b", 1);

    private static Dispatcher pool(String name, int workers) {
        return Dispatcher.start(name, PoolConfig.builder().workers(workers, workers).queueCapacity(1_000_000)
                .maxRetries(2).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).build(), Map.of());
    }

    @AfterEach
    void shutDownPools() {
        a.shutdown(Duration.ofSeconds(5));
        b.shutdown(Duration.ofSeconds(5));
    }

    private LoadGenerator onSimulatedClock(LoadSettings settings) {
        return new LoadGenerator(List.of(a, b), settings, new SplittableRandom(2024), now::get);
    }

    private void run(LoadGenerator generator, int ticks) {
        generator.tick();
        for (int i = 0; i < ticks; i++) {
            now.addAndGet(MILLI);
            generator.tick();
        }
    }

    /** Records each request's type and plan as the single worker takes it, so in submission order. */
    private static List<Object> recordInto(Dispatcher pool) {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Handler record = request -> {
            seen.add(List.of(request.type(), request.payload()));
            return null;
        };
        pool.register("read", record);
        pool.register("write", record);
        return seen;
    }

    private static LoadSettings mixed(double rate) {
        return new LoadSettings(rate, Arrivals.POISSON, ServiceTime.EXPONENTIAL, Duration.ofMillis(5), 0.3, 0.01,
                Map.of("read", 3.0, "write", 1.0));
    }

    @Test
    void everyPoolGetsTheSameRequestsInTheSameOrder() {
        LoadGenerator generator = onSimulatedClock(mixed(2000));
        List<Object> seenByA = recordInto(a);
        List<Object> seenByB = recordInto(b);
        run(generator, 300);
        long sent = generator.generated();
        assertTrue(sent > 400, "about 600 arrivals in 300 ms at 2,000/s: " + sent);
        await().atMost(Duration.ofSeconds(20)).until(() -> seenByA.size() == sent && seenByB.size() == sent);
        assertEquals(seenByA, seenByB, "the same types and work plans, in the same order");
        assertEquals(sent, a.snapshot().submitted());
        assertEquals(sent, b.snapshot().submitted());
    }

    @Test
    void retriesDrawTheSameFailuresInEveryPool() {
        // No service time and no timeout: a request's outcome depends only on its plan's draws, retries included.
        LoadSettings flaky = new LoadSettings(3000, Arrivals.CONSTANT, ServiceTime.FIXED, Duration.ZERO, 0.5, 0,
                Map.of("read", 1.0));
        LoadGenerator generator = onSimulatedClock(flaky);
        run(generator, 200);
        a.shutdown(Duration.ofSeconds(10));
        b.shutdown(Duration.ofSeconds(10));
        PoolSnapshot endA = a.snapshot();
        PoolSnapshot endB = b.snapshot();
        assertEquals(generator.generated(), endA.submitted());
        assertEquals(endA.submitted(), endB.submitted());
        assertTrue(endA.failed() > 0 && endA.retriedAttempts() > endA.failed(), "failures and retries happened: "
                + endA);
        assertEquals(endA.completed(), endB.completed(), "the same requests completed");
        assertEquals(endA.failed(), endB.failed(), "the same requests failed after their retries");
        assertEquals(endA.retriedAttempts(), endB.retriedAttempts(), "the same attempts were retried");
    }

    @Test
    void aRunningFanOutLeavesBothPoolsWithTheSameCountWhenStopped() {
        LoadGenerator generator = LoadGenerator.fanOut(List.of(a, b), LoadSettings.defaults().withRatePerSecond(2000)
                .withMeanServiceTime(Duration.ZERO));
        generator.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> generator.generated() > 200);
        generator.stop();
        assertEquals(generator.generated(), a.snapshot().submitted());
        assertEquals(generator.generated(), b.snapshot().submitted());
    }

    @Test
    void anHttpScenarioIsRefusedBecauseItDrivesOnePool() {
        LoadGenerator generator = onSimulatedClock(LoadSettings.defaults());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> generator.setScenario(Scenario.HTTP_HEALTHY));
        assertTrue(refused.getMessage().contains("feeds 2 pools"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> generator.retarget(a));
        assertThrows(IllegalArgumentException.class, () -> new LoadGenerator(List.of(), LoadSettings.defaults(),
                new SplittableRandom(1), now::get));
    }
}
