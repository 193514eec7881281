package dev.poolscope.jmx;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import javax.management.MBeanServer;
import javax.management.NotificationListener;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;

/**
 * Notifications reach listeners on their own thread, so even a listener that never returns stalls neither a pool
 * nor its unregistration.
 */
@Timeout(30)
class NotificationThreadTest {

    @Test
    void aListenerThatBlocksNeverHoldsUpThePool() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        CountDownLatch letGo = new CountDownLatch(1);
        Set<String> deliveredOn = ConcurrentHashMap.newKeySet();
        NotificationListener stuck = (n, handback) -> {
            deliveredOn.add(Thread.currentThread().getName());
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Dispatcher pool = RegisteredPools.start(PoolConfig.builder().workers(1, 8).queueCapacity(1)
                .scalingTick(Duration.ofSeconds(60)).build(), Map.of("echo", r -> r.payload()));
        PoolRegistration registration = PoolJmx.register(pool, RegisteredPools.uniqueName("blocked"));
        try {
            server.addNotificationListener(registration.objectName(), stuck, null, null);

            pool.setMinWorkers(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> !deliveredOn.isEmpty());
            pool.setMinWorkers(4);
            pool.setMaxWorkers(6);
            for (int i = 0; i < 100; i++) {
                pool.submit("echo", i).join();
            }

            assertEquals(4, pool.poolSize(), "the pool scaled while the listener was stuck");
            assertEquals(100L, pool.snapshot().completed());
            pool.shutdown(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(10)).until(() -> !server.isRegistered(registration.objectName()));
            assertEquals(Set.of("poolscope-jmx-notify"), deliveredOn);
        } finally {
            letGo.countDown();
            registration.close();
            pool.shutdown(Duration.ofSeconds(5));
        }
        assertTrue(pool.isTerminated());
    }
}
