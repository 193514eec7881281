package dev.poolscope.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.PoolState;
import dev.poolscope.jmx.PoolJmx;
import dev.poolscope.jmx.PoolRegistration;
import dev.poolscope.load.SnapshotCsv;
import dev.poolscope.model.PoolFigure;

/**
 * Tomcat's, Jetty's and the ThreadPoolExecutor adapter's MBeans map onto the dashboard's figures, over a real
 * connector. The Tomcat and Jetty beans mirror the products' documented object names and attribute names.
 */
class ForeignPoolsTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final AttributeBean executor = AttributeBean.tomcatExecutor();
    private final AttributeBean connector = AttributeBean.tomcatConnector();
    private final AttributeBean jetty = AttributeBean.jetty();
    private final ThreadPoolExecutor tpe = new ThreadPoolExecutor(2, 6, 1, TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(50));
    private PoolRegistration tpeRegistration;
    private LoopbackServer loopback;
    private JmxSession session;

    @BeforeEach
    void register() throws Exception {
        server.registerMBean(executor, AttributeBean.name(AttributeBean.TOMCAT_EXECUTOR));
        server.registerMBean(connector, AttributeBean.name(AttributeBean.TOMCAT_CONNECTOR));
        server.registerMBean(jetty, AttributeBean.name(AttributeBean.JETTY));
        tpeRegistration = PoolJmx.monitor(tpe, "foreign-test-tpe");
        loopback = LoopbackServer.start();
        session = JmxSession.open(JmxTarget.parse(loopback.url()), null, null);
    }

    @AfterEach
    void unregister() throws Exception {
        session.close();
        loopback.close();
        tpeRegistration.close();
        tpe.shutdownNow();
        for (String n : List.of(AttributeBean.TOMCAT_EXECUTOR, AttributeBean.TOMCAT_CONNECTOR, AttributeBean.JETTY)) {
            server.unregisterMBean(AttributeBean.name(n));
        }
    }

    private RemotePool found(String kind, String name) throws Exception {
        return session.call(PoolDiscovery::find).stream()
                .filter(p -> p.kind().equals(kind) && p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    @Test
    void readsATomcatExecutorsThreadsQueueAndCompletedTasks() throws Exception {
        RemotePool pool = found("Tomcat executor", "tomcatThreadPool");
        PoolSnapshot s = session.call(pool::read);
        assertEquals(10, s.poolSize());
        assertEquals(3, s.busyWorkers());
        assertEquals(7, s.queued());
        assertEquals(1234, s.completed());
        assertEquals(0, s.queueCapacity(), "Tomcat does not say how much room its queue has");
        assertEquals(10, s.config().minWorkers());
        assertEquals(200, s.config().maxWorkers());
        assertTrue(pool.absent().containsKey(PoolFigure.LATENCY));
        assertTrue(pool.absent().containsKey(PoolFigure.DROPS), "Tomcat counts no rejections");
        assertFalse(pool.absent().containsKey(PoolFigure.QUEUE));
    }

    @Test
    void tuningATomcatExecutorWritesMaxThreadsAndMinSpareThreads() throws Exception {
        RemotePool pool = found("Tomcat executor", "tomcatThreadPool");
        PoolConfig before = session.call(pool::read).config();
        PoolConfig after = before.toBuilder().workers(20, 250).build();
        PoolConfig inForce = session.call(c -> pool.write(c, before, after));
        assertEquals(250, executor.values.get("maxThreads"));
        assertEquals(20, executor.values.get("minSpareThreads"));
        assertEquals(250, inForce.maxWorkers());
    }

    @Test
    void readsATomcatConnectorWhoseNameIsQuotedAndShowsItsQueueAbsent() throws Exception {
        RemotePool pool = found("Tomcat connector", "http-nio-8080");
        PoolSnapshot s = session.call(pool::read);
        assertEquals(12, s.poolSize());
        assertEquals(4, s.busyWorkers());
        assertEquals(150, s.config().maxWorkers());
        assertTrue(pool.absent().containsKey(PoolFigure.QUEUE));
        assertTrue(pool.absent().containsKey(PoolFigure.THROUGHPUT));
    }

    @Test
    void readsAndTunesJettysQueuedThreadPool() throws Exception {
        RemotePool pool = found("Jetty QueuedThreadPool", "0");
        PoolSnapshot s = session.call(pool::read);
        assertEquals(9, s.poolSize());
        assertEquals(2, s.busyWorkers());
        assertEquals(5, s.queued());
        assertEquals(8, s.config().minWorkers());
        PoolConfig after = s.config().toBuilder().maxWorkers(64).build();
        session.call(c -> pool.write(c, s.config(), after));
        assertEquals(64, jetty.values.get("maxThreads"));
        assertTrue(pool.absent().containsKey(PoolFigure.THROUGHPUT), "Jetty counts no completed tasks");
    }

    @Test
    void readsTheExecutorAdapterAndSetsCoreAndMaxTogether() throws Exception {
        RemotePool pool = found("ThreadPoolExecutor", "foreign-test-tpe");
        PoolSnapshot s = session.call(pool::read);
        assertEquals(2, s.config().minWorkers());
        assertEquals(6, s.config().maxWorkers());
        PoolConfig after = s.config().toBuilder().workers(8, 12).build();
        session.call(c -> pool.write(c, s.config(), after));
        assertEquals(8, tpe.getCorePoolSize(), "core raised above the old max: max moved first");
        assertEquals(12, tpe.getMaximumPoolSize());
        assertTrue(pool.absent().containsKey(PoolFigure.LOAD_THRESHOLD));
        assertTrue(pool.absent().containsKey(PoolFigure.LATENCY));
        assertEquals(Map.of(), found("ThreadPoolExecutor", "foreign-test-tpe").absent().entrySet().stream()
                .filter(e -> e.getValue().isBlank()).collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue)), "every absence says why");
    }

    @Test
    @Timeout(30)
    void readsTheExecutorAdaptersQueueCapacityAndRecordsItInTheCsv() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 5; i++) {
            tpe.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            RemotePool pool = found("ThreadPoolExecutor", "foreign-test-tpe");
            PoolSnapshot s = session.call(pool::read);
            assertEquals(3, s.queued(), "two run on the core threads, three wait");
            assertEquals(50, s.queueCapacity(), "what is queued plus the room left");

            StringWriter out = new StringWriter();
            try (SnapshotCsv csv = new SnapshotCsv(out, s, true)) {
                csv.append(s);
            }
            String[] row = out.toString().lines().skip(1).findFirst().orElseThrow().split(",");
            assertEquals("50", row[List.of(SnapshotCsv.HEADER.split(",")).indexOf("queue_capacity")]);
        } finally {
            release.countDown();
        }
    }

    @Test
    @Timeout(30)
    void showsTheExecutorAdapterDrainingOnceShutDownAndTerminatedOnceDone() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        RemotePool pool = found("ThreadPoolExecutor", "foreign-test-tpe");
        tpe.execute(() -> {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals(PoolState.RUNNING, session.call(pool::read).state());
        try {
            tpe.shutdown();
            assertEquals(PoolState.DRAINING, session.call(pool::read).state(), "its task still runs");
        } finally {
            held.countDown();
        }

        // The adapter is unregistered within a tick of termination; a bean that says TERMINATED stands in for it.
        ObjectName done = PoolJmx.objectName("foreign-test-terminated");
        server.registerMBean(new AttributeBean(Map.of("Kind", PoolJmx.KIND_THREAD_POOL_EXECUTOR, "State",
                "TERMINATED", "CorePoolSize", 2, "MaximumPoolSize", 6, "PoolSize", 0, "BusyWorkers", 0, "QueueDepth",
                0L, "QueueRemainingCapacity", 50L, "Completed", 1L, "Rejected", 0L), Set.of()), done);
        try {
            RemotePool terminated = found("ThreadPoolExecutor", "foreign-test-terminated");
            assertEquals(PoolState.TERMINATED, session.call(terminated::read).state());
        } finally {
            server.unregisterMBean(done);
        }
    }
}
