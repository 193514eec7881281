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
 * Every writable attribute refuses exactly what the engine refuses, with the engine's own message, and changes
 * nothing: the message a remote client reads equals the one the pool's own setter gives for the same change.
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
                refused("MinWorkers", 0, p -> p.setMinWorkers(0)),
                refused("MinWorkers", 9, p -> p.setMinWorkers(9)),
                refused("MaxWorkers", 1, p -> p.setMaxWorkers(1)),
                refused("MaxWorkers", 1025, p -> p.setMaxWorkers(1025)),
                refused("LoadThreshold", 0, p -> p.setLoadThreshold(0)),
                refused("QueueCapacity", 10_000_001, p -> p.setQueueCapacity(10_000_001)),
                refused("OverflowPolicy", null, p -> p.setOverflowPolicy(null)),
                refused("RequestTimeoutMillis", -1L, p -> p.setRequestTimeout(Duration.ofMillis(-1))),
                refused("RequestTimeoutMillis", 3_600_001L, p -> p.setRequestTimeout(Duration.ofMillis(3_600_001))),
                refused("MaxRetries", 101, p -> p.setMaxRetries(101)),
                refused("ScalingTickMillis", 0L, p -> p.setScalingTick(Duration.ZERO)),
                refused("ScalingTickMillis", 60_001L, p -> p.setScalingTick(Duration.ofMillis(60_001))));
    }

    private static Arguments refused(String attribute, Object value, Consumer<Dispatcher> same) {
        return Arguments.of(attribute, value, same);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("refusedWrites")
    void refusesWhatTheEngineRefusesWithItsMessage(String attribute, Object value,
                                                   Consumer<Dispatcher> same) {
        PoolConfig before = pool.config();
        String engineSays = assertThrows(IllegalArgumentException.class,
                () -> same.accept(pool)).getMessage();

        RuntimeMBeanException e = assertThrows(RuntimeMBeanException.class,
                () -> jmx.connection.setAttribute(name, new Attribute(attribute, value)));

        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(engineSays, e.getCause().getMessage());
        assertEquals(before, pool.config());
    }
}
