package dev.poolscope.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.management.Attribute;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;

/**
 * Every writable attribute refuses what the engine refuses and changes nothing, and the message a remote client reads
 * names the attribute and the value as that client wrote them (milliseconds, not a duration), with the allowed range.
 */
@Timeout(30)
class EngineValidationOverJmxTest {

    private static Dispatcher pool;
    private static PoolRegistration registration;
    private static LoopbackJmx jmx;
    private static ObjectName name;

    @BeforeAll
    static void start() throws Exception {
        pool = RegisteredPools.start(PoolConfig.builder().workers(2, 8).build(), Map.of());
        registration = PoolJmx.register(pool, RegisteredPools.uniqueName("validated"));
        name = registration.objectName();
        jmx = LoopbackJmx.open();
    }

    @AfterAll
    static void stop() throws Exception {
        jmx.close();
        registration.close();
        pool.shutdown(Duration.ofSeconds(5));
    }

    static Stream<Arguments> refusedWrites() {
        return Stream.of(
                refused("MinWorkers", 0, p -> p.setMinWorkers(0), "must be between 1 and 1024"),
                refused("MinWorkers", 9, p -> p.setMinWorkers(9),
                        "must be at most MaxWorkers (8); the allowed range is 1 to 8"),
                refused("MaxWorkers", 1, p -> p.setMaxWorkers(1), "must be between MinWorkers (2) and 1024"),
                refused("MaxWorkers", 1025, p -> p.setMaxWorkers(1025), "must be between 1 and 1024"),
                refused("LoadThreshold", 0, p -> p.setLoadThreshold(0), "must be between 1 and 10000000"),
                refused("QueueCapacity", 10_000_001, p -> p.setQueueCapacity(10_000_001),
                        "must be between 1 and 10000000"),
                refused("OverflowPolicy", null, p -> p.setOverflowPolicy(null),
                        "must be one of [DROP_NEWEST, DROP_OLDEST, BLOCK, CALLER_RUNS]"),
                refused("RequestTimeoutMillis", -1L, p -> p.setRequestTimeout(Duration.ofMillis(-1)),
                        "must be between 0 ms and 3600000 ms"),
                refused("RequestTimeoutMillis", 3_600_001L, p -> p.setRequestTimeout(Duration.ofMillis(3_600_001)),
                        "must be between 0 ms and 3600000 ms"),
                refused("MaxRetries", 101, p -> p.setMaxRetries(101), "must be between 0 and 100"),
                refused("ScalingTickMillis", 0L, p -> p.setScalingTick(Duration.ZERO),
                        "must be between 1 ms and 60000 ms"),
                refused("ScalingTickMillis", 60_001L, p -> p.setScalingTick(Duration.ofMillis(60_001)),
                        "must be between 1 ms and 60000 ms"),
                refused("ScalingPolicy", "sideways", p -> p.setScalingPolicy(null),
                        "must be one of threshold, hpa, backlog, capacity, aimd"));
    }

    private static Arguments refused(String attribute, Object value, Consumer<Dispatcher> same, String allowed) {
        return Arguments.of(attribute, value, same, allowed);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("refusedWrites")
    void refusesWhatTheEngineRefusesInTheAttributesWords(String attribute, Object value, Consumer<Dispatcher> same,
                                                        String allowed) {
        PoolConfig before = pool.config();
        assertThrows(IllegalArgumentException.class, () -> same.accept(pool));

        RuntimeMBeanException e = assertThrows(RuntimeMBeanException.class,
                () -> jmx.connection.setAttribute(name, new Attribute(attribute, value)));

        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(attribute + " = " + value + " is not allowed: " + allowed, e.getCause().getMessage());
        assertEquals(before, pool.config());
    }
}
