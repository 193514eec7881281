package dev.poolscope.load;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Outcome;
import dev.poolscope.http.BackendReply;
import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.HttpPath;

class HttpScenarioTest {

    private final Dispatcher pool = Dispatcher.start("http-scenario", Scenario.suggestedConfig(), Map.of());
    private final Dispatcher nextPool = Dispatcher.start("http-scenario-next", Scenario.suggestedConfig(), Map.of());

    private LoadGenerator generator;

    @AfterEach
    void shutDown() {
        if (generator != null) {
            generator.stop();
        }
        pool.shutdown(Duration.ZERO);
        nextPool.shutdown(Duration.ZERO);
    }

    @Test
    void anHttpScenarioOpensAPathThatProxiesAndLeavingItClosesThePath() {
        generator = new LoadGenerator(pool, LoadSettings.defaults());
        generator.setScenario(Scenario.HTTP_HEALTHY);
        HttpPath path = generator.httpPath();
        assertNotNull(path);

        Outcome proxied = pool.submit(Scenario.PROXY_TYPE, null).join();
        assertInstanceOf(BackendReply.class, assertInstanceOf(Outcome.Completed.class, proxied).value());

        generator.setScenario(Scenario.STEADY);
        assertNull(generator.httpPath());
        path.send(Scenario.PROXY_TYPE);
        assertEquals(1, path.refused(), "the old path was closed");
    }

    @Test
    void aNewPoolGetsAFreshPathAndStopClosesIt() {
        generator = new LoadGenerator(pool, LoadSettings.defaults());
        generator.setScenario(Scenario.HTTP_SATURATES);
        HttpPath first = generator.httpPath();

        generator.retarget(nextPool);
        HttpPath second = generator.httpPath();
        assertNotEquals(first.backend().uri(), second.backend().uri());
        assertInstanceOf(Outcome.Completed.class, nextPool.submit(Scenario.PROXY_TYPE, null).join());

        generator.stop();
        assertNull(generator.httpPath());
        second.send(Scenario.PROXY_TYPE);
        assertEquals(1, second.refused());
    }

    @Test
    void theBackendBrownsOutOnTheScenariosClock() {
        AtomicLong now = new AtomicLong();
        generator = new LoadGenerator(pool, LoadSettings.defaults(), new SplittableRandom(1), now::get);
        generator.setScenario(Scenario.HTTP_BROWNOUT);
        BackendSettings healthy = Scenario.HTTP_BROWNOUT.backend();
        List<Double> errorRates = new ArrayList<>();
        for (int second : new int[] {0, 5, 15, 29, 31}) {
            now.set(TimeUnit.SECONDS.toNanos(second));
            generator.tick();
            errorRates.add(generator.httpPath().backend().settings().errorRate());
        }
        assertEquals(List.of(healthy.errorRate(), healthy.errorRate(), 0.2, 0.2, healthy.errorRate()), errorRates);
    }

    @Test
    void aTunedBackendAppliesAtOnceAndTheBrownOutStepsFromIt() {
        AtomicLong now = new AtomicLong();
        generator = new LoadGenerator(pool, LoadSettings.defaults(), new SplittableRandom(1), now::get);
        generator.setScenario(Scenario.HTTP_BROWNOUT);
        generator.tick();
        generator.tick(); // the first tick starts the clock, the second applies the scenario's first step
        HttpPath path = generator.httpPath();
        BackendSettings tuned = path.backend().settings().withMeanLatency(Duration.ofMillis(7)).withLimits(3, 9);
        generator.setBackendSettings(tuned);
        assertEquals(tuned, path.backend().settings(), "applied before the next tick");

        now.set(TimeUnit.SECONDS.toNanos(5));
        generator.tick();
        assertEquals(tuned, path.backend().settings());
        now.set(TimeUnit.SECONDS.toNanos(12));
        generator.tick();
        assertEquals(tuned.withMeanLatency(Duration.ofMillis(35)).withErrorRate(0.2), path.backend().settings(),
                "the brown-out multiplies the tuned latency");
        await().atMost(Duration.ofSeconds(10)).until(() -> path.answered() + path.unanswered() == path.sent());
        assertTrue(path.sent() > 0, "ticks sent requests over HTTP");
    }

    @Test
    void aTunedBackendOutlivesANewPoolButNotANewScenario() {
        generator = new LoadGenerator(pool, LoadSettings.defaults());
        generator.setScenario(Scenario.HTTP_HEALTHY);
        BackendSettings tuned = Scenario.HTTP_HEALTHY.backend().withErrorRate(0.3);
        generator.setBackendSettings(tuned);

        generator.retarget(nextPool);
        assertEquals(tuned, generator.httpPath().backend().settings());
        generator.setScenario(Scenario.HTTP_SATURATES);
        assertEquals(Scenario.HTTP_SATURATES.backend(), generator.httpPath().backend().settings());
        assertEquals(Scenario.HTTP_SATURATES.backend(), generator.backendSettings());
    }

    @Test
    void aSimulatedScenarioHasNoBackendToTune() {
        generator = new LoadGenerator(pool, LoadSettings.defaults());
        generator.setScenario(Scenario.BURST);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> generator.setBackendSettings(BackendSettings.healthy()));
        assertTrue(refused.getMessage().contains("Burst"), refused.getMessage());
        assertNull(generator.backendSettings());
    }
}
