package dev.poolscope.jmx;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.management.Attribute;
import javax.management.AttributeChangeNotification;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Outcome;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ProportionalPolicy;

/** A PoolScope pool watched and tuned through a real JMX connector, as JConsole would. */
@Timeout(30)
class PoolMXBeanTest {

    private final CountDownLatch gate = new CountDownLatch(1);
    private Dispatcher pool;
    private PoolRegistration registration;
    private LoopbackJmx jmx;
    private MBeanServerConnection remote;
    private ObjectName name;

    @BeforeEach
    void start() throws Exception {
        pool = RegisteredPools.start(PoolConfig.builder().workers(1, 8).queueCapacity(4)
                        .scalingTick(Duration.ofSeconds(60)).build(),
                Map.of("echo", r -> r.payload(), "held", r -> {
                    gate.await();
                    return r.payload();
                }));
        registration = PoolJmx.register(pool, RegisteredPools.uniqueName("orders"));
        name = registration.objectName();
        jmx = LoopbackJmx.open();
        remote = jmx.connection;
    }

    @AfterEach
    void stop() throws Exception {
        gate.countDown();
        jmx.close();
        registration.close();
        pool.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void readsOneConsistentSnapshotInOneCall() throws Exception {
        List<CompletableFuture<Outcome>> replies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replies.add(pool.submit("echo", i));
        }
        pool.submit("nobody-handles-this", 0);
        replies.forEach(CompletableFuture::join);

        CompositeData s = (CompositeData) remote.getAttribute(name, "Snapshot");

        assertEquals(4L, s.get("submitted"));
        assertEquals(3L, s.get("completed"));
        assertEquals(1L, s.get("unhandled"));
        assertEquals(0L, s.get("unaccounted"));
        assertEquals(3L, ((CompositeData) s.get("runTime")).get("count"));
        assertEquals(0L, ((CompositeData) s.get("dropped")).get("total"));
        assertEquals(8, ((CompositeData) s.get("config")).get("maxWorkers"));
        assertEquals("RUNNING", s.get("state"));
        assertEquals("PoolScope", remote.getAttribute(name, "Kind"));
        assertEquals(3L, remote.getAttribute(name, "Completed"));
        PoolSnapshotData typed = JMX.newMXBeanProxy(remote, name, PoolMXBean.class).getSnapshot();
        assertEquals(3L, typed.completed(), "a Java client's proxy gets the record back");
    }

    @Test
    void tuningOverJmxChangesThePool() throws Exception {
        remote.setAttribute(name, new Attribute("MaxWorkers", 12));
        assertEquals(12, pool.config().maxWorkers());

        remote.invoke(name, "setWorkerRange", new Object[] {3, 6}, new String[] {"int", "int"});

        assertEquals(3, pool.config().minWorkers());
        assertEquals(6, pool.config().maxWorkers());
        await().atMost(Duration.ofSeconds(10)).until(() -> remote.getAttribute(name, "PoolSize").equals(3));
        assertEquals(3, pool.poolSize());
    }

    @Test
    void aValueTheEngineRefusesArrivesInTheAttributesWordsAndChangesNothing() throws Exception {
        PoolConfig before = pool.config();

        RuntimeMBeanException refused = assertThrows(RuntimeMBeanException.class,
                () -> remote.setAttribute(name, new Attribute("MinWorkers", 9)));

        assertInstanceOf(IllegalArgumentException.class, refused.getCause());
        assertEquals("MinWorkers = 9 is not allowed: must be at most MaxWorkers (8); the allowed range is 1 to 8",
                refused.getCause().getMessage());
        assertEquals(before, pool.config());
    }

    @Test
    void aProxyClientGetsTheEnginesExceptionItself() {
        PoolMXBean proxy = JMX.newMXBeanProxy(remote, name, PoolMXBean.class, true);
        PoolConfig before = pool.config();

        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> proxy.setWorkerRange(2, 5000));
        IllegalArgumentException noSuchPolicy = assertThrows(IllegalArgumentException.class,
                () -> proxy.setOverflowPolicy("sideways"));

