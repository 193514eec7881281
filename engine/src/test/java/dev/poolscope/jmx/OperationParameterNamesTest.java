package dev.poolscope.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanFeatureInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;

/** A JMX console shows each operation's parameters by the names the interface gives them, not p0 and p1. */
@Timeout(30)
class OperationParameterNamesTest {

    @Test
    void aPoolsOperationsNameTheirParametersAndItStillListsItsNotifications() throws Exception {
        Dispatcher pool = RegisteredPools.start(PoolConfig.builder().workers(1, 4).build(), Map.of());
        try (PoolRegistration registration = PoolJmx.register(pool, RegisteredPools.uniqueName("named"))) {
            MBeanInfo info = ManagementFactory.getPlatformMBeanServer().getMBeanInfo(registration.objectName());

            assertEquals(List.of("minWorkers", "maxWorkers"), parameters(info, "setWorkerRange"));
            assertEquals(List.of("readerId"), parameters(info, "readInterval"));
            assertEquals(List.of("readerId"), parameters(info, "closeReader"));
            assertEquals(Notices.info().length, info.getNotifications().length);
        } finally {
            pool.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void aWatchedExecutorsOperationNamesItsParameters() throws Exception {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        try (PoolRegistration registration = PoolJmx.monitor(executor, RegisteredPools.uniqueName("named-tpe"))) {
            ObjectName name = registration.objectName();

            assertEquals(List.of("core", "max"),
                    parameters(ManagementFactory.getPlatformMBeanServer().getMBeanInfo(name), "setPoolSizes"));
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<String> parameters(MBeanInfo info, String operation) {
        MBeanOperationInfo op = Arrays.stream(info.getOperations()).filter(o -> o.getName().equals(operation))
                .findFirst().orElseThrow(() -> new AssertionError("no operation " + operation));
        return Arrays.stream(op.getSignature()).map(MBeanFeatureInfo::getName).toList();
    }
}
