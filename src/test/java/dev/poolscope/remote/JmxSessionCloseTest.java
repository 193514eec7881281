package dev.poolscope.remote;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing a connection to a JVM that has stopped answering costs the caller nothing. */
@Timeout(30)
class JmxSessionCloseTest {

    private final HungJvm hung = new HungJvm();
    private LoopbackServer loopback;

    @BeforeEach
    void serve() throws Exception {
        loopback = LoopbackServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        hung.resume();
        loopback.close();
    }

    @Test
    void closeReturnsAtOnceAndClosesOnACallThreadWhileTheJvmHangs() throws Exception {
        JmxSession session = hung.open(loopback.url());
        assertTimeoutPreemptively(Duration.ofSeconds(2), session::close, "close did not wait for the hung JVM");
        hung.resume();
        String closedOn = hung.awaitClosed();
        assertNotNull(closedOn, "the connection is closed once the JVM answers");
        assertTrue(closedOn.startsWith("poolscope-jmx-call-"), closedOn);
    }

    @Test
    void closingTheSourceOfAHungJvmReturnsAtOnce() throws Exception {
        JmxSession session = hung.open(loopback.url());
        dev.poolscope.engine.Dispatcher pool = dev.poolscope.engine.Dispatcher.start("hung-close-test",
                dev.poolscope.engine.PoolConfig.defaults(), java.util.Map.of());
        try {
            dev.poolscope.jmx.PoolJmx.register(pool, "hung-close-test");
            RemotePool remote = session.call(PoolDiscovery::find).stream()
                    .filter(p -> p.name().equals("hung-close-test")).findFirst().orElseThrow();
            JmxPoolSource source = new JmxPoolSource(session, remote, Runnable::run);
            assertTimeoutPreemptively(Duration.ofSeconds(2), source::close, "close did not wait for the hung JVM");
        } finally {
            pool.shutdown(Duration.ofSeconds(1));
        }
    }
}
