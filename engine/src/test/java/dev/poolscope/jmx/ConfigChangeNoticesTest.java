package dev.poolscope.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.management.AttributeChangeNotification;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.openmbean.CompositeData;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;

/**
 * Every config change is announced on its own, with its exact old and new value, in the order the changes took
 * effect: changes made in code close together, back-and-forth changes, concurrent JMX writers, and a change that
 * makes the pool drop requests, announced before those drops.
 */
@Timeout(30)
class ConfigChangeNoticesTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
    private Dispatcher pool;
    private PoolRegistration registration;

    @BeforeEach
    void start() throws Exception {
        pool = RegisteredPools.start(PoolConfig.builder().workers(1, 8).queueCapacity(4)
                .scalingTick(Duration.ofSeconds(60)).build(), Map.of("held", r -> {
                    gate.await();
                    return r.payload();
                }));
        registration = PoolJmx.register(pool, RegisteredPools.uniqueName("changes"));
        server.addNotificationListener(registration.objectName(), (n, handback) -> received.add(n), null, null);
    }

    @AfterEach
    void stop() {
        gate.countDown();
        registration.close();
        pool.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void changesMadeInCodeOneAfterAnotherAreEachAnnounced() throws Exception {
        pool.setMaxWorkers(5);
        pool.setMaxWorkers(6);
        pool.setMaxWorkers(7);
        pool.setMaxWorkers(6);
        pool.setWorkerRange(3, 4);

        assertEquals(List.of("MaxWorkers 8 -> 5", "MaxWorkers 5 -> 6", "MaxWorkers 6 -> 7", "MaxWorkers 7 -> 6",
                "MinWorkers 1 -> 3", "MaxWorkers 6 -> 4"), changes(6).stream().map(c -> c.getAttributeName() + " "
                + c.getOldValue() + " -> " + c.getNewValue()).toList());
    }

    @Test
    void concurrentJmxWritersGetOneNoticePerChangeChainedOldToNew() throws Exception {
        int threads = 4;
        int writes = 200;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = 10 + t * writes;
                PoolMXBean proxy = JMX.newMXBeanProxy(server, registration.objectName(), PoolMXBean.class);
                done.add(writers.submit(() -> {
                    go.await();
                    for (int i = 0; i < writes; i++) {
                        proxy.setMaxWorkers(first + i);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdown();
        }

        List<AttributeChangeNotification> changes = changes(threads * writes);
        Object previous = 8;
        long sequence = 0;
        for (AttributeChangeNotification c : changes) {
            assertEquals("MaxWorkers", c.getAttributeName());
            assertEquals(previous, c.getOldValue(), "each notice starts where the one before it ended");
            assertTrue(c.getSequenceNumber() > sequence, "sequence numbers rise in delivery order");
            previous = c.getNewValue();
            sequence = c.getSequenceNumber();
        }
        assertEquals(pool.config().maxWorkers(), previous);
        Awaitility.await().during(Duration.ofMillis(3 * PoolJmx.TICK_MILLIS)).atMost(Duration.ofSeconds(5))
                .until(received::isEmpty);
    }

    @Test
    void aSwitchToDropOldestIsAnnouncedBeforeTheEvictionsItCauses() throws Exception {
        pool.submit("held", 0);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pool.snapshot().running() == 1);
        for (int i = 0; i < 4; i++) {
            pool.submit("held", i); // fills the queue of 4 without a drop
        }

        pool.setOverflowPolicy(OverflowPolicy.DROP_OLDEST);
        for (int i = 0; i < 3; i++) {
            pool.submit("held", i); // each evicts the oldest queued request
        }

        List<Notification> notices = new ArrayList<>();
        Notification n;
        do {
            n = poll();
            notices.add(n);
        } while (!n.getType().equals(PoolMXBean.DROPS_NOTIFICATION));
        AttributeChangeNotification change = assertInstanceOf(AttributeChangeNotification.class, notices.get(0),
                "the change comes first: " + notices);
        assertEquals("OverflowPolicy DROP_NEWEST -> DROP_OLDEST", change.getAttributeName() + " "
                + change.getOldValue() + " -> " + change.getNewValue());
        assertEquals(2, notices.size(), notices.toString());
        assertEquals(3L, ((CompositeData) n.getUserData()).get("evicted"));
    }

    /** The next {@code count} attribute change notices, skipping other notifications. */
    private List<AttributeChangeNotification> changes(int count) throws InterruptedException {
        List<AttributeChangeNotification> changes = new ArrayList<>();
        while (changes.size() < count) {
            if (poll() instanceof AttributeChangeNotification c) {
                changes.add(c);
            }
        }
        return changes;
    }

    private Notification poll() throws InterruptedException {
        Notification n = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(n, "no notification within 10 s");
        return n;
    }
}
