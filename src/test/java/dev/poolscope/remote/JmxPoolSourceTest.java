package dev.poolscope.remote;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.engine.ScalingPolicy;
import dev.poolscope.jmx.PoolJmx;
import dev.poolscope.jmx.PoolRegistration;

/** A PoolScope pool read, tuned and lost over a real JMX connector, as the dashboard's source sees it. */
class JmxPoolSourceTest {

    private final Dispatcher pool = Dispatcher.start("jmx-source-test",
            PoolConfig.builder().workers(2, 8).scalingTick(Duration.ofMillis(20)).build(), Map.of());
    private PoolRegistration registration;
    private LoopbackServer loopback;
    private JmxPoolSource source;

    @BeforeEach
    void connect() throws Exception {
        registration = PoolJmx.register(pool, "jmx-source-test");
        loopback = LoopbackServer.start();
        JmxSession session = JmxSession.open(JmxTarget.parse(loopback.url()), null, null);
        RemotePool remote = session.call(PoolDiscovery::find).stream()
                .filter(p -> p.name().equals("jmx-source-test")).findFirst().orElseThrow();
        // Answers arrive on the calling test thread's side: run them at once.
        source = new JmxPoolSource(session, remote, Runnable::run);
    }

    @AfterEach
    void stop() throws Exception {
        source.close();
        loopback.close();
        pool.shutdown(Duration.ofSeconds(1));
    }

    @Test
    void handsOverEachSnapshotOnceWithTheRemoteSettings() {
        PoolSnapshot first = source.nextSnapshot();
        assertEquals(2, first.poolSize());
        assertEquals(8, first.config().maxWorkers());
        assertTrue(first.invariantHolds());
        assertTrue(source.absent().isEmpty(), "a PoolScope pool has every figure");
        assertNull(source.nextSnapshot(), "nothing new until the poller reads again");
        await().atMost(Duration.ofSeconds(5)).until(() -> source.nextSnapshot() != null);
    }

    @Test
    void aWriteChangesTheRemotePoolAndAnswersWithTheSettingsInForce() throws Exception {
        PoolConfig inForce = source.reconfigure(b -> b.maxWorkers(12)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(12, inForce.maxWorkers());
        assertEquals(12, pool.config().maxWorkers());
        assertEquals(12, source.config().maxWorkers());
    }

    @Test
    void choosingAScalingPolicyInTheAppChangesTheRemotePoolsPolicy() throws Exception {
        PoolConfig inForce = source.reconfigure(b -> b.scalingPolicy(ScalingPolicy.withDefaults("backlog")))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals("backlog", pool.config().scalingPolicy().name());
        assertEquals("backlog", inForce.scalingPolicy().name());
    }

    @Test
    void aRefusedWriteFailsWithTheEnginesReasonAndChangesNothing() {
        CompletableFuture<PoolConfig> refused = source.reconfigure(b -> b.workers(6, 6).loadThreshold(0))
                .toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("loadThreshold = 0"), e.getCause().getMessage());
        assertEquals(2, pool.config().minWorkers());
    }

    @Test
    void receivesScalingDecisionsAsNotifications() throws Exception {
        source.reconfigure(b -> b.minWorkers(5)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> source.scalingEventsSince(0).stream()
                .anyMatch(e -> e.reason() == ScalingEvent.Reason.MIN_RAISED && e.sizeAfter() == 5));
    }

    @Test
    void saysDisconnectedWhenTheConnectorGoesAwayAndKeepsTheLastSettings() throws Exception {
        assertNull(source.problem());
        loopback.close();
        await().atMost(Duration.ofSeconds(15)).until(() -> source.problem() != null);
        assertTrue(source.problem().startsWith("disconnected from jmx-source-test"), source.problem());
        assertEquals(8, source.config().maxWorkers());
    }

    @Test
    @Timeout(30)
    void saysThePoolIsGoneWhenItsJvmNoLongerHasIt() throws Exception {
        registration.close();

        await().atMost(Duration.ofSeconds(15)).until(() -> source.problem() != null);
        assertEquals("pool " + source.describe() + " is gone (shut down or unregistered)", source.problem());
        assertTrue(source.describe().startsWith("jmx-source-test (PoolScope) in "), source.describe());
        ExecutionException write = assertThrows(ExecutionException.class,
                () -> source.reconfigure(b -> b.maxWorkers(12)).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(source.problem(), write.getCause().getMessage());
    }
}
