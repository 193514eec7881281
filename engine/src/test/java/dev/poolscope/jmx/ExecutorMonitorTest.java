package dev.poolscope.jmx;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A plain ThreadPoolExecutor watched and resized through a real JMX connector. */
@Timeout(30)
class ExecutorMonitorTest {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final RejectedExecutionHandler original = new ThreadPoolExecutor.AbortPolicy();
    private ThreadPoolExecutor executor;
    private PoolRegistration registration;
    private LoopbackJmx jmx;
    private MBeanServerConnection remote;
    private ObjectName name;

    @BeforeEach
    void start() throws Exception {
        executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(2), original);
        registration = PoolJmx.monitor(executor, RegisteredPools.uniqueName("tpe"));
        name = registration.objectName();
        jmx = LoopbackJmx.open();
        remote = jmx.connection;
    }

    @AfterEach
    void stop() throws Exception {
        gate.countDown();
        jmx.close();
        registration.close();
        executor.shutdownNow();
    }

    @Test
    void readsTheExecutorsFiguresAndCountsItsRejections() throws Exception {
        executor.execute(this::holdUntilReleased);
        await().atMost(Duration.ofSeconds(10)).until(() -> executor.getActiveCount() == 1);
        executor.execute(this::holdUntilReleased);
        executor.execute(this::holdUntilReleased);
        for (int i = 0; i < 3; i++) {
            assertThrows(RejectedExecutionException.class, () -> executor.execute(this::holdUntilReleased),
                    "the executor's own handler still decides");
        }

        assertEquals("ThreadPoolExecutor", remote.getAttribute(name, "Kind"));
        assertEquals("RUNNING", remote.getAttribute(name, "State"));
        assertEquals(1, remote.getAttribute(name, "PoolSize"));
        assertEquals(1, remote.getAttribute(name, "BusyWorkers"));
        assertEquals(2L, remote.getAttribute(name, "QueueDepth"));
        assertEquals(0L, remote.getAttribute(name, "QueueRemainingCapacity"));
        assertEquals(3L, remote.getAttribute(name, "Rejected"));

        gate.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> remote.getAttribute(name, "Completed").equals(3L));
    }

    @Test
    void keepsCoreAtMostMaxWhenBothChange() throws Exception {
        remote.invoke(name, "setPoolSizes", new Object[] {6, 8}, new String[] {"int", "int"});
        assertEquals(6, executor.getCorePoolSize());
        assertEquals(8, executor.getMaximumPoolSize());

        remote.invoke(name, "setPoolSizes", new Object[] {1, 2}, new String[] {"int", "int"});
        assertEquals(1, executor.getCorePoolSize());
        assertEquals(2, executor.getMaximumPoolSize());
    }

    @Test
    void aSingleSetterThatWouldCrossIsRefusedWithAReasonAndChangesNothing() throws Exception {
        remote.invoke(name, "setPoolSizes", new Object[] {2, 4}, new String[] {"int", "int"});

        assertEquals("CorePoolSize = 5 is not allowed: must be at most MaximumPoolSize (4); to raise both, use"
                + " setPoolSizes(core, max)", refusal(() -> remote.setAttribute(name,
                new Attribute("CorePoolSize", 5))));
        assertEquals("MaximumPoolSize = 1 is not allowed: must be at least CorePoolSize (2); to lower both, use"
                + " setPoolSizes(core, max)", refusal(() -> remote.setAttribute(name,
                new Attribute("MaximumPoolSize", 1))));
        assertEquals("CorePoolSize = 5 is not allowed: must be at most MaximumPoolSize (3)",
                refusal(() -> remote.invoke(name, "setPoolSizes", new Object[] {5, 3}, new String[] {"int", "int"})));
        assertEquals("CorePoolSize = -1 is not allowed: must be at least 0",
                refusal(() -> remote.setAttribute(name, new Attribute("CorePoolSize", -1))));
        assertEquals("MaximumPoolSize = 0 is not allowed: must be at least 1",
                refusal(() -> remote.invoke(name, "setPoolSizes", new Object[] {0, 0}, new String[] {"int", "int"})));
        assertEquals(2, executor.getCorePoolSize());
        assertEquals(4, executor.getMaximumPoolSize());

        remote.setAttribute(name, new Attribute("MaximumPoolSize", 3));
        remote.setAttribute(name, new Attribute("CorePoolSize", 3));
        assertEquals(3, executor.getCorePoolSize());
        assertEquals(3, executor.getMaximumPoolSize());
    }

    @Test
    void closingPutsTheOriginalRejectionHandlerBack() {
        registration.close();
        assertSame(original, executor.getRejectedExecutionHandler());
    }

    @ParameterizedTest(name = "closed in the order {0}")
    @ValueSource(strings = {"0,1,2", "1,0,2", "2,1,0", "1,2,0", "0,2,1"})
    void watchedThreeTimesEachCountStaysRightAndClosingAllInAnyOrderPutsTheOriginalBack(String order)
            throws Exception {
        List<PoolRegistration> watching = new ArrayList<>(List.of(registration,
                PoolJmx.monitor(executor, RegisteredPools.uniqueName("tpe-again")),
                PoolJmx.monitor(executor, RegisteredPools.uniqueName("tpe-again"))));
        List<PoolRegistration> open = new ArrayList<>(watching);
        executor.execute(this::holdUntilReleased);
        executor.execute(this::holdUntilReleased);
        executor.execute(this::holdUntilReleased); // the one worker holds one, the queue of 2 the others
        long rejected = 0;

        for (String next : order.split(",")) {
            assertThrows(RejectedExecutionException.class, () -> executor.execute(this::holdUntilReleased),
                    "the original handler still decides");
            rejected++;
            for (PoolRegistration r : open) {
                assertEquals(rejected, remote.getAttribute(r.objectName(), "Rejected"), r.objectName().toString());
            }
            PoolRegistration closing = watching.get(Integer.parseInt(next));
            closing.close();
            open.remove(closing);
        }

        assertSame(original, executor.getRejectedExecutionHandler());
    }

    @Test
    void aTerminatedExecutorIsUnregistered() throws Exception {
        executor.shutdown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !remote.isRegistered(name));
        assertSame(original, executor.getRejectedExecutionHandler());
    }

    private void holdUntilReleased() {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface RemoteCall {
        void run() throws Exception;
    }

    /** The message of the exception a remote call was refused with, as the client sees it. */
    private static String refusal(RemoteCall call) {
        RuntimeMBeanException e = assertThrows(RuntimeMBeanException.class, call::run);
        return e.getCause().getMessage();
    }
}
