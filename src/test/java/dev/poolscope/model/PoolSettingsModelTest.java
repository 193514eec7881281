package dev.poolscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.engine.ScalingPolicy;

/** Plain property tests: no toolkit needed, the model is javafx.beans only. */
class PoolSettingsModelTest {

    private final Dispatcher pool = Dispatcher.start("poolscope-model-test",
            PoolConfig.builder().workers(2, 8).scalingTick(Duration.ofSeconds(60)).build(), Map.of());
    private final PoolSettingsModel model = new PoolSettingsModel(new InProcessSource(pool));

    @AfterEach
    void stop() {
        pool.shutdown(Duration.ofSeconds(1));
    }

    @Test
    void showsTheConfigInForce() {
        assertEquals(2, model.minWorkersProperty().get());
        assertEquals(8, model.maxWorkersProperty().get());
        assertEquals(OverflowPolicy.DROP_NEWEST, model.overflowPolicyProperty().get());
    }

    @Test
    void pushesAcceptedChangesToTheRunningPoolAtOnce() {
        model.minWorkersProperty().set(5);
        model.loadThresholdProperty().set(42);
        model.overflowPolicyProperty().set(OverflowPolicy.DROP_OLDEST);
        model.requestTimeoutMillisProperty().set(250);
        assertEquals(5, pool.config().minWorkers());
        assertEquals(5, pool.poolSize());
        assertEquals(42, pool.config().loadThreshold());
        assertEquals(OverflowPolicy.DROP_OLDEST, pool.config().overflowPolicy());
        assertEquals(Duration.ofMillis(250), pool.config().requestTimeout());
        assertEquals("request timeout 0 → 250 ms", model.lastChangeProperty().get());
        assertNull(model.lastRefusalProperty().get());
    }

    @Test
    void snapsARefusedValueBackAndKeepsTheEnginesReason() {
        model.scalingTickMillisProperty().set(0);
        assertEquals(60_000, model.scalingTickMillisProperty().get());
        assertEquals(Duration.ofSeconds(60), pool.config().scalingTick());
        assertTrue(model.lastRefusalProperty().get().startsWith("scalingTick = 0 ms is not allowed"),
                model.lastRefusalProperty().get());
        model.minWorkersProperty().set(9);
        assertEquals(2, model.minWorkersProperty().get());
        assertTrue(model.lastRefusalProperty().get().contains("minWorkers = 9"));
    }

    @Test
    void followsAFreshPoolAfterARestart() {
        Dispatcher fresh = Dispatcher.start("poolscope-model-test2",
                PoolConfig.builder().workers(3, 4).scalingTick(Duration.ofSeconds(60)).build(), Map.of());
        try {
            model.attach(new InProcessSource(fresh));
            assertEquals(3, model.minWorkersProperty().get());
            model.maxWorkersProperty().set(6);
            assertEquals(6, fresh.config().maxWorkers());
            assertEquals(8, pool.config().maxWorkers(), "the old pool is left alone");
        } finally {
            fresh.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void switchesTheScalingPolicyLiveAndShowsTheOneInForce() {
        assertEquals("threshold", model.scalingPolicyProperty().get().name());
        model.scalingPolicyProperty().set(ScalingPolicy.withDefaults("capacity"));
        assertEquals(ScalingPolicy.withDefaults("capacity"), pool.config().scalingPolicy());
        String change = model.lastChangeProperty().get();
        assertTrue(change.startsWith("scaling policy threshold (") && change.contains(" → capacity (P(wait) ≤ 20 %"),
                change);
        model.scalingPolicyProperty().set(null);
        assertEquals(ScalingPolicy.withDefaults("capacity"), model.scalingPolicyProperty().get(), "refused: snaps back");
        assertTrue(model.lastRefusalProperty().get().startsWith("scalingPolicy = null is not allowed"));
    }

    @Test
    void followsAScalingPolicyChangedElsewhereOnARemotePool() {
        PoolConfig before = PoolConfig.builder().workers(2, 8).build();
        PoolSettingsModel watching = new PoolSettingsModel(new RemoteConfig(before));
        assertEquals("threshold", watching.scalingPolicyProperty().get().name());
        watching.follow(before.toBuilder().scalingPolicy(ScalingPolicy.withDefaults("hpa")).build());
        assertEquals("hpa", watching.scalingPolicyProperty().get().name(), "another client switched it over JMX");
    }

    /** A remote pool that reports {@code config} and takes no change. */
    private record RemoteConfig(PoolConfig config) implements PoolSource {
        @Override
        public String describe() {
            return "a remote pool";
        }

        @Override
        public boolean isRemote() {
            return true;
        }

        @Override
        public PoolSnapshot nextSnapshot() {
            return null;
        }

        @Override
        public List<ScalingEvent> scalingEventsSince(long sequence) {
            return List.of();
        }

        @Override
        public CompletionStage<PoolConfig> reconfigure(UnaryOperator<PoolConfig.Builder> change) {
            return CompletableFuture.failedFuture(new IllegalStateException("read-only"));
        }

        @Override
        public Map<PoolFigure, String> absent() {
            return Map.of();
        }

        @Override
        public String problem() {
            return null;
        }

        @Override
        public void reconnect() {
        }

        @Override
        public void close() {
        }
    }
}
