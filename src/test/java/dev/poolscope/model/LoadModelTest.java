package dev.poolscope.model;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.LoadGenerator;
import dev.poolscope.load.Scenario;

class LoadModelTest {

    // Generator threads of other tests may share the name; only threads started after this are this test's.
    private final Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    private final Dispatcher pool = Dispatcher.start("load-model-test",
            PoolConfig.builder().workers(1, 4).scalingTick(Duration.ofSeconds(60)).build(), Map.of());
    private final LoadModel load = new LoadModel(() -> pool, Scenario.STEADY);

    @AfterEach
    void stop() {
        load.stop().join();
        pool.shutdown(Duration.ofSeconds(1));
    }

    @Test
    void pickingAScenarioLoadsItsSettingsIntoTheControls() {
        load.scenarioProperty().set(Scenario.FLAKY_DOWNSTREAM);
        assertEquals(Scenario.FLAKY_DOWNSTREAM.baseSettings().failureProbability() * 100,
                load.failurePercentProperty().get(), 1e-9);
        assertEquals(Scenario.FLAKY_DOWNSTREAM.baseSettings().ratePerSecond(), load.ratePerSecondProperty().get());
    }

    @Test
    void aTypeMixIsParsedAndABadOneIsRefusedWithItsReason() {
        load.typeMixProperty().set("read=3, write=1");
        assertEquals("read=3, write=1", load.typeMixProperty().get());
        load.typeMixProperty().set("read=lots");
        assertEquals("read=3, write=1", load.typeMixProperty().get(), "snapped back");
        assertTrue(load.lastRefusalProperty().get().contains("the weight of \"read\" is not a number"),
                load.lastRefusalProperty().get());
    }

    @Test
    void startsPausesAndStopsTheGeneratorAgainstThePool() throws Exception {
        load.ratePerSecondProperty().set(500);
        load.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.snapshot().submitted() > 0);
        assertEquals(LoadModel.Status.RUNNING, load.statusProperty().get());
        load.pause();
        assertEquals(LoadModel.Status.PAUSED, load.statusProperty().get());
        CompletableFuture<Void> stopped = load.stop();
        assertEquals(LoadModel.Status.STOPPED, load.statusProperty().get());
        stopped.get(10, TimeUnit.SECONDS);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> !before.contains(t)
                && t.getName().equals(LoadGenerator.THREAD_NAME) && t.isAlive()), "the generator thread is gone");
    }

    @Test
    void aGeneratorThatDiesShowsFailedAndWhyAndStartMakesAFreshOne() {
        AtomicInteger made = new AtomicInteger();
        LoadModel model = new LoadModel(() -> pool, Scenario.STEADY, (target, settings) -> made.incrementAndGet() == 1
                ? new LoadGenerator(target, settings, new SplittableRandom(1), () -> {
                    throw new IllegalStateException("clock broke");
                })
                : new LoadGenerator(target, settings));
        try {
            model.start();
            await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
                model.refresh();
                return model.statusProperty().get() == LoadModel.Status.FAILED;
            });
            assertEquals("load generator failed: java.lang.IllegalStateException: clock broke",
                    model.failureProperty().get());

            model.start();
            assertEquals(LoadModel.Status.RUNNING, model.statusProperty().get());
            assertNull(model.failureProperty().get());
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.snapshot().submitted() > 0);
        } finally {
            model.stop().join();
        }
    }
}