        assertEquals("maxWorkers = 5000 is not allowed: must be between 1 and 1024", tooMany.getMessage());
        assertEquals("OverflowPolicy = sideways is not allowed: must be one of [DROP_NEWEST, DROP_OLDEST, BLOCK,"
                + " CALLER_RUNS]", noSuchPolicy.getMessage());
        assertEquals(before, pool.config());
        proxy.setOverflowPolicy("drop_oldest");
        assertEquals("DROP_OLDEST", proxy.getOverflowPolicy());
        proxy.setOverflowPolicy("caller-runs");
        assertEquals("CALLER_RUNS", proxy.getOverflowPolicy(), "the CLI's spelling works too");
    }

    @Test
    void aWriteThatChangesNothingIsStillRefusedOnceThePoolStops() throws Exception {
        pool.submit("held", 1);
        pool.shutdownAsync(Duration.ofMinutes(1));
        RuntimeMBeanException e = assertThrows(RuntimeMBeanException.class,
                () -> remote.setAttribute(name, new Attribute("ScalingPolicy", "threshold")));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void theScalingPolicyIsChosenOverJmxByNameAndAnnounced() throws Exception {
        PoolMXBean proxy = JMX.newMXBeanProxy(remote, name, PoolMXBean.class, true);
        BlockingQueue<Notification> received = jmx.listen(name);
        assertEquals("threshold", proxy.getScalingPolicy(), "the default");

        remote.setAttribute(name, new Attribute("ScalingPolicy", " HPA "));

        assertInstanceOf(ProportionalPolicy.class, pool.config().scalingPolicy());
        assertEquals("hpa", proxy.getScalingPolicy());
        assertEquals(ProportionalPolicy.defaults().settings(), proxy.getScalingPolicySettings());
        assertEquals("hpa", ((CompositeData) remote.getAttribute(name, "Snapshot")).get("config") instanceof
                CompositeData config ? config.get("scalingPolicy") : null);
        AttributeChangeNotification change = (AttributeChangeNotification) next(received,
                AttributeChangeNotification.ATTRIBUTE_CHANGE);
        assertEquals("ScalingPolicy", change.getAttributeName());
        assertEquals("threshold", change.getOldValue());
        assertEquals("hpa", change.getNewValue());
    }

    @Test
    void writingThePolicyInForceKeepsItsParametersAndAnUnknownOneChangesNothing() {
        ProportionalPolicy tuned = new ProportionalPolicy(ProportionalPolicy.Metric.UTILISATION, 0.5, 0.2,
                Duration.ofSeconds(5), Duration.ZERO);
        pool.setScalingPolicy(tuned);
        PoolMXBean proxy = JMX.newMXBeanProxy(remote, name, PoolMXBean.class, true);

        proxy.setScalingPolicy("hpa");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> proxy.setScalingPolicy("sideways"));

        assertEquals(tuned, pool.config().scalingPolicy());
        assertEquals("ScalingPolicy = sideways is not allowed: must be one of threshold, hpa, backlog, capacity, aimd",
                refused.getMessage());
    }

    @Test
    void sendsAScalingNotificationWithItsReasonAndSizes() throws Exception {
        BlockingQueue<Notification> received = jmx.listen(name);

        pool.setMinWorkers(3);

        Notification n = next(received, PoolMXBean.SCALING_NOTIFICATION);
        CompositeData event = (CompositeData) n.getUserData();
        assertEquals("MIN_RAISED", event.get("reason"));
        assertEquals(1, event.get("sizeBefore"));
        assertEquals(3, event.get("sizeAfter"));
        assertEquals(name, n.getSource());
        assertTrue(n.getMessage().startsWith("min raised"), n.getMessage());
    }

    @Test
    void announcesEveryConfigChangeHoweverItWasMade() throws Exception {
        BlockingQueue<Notification> received = jmx.listen(name);

        pool.setLoadThreshold(40); // in-process, not through JMX
        remote.setAttribute(name, new Attribute("RequestTimeoutMillis", 250L));

        AttributeChangeNotification threshold = (AttributeChangeNotification) next(received,
                AttributeChangeNotification.ATTRIBUTE_CHANGE);
        assertEquals("LoadThreshold", threshold.getAttributeName());
        assertEquals(100, threshold.getOldValue());
        assertEquals(40, threshold.getNewValue());
        AttributeChangeNotification timeout = (AttributeChangeNotification) next(received,
                AttributeChangeNotification.ATTRIBUTE_CHANGE);
        assertEquals("RequestTimeoutMillis", timeout.getAttributeName());
        assertEquals(0L, timeout.getOldValue());
        assertEquals(250L, timeout.getNewValue());
    }

    @Test
    void coalescesDropsIntoBurstsCountedByReason() throws Exception {
        BlockingQueue<Notification> received = jmx.listen(name);
        pool.submit("held", 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.snapshot().running() == 1);
        for (int i = 0; i < 14; i++) {
            pool.submit("held", i); // 4 fit the queue, 10 are dropped
        }

        long dropped = 0;
        int notices = 0;
        while (dropped < 10) {
            CompositeData burst = (CompositeData) next(received, PoolMXBean.DROPS_NOTIFICATION).getUserData();
            assertEquals(burst.get("total"), burst.get("queueFull"));
            dropped += (Long) burst.get("total");
            notices++;
        }
        assertEquals(10, dropped);
        assertTrue(notices < 10, notices + " notices for 10 drops");
    }

    @Test
    void eachClientsIntervalReaderSeesItsOwnIntervalUndisturbed() throws Exception {
        long mine = (Long) remote.invoke(name, "openReader", null, null);
        long yours = (Long) remote.invoke(name, "openReader", null, null);
        pool.submit("echo", 1).join();
        pool.submit("echo", 2).join();

        assertEquals(2L, runCount(readInterval(mine)));
        assertEquals(0L, runCount(readInterval(mine)));
        assertEquals(2L, runCount(readInterval(yours)));

        remote.invoke(name, "closeReader", new Object[] {yours}, new String[] {"long"});
        RuntimeMBeanException gone = assertThrows(RuntimeMBeanException.class, () -> readInterval(yours));
        assertTrue(gone.getCause().getMessage().startsWith("reader " + yours + " is not open"),
                gone.getCause().getMessage());
    }

    private CompositeData readInterval(long reader) throws Exception {
        return (CompositeData) remote.invoke(name, "readInterval", new Object[] {reader}, new String[] {"long"});
    }

    private static long runCount(CompositeData snapshot) {
        return (Long) ((CompositeData) snapshot.get("runTime")).get("count");
    }

    /** The next notification of {@code type}, skipping others; fails if none comes within ten seconds. */
    private static Notification next(BlockingQueue<Notification> received, String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Notification n = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull(n, "no " + type + " notification within 10 s");
            if (n.getType().equals(type)) {
                return n;
            }
        }
    }
}
