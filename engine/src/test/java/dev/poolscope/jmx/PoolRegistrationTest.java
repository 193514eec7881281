package dev.poolscope.jmx;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;

/** Where a pool is registered, that a name is taken once, and that the registration ends with the pool. */
@Timeout(30)
class PoolRegistrationTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void registersUnderThePoolDomainAndTypeWithItsName() throws Exception {
        String name = RegisteredPools.uniqueName("orders");
        try (Dispatcher pool = RegisteredPools.start(PoolConfig.defaults(), Map.of());
             PoolRegistration registration = PoolJmx.register(pool, name)) {
            assertEquals(new ObjectName("dev.poolscope:type=Pool,name=" + name), registration.objectName());
            assertTrue(server.isRegistered(registration.objectName()));
            assertEquals(name, server.getAttribute(registration.objectName(), "Name"));
        }
    }

    @Test
    void quotesNamesAnObjectNameCannotHoldBare() throws Exception {
        ObjectName odd = PoolJmx.objectName("orders, EU=1");
        assertEquals("\"orders, EU=1\"", odd.getKeyProperty("name"));
        assertEquals("orders, EU=1", ObjectName.unquote(odd.getKeyProperty("name")));
        assertEquals("Pool", odd.getKeyProperty("type"));
        ObjectName starry = PoolJmx.objectName("all*");
        assertFalse(starry.isPattern(), "a * in a name is a character, not a wildcard");
        assertEquals("all*", ObjectName.unquote(starry.getKeyProperty("name")));
        assertEquals("dev.poolscope:type=Pool,name=plain name", PoolJmx.objectName("plain name").toString());
    }

    @Test
    void aBlankNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoolJmx.objectName(" "));
        assertEquals("pool name = ' ' is not allowed: must have at least one visible character", e.getMessage());
    }

    @Test
    void registeringANameTwiceFailsNamingIt() {
        String name = RegisteredPools.uniqueName("twice");
        try (Dispatcher first = RegisteredPools.start(PoolConfig.defaults(), Map.of());
             Dispatcher second = RegisteredPools.start(PoolConfig.defaults(), Map.of());
             PoolRegistration registered = PoolJmx.register(first, name)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PoolJmx.register(second, name));
            assertEquals("a pool named '" + name + "' is already registered as dev.poolscope:type=Pool,name=" + name
                    + ": pick another name, or close that registration first", e.getMessage());
            assertTrue(registered.isRegistered(), "the first registration is untouched");
        }
    }

    @Test
    void shutdownUnregistersThePool() {
        Dispatcher pool = RegisteredPools.start(PoolConfig.defaults(), Map.of());
        PoolRegistration registration = PoolJmx.register(pool, RegisteredPools.uniqueName("ends"));

        pool.shutdown(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(10)).until(() -> !server.isRegistered(registration.objectName()));
        assertFalse(registration.isRegistered());
    }

    @Test
    void aTerminatedPoolsNameIsFreeAtOnce() {
        String name = RegisteredPools.uniqueName("restarted");
        Dispatcher old = RegisteredPools.start(PoolConfig.defaults(), Map.of());
        PoolRegistration before = PoolJmx.register(old, name);
        old.shutdown(Duration.ofSeconds(5));

        try (Dispatcher fresh = RegisteredPools.start(PoolConfig.defaults(), Map.of());
             PoolRegistration after = PoolJmx.register(fresh, name)) {
            assertTrue(after.isRegistered());
            assertFalse(before.isRegistered());
        }
    }

    @Test
    void closingUnregistersAndLeavesThePoolRunning() {
        try (Dispatcher pool = RegisteredPools.start(PoolConfig.defaults(), Map.of())) {
            PoolRegistration registration = PoolJmx.register(pool, RegisteredPools.uniqueName("closed"));
            registration.close();
            registration.close();
            assertFalse(server.isRegistered(registration.objectName()));
            assertEquals("RUNNING", pool.state().name());
        }
    }
}
