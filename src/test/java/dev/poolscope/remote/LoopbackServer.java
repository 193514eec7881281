package dev.poolscope.remote;

import java.io.IOException;
import java.lang.management.ManagementFactory;

import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;

/** This JVM's platform MBean server on an RMI connector at a free loopback port, as a remote JVM would serve it. */
final class LoopbackServer implements AutoCloseable {

    private final JMXConnectorServer server;

    private LoopbackServer(JMXConnectorServer server) {
        this.server = server;
    }

    static LoopbackServer start() throws IOException {
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi://127.0.0.1:0"), null, ManagementFactory.getPlatformMBeanServer());
        server.start();
        return new LoopbackServer(server);
    }

    /** The URL a client connects to, as text. */
    String url() {
        return server.getAddress().toString();
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
