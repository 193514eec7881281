package dev.poolscope.jmx;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A real JMX connection to this JVM's platform MBean server: an RMI connector server on a free loopback port
 * (no registry: the client gets the server's stub in the URL) and a {@link JMXConnector} client, as JConsole
 * would connect.
 */
final class LoopbackJmx implements AutoCloseable {

    private final JMXConnectorServer server;
    private final JMXConnector client;
    final MBeanServerConnection connection;

    private LoopbackJmx(JMXConnectorServer server, JMXConnector client) throws IOException {
        this.server = server;
        this.client = client;
        this.connection = client.getMBeanServerConnection();
    }

    static LoopbackJmx open() throws IOException {
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi://127.0.0.1:0"), null,
                ManagementFactory.getPlatformMBeanServer());
        server.start();
        try {
            return new LoopbackJmx(server, JMXConnectorFactory.connect(server.getAddress()));
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** Every notification {@code name} sends from now on, as the remote client receives it. */
    BlockingQueue<Notification> listen(ObjectName name) throws Exception {
        BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        connection.addNotificationListener(name, (n, handback) -> received.add(n), null, null);
        return received;
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } finally {
            server.stop();
        }
    }
}
