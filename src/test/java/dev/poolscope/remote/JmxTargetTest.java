package dev.poolscope.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Targets as the user types them: pid, host:port, or a service:jmx: URL; anything else says what is accepted. */
class JmxTargetTest {

    @Test
    void readsAPid() {
        JmxTarget t = JmxTarget.parse(" 4242 ");
        assertEquals(4242L, t.pid());
        assertNull(t.url());
        assertEquals("pid 4242", t.describe());
    }

    @Test
    void readsHostAndPortAsTheRegistrysJmxrmiUrl() {
        assertEquals("service:jmx:rmi:///jndi/rmi://localhost:9010/jmxrmi",
                JmxTarget.parse("localhost:9010").url().toString());
    }

    @Test
    void readsAServiceUrlAsItIs() {
        assertEquals("service:jmx:rmi:///jndi/rmi://db1:9010/jmxrmi", JmxTarget.parse("service:jmx:rmi:///jndi/rmi://db1:9010/jmxrmi").url()
                .toString());
    }

    @Test
    void describesALongStubUrlByItsHost() {
        JmxTarget t = JmxTarget.parse("service:jmx:rmi://127.0.0.1/stub/" + "rO0ABXNy".repeat(20));
        assertEquals("JMX URL at 127.0.0.1", t.describe());
    }

    @Test
    void refusesAnythingElseNamingTheValueAndWhatIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JmxTarget.parse("nowhere"));
        assertTrue(e.getMessage().startsWith("target 'nowhere' is not allowed: expected a process id"),
                e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JmxTarget.parse("host:70000")).getMessage()
                .contains("between 1 and 65535"));
    }
}
