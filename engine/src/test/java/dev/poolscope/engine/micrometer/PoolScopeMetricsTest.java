package dev.poolscope.engine.micrometer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.Latency;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolScope;
import dev.poolscope.engine.PoolScopeExecutor;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every meter the binder registers reads the same figure as the pool's snapshot at the same cut. */
@Timeout(10)
class PoolScopeMetricsTest {

    private static final int METERS = 8 + 8 + DropReason.values().length + ScalingEvent.Reason.values().length
            + 2 * (1 + 3 + 1);

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final PoolScopeExecutor executor = PoolScope.executor("metrics-test", PoolConfig.builder()
            .workers(1, 1).queueCapacity(1).scalingTick(Duration.ofSeconds(60)).maxRetries(0)
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).build(), Duration.ofMillis(50), 1);
    private final PoolScopeMetrics metrics = new PoolScopeMetrics(executor.dispatcher(), executor.name(),
            Duration.ofHours(1));

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void everyMeterMatchesTheSnapshotAtTheSameCut() throws Exception {
        metrics.bindTo(registry);
        produceEveryKindOfFigure();

        PoolSnapshot cut = metrics.refresh();

        assertEquals(METERS, registry.getMeters().size(), "no meter goes unchecked");
        assertGauge("executor.pool.size", cut.poolSize());
        assertGauge("executor.pool.core", cut.config().minWorkers());
        assertGauge("executor.pool.max", cut.config().maxWorkers());
        assertGauge("executor.active", cut.busyWorkers());
        assertGauge("executor.queued", cut.queued());
        assertGauge("executor.queue.remaining", cut.queueCapacity() - cut.queued());
        assertGauge("executor.running", cut.running());
        assertGauge("executor.retry.waiting", cut.waitingForRetry());
        assertCounter("executor.submitted", cut.submitted());
        assertCounter("executor.completed", cut.completed() + cut.failed() + cut.timedOut());
        assertCounter("executor.failures", cut.failed());
        assertCounter("executor.timeouts", cut.timedOut());
        assertCounter("executor.retries", cut.retriedAttempts());
        assertCounter("executor.returned", cut.returned());
        assertCounter("executor.interrupted", cut.interrupted());
        assertCounter("executor.unhandled", cut.unhandled());
        for (DropReason reason : DropReason.values()) {
            assertEquals(cut.dropped(reason), registry.get("executor.dropped").tag("name", "metrics-test")
                    .tag("reason", reason.name().toLowerCase()).functionCounter().count(), reason.name());
        }
        for (ScalingEvent.Reason reason : ScalingEvent.Reason.values()) {
            long expected = executor.dispatcher().scalingEventsSince(0).stream()
                    .filter(e -> e.reason() == reason).count();
            assertEquals(expected, registry.get("executor.scaling").tag("reason", reason.name().toLowerCase())
                    .functionCounter().count(), reason.name());
        }
        assertTimer("executor", cut.runTime());
        assertTimer("executor.idle", cut.queueWait());

        assertTrue(cut.completed() > 0 && cut.failed() > 0 && cut.timedOut() > 0 && cut.retriedAttempts() > 0
                && cut.dropped(DropReason.QUEUE_FULL) > 0, "every figure was exercised: " + cut);
    }

    @Test
    void timersAccumulateAcrossCuts() throws Exception {
        metrics.bindTo(registry);
        executor.submit(() -> "one").get();
        long first = metrics.refresh().runTime().count();
        executor.submit(() -> "two").get();
        long second = metrics.refresh().runTime().count();
        assertEquals(first + second, (long) registry.get("executor").functionTimer().count());
    }

    private void produceEveryKindOfFigure() throws Exception {
        executor.dispatcher().setWorkerRange(2, 2);
        assertEquals("ok", executor.submit(() -> "ok").get());
        assertThrows(ExecutionException.class, () -> executor.submit(() -> {
            throw new IllegalStateException("fails twice");
        }).get());
        assertThrows(ExecutionException.class, () -> executor.submit(() -> {
            new CountDownLatch(1).await();
            return null;
        }).get());
        executor.dispatcher().setWorkerRange(1, 1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        executor.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        executor.execute(() -> { });
        assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> { }));
    }

    private void assertGauge(String name, double expected) {
        assertEquals(expected, registry.get(name).tag("name", "metrics-test").gauge().value(), name);
    }

    private void assertCounter(String name, double expected) {
        assertEquals(expected, registry.get(name).tag("name", "metrics-test").functionCounter().count(), name);
    }

    private void assertTimer(String name, Latency latency) {
        var timer = registry.get(name).tag("name", "metrics-test").functionTimer();
        assertEquals(latency.count(), (long) timer.count(), name + " count");
        assertEquals(latency.totalNanos(), timer.totalTime(TimeUnit.NANOSECONDS), 1.0, name + " total");
        // Time gauges pass through the registry's base unit (seconds), so allow a rounding error.
        assertEquals(latency.p50Nanos(), percentile(name, "0.5"), 1.0, name + " p50");
        assertEquals(latency.p90Nanos(), percentile(name, "0.9"), 1.0, name + " p90");
        assertEquals(latency.p99Nanos(), percentile(name, "0.99"), 1.0, name + " p99");
        assertEquals(latency.maxNanos(), registry.get(name + ".max").timeGauge().value(TimeUnit.NANOSECONDS), 1.0);
    }

    private double percentile(String name, String phi) {
        return registry.get(name + ".percentile").tag("phi", phi).timeGauge().value(TimeUnit.NANOSECONDS);
    }

    @Test
    void countsEveryScalingDecisionHoweverManyComeBetweenTwoReads() {
        metrics.bindTo(registry);
        metrics.refresh();
        // Far more than the pool's log of recent events keeps.
        for (int i = 0; i < 1500; i++) {
            executor.dispatcher().setWorkerRange(2, 4);
            executor.dispatcher().setWorkerRange(1, 1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            metrics.refresh();
            double counted = registry.get("executor.scaling").tag("name", "metrics-test").functionCounters().stream()
                    .mapToDouble(FunctionCounter::count).sum();
            return (long) counted == executor.dispatcher().scalingEventCount();
        });
    }

    @Test
    void aTerminatedPoolLeavesTheRegistryAndANewOneOfItsNameTakesItsPlace() throws Exception {
        metrics.bindTo(registry);
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(registry.find("executor.pool.size").tag("name", "metrics-test").meters().isEmpty(),
                "no meter of the stopped pool is left");

        PoolScopeExecutor next = PoolScope.executor("metrics-test", PoolConfig.builder().workers(3, 3).build());
        try {
            PoolScopeMetrics.of(next).bindTo(registry);
            assertEquals(3, registry.get("executor.pool.size").tag("name", "metrics-test").gauge().value());
        } finally {
            next.shutdownNow();
            assertTrue(next.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aTwinOfTheSameNameLeavesTheLivePoolsMetersWhenItTerminates() throws Exception {
        metrics.bindTo(registry);
        int meters = registry.getMeters().size();
        PoolScopeExecutor twin = PoolScope.executor("metrics-test", PoolConfig.builder().workers(3, 3).build());
        PoolScopeMetrics.of(twin).bindTo(registry);
        twin.shutdownNow();
        assertTrue(twin.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(meters, registry.getMeters().size(), "the registry handed the live pool's meters to the twin, "
                + "which must not take them away");
        assertFalse(registry.find("executor.submitted").tag("name", "metrics-test").meters().isEmpty());
    }
}
