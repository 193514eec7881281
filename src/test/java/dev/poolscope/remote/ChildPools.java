package dev.poolscope.remote;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.jmx.PoolJmx;

/**
 * The child JVM of {@link ChildJvmTest}: a PoolScope pool {@code orders}, a plain ThreadPoolExecutor
 * {@code legacy} through {@code PoolJmx.monitor}, and a Tomcat-shaped executor MBean, served on a loopback
 * connector at a free port. Prints {@code READY <url>} and exits when its stdin says anything or closes.
 */
public final class ChildPools {

    private ChildPools() {
    }

    public static void main(String[] args) throws Exception {
        Dispatcher pool = Dispatcher.start("child", PoolConfig.builder().workers(2, 8)
                .scalingTick(Duration.ofMillis(20)).build(), Map.of());
        PoolJmx.register(pool, "orders");
        ThreadPoolExecutor legacy = new ThreadPoolExecutor(2, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        PoolJmx.monitor(legacy, "legacy");
        ManagementFactory.getPlatformMBeanServer().registerMBean(AttributeBean.tomcatExecutor(),
                AttributeBean.name(AttributeBean.TOMCAT_EXECUTOR));
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi://127.0.0.1:0"), null, ManagementFactory.getPlatformMBeanServer());
        server.start();
        System.out.println("READY " + server.getAddress());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        // Exit abruptly, as a crashed or killed service would: no connector shutdown, no goodbye to clients.
        Runtime.getRuntime().halt(0);
    }
}
