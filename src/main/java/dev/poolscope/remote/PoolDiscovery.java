package dev.poolscope.remote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import dev.poolscope.jmx.PoolJmx;

/**
 * Finds every pool the dashboard can show in a JVM: PoolScope pools and {@code PoolJmx.monitor} adapters (told
 * apart by their {@code Kind}), Tomcat executors and connector thread pools, and Jetty's QueuedThreadPools.
 */
public final class PoolDiscovery {

    private static final ObjectName POOLSCOPE = pattern(PoolJmx.DOMAIN + ":type=Pool,*");
    private static final ObjectName TOMCAT_EXECUTORS = pattern("Catalina:type=Executor,*");
    private static final ObjectName TOMCAT_CONNECTORS = pattern("Catalina:type=ThreadPool,*");
    private static final ObjectName JETTY = pattern("org.eclipse.jetty.util.thread:type=queuedthreadpool,*");

    private PoolDiscovery() {
    }

    /** Every pool found, sorted by kind and name. */
    public static List<RemotePool> find(MBeanServerConnection c) throws IOException, JMException {
        List<RemotePool> found = new ArrayList<>();
        for (ObjectName n : c.queryNames(POOLSCOPE, null)) {
            Object kind = c.getAttribute(n, "Kind");
            String name = nameOf(n, "name");
            found.add(PoolJmx.KIND_POOLSCOPE.equals(kind) ? new PoolScopePool(n, name)
                    : new ForeignPool(n, name, ForeignShape.EXECUTOR_ADAPTER));
        }
        add(found, c.queryNames(TOMCAT_EXECUTORS, null), "name", ForeignShape.TOMCAT_EXECUTOR);
        add(found, c.queryNames(TOMCAT_CONNECTORS, null), "name", ForeignShape.TOMCAT_CONNECTOR);
        add(found, c.queryNames(JETTY, null), "id", ForeignShape.JETTY);
        found.sort(Comparator.comparing(RemotePool::kind).thenComparing(RemotePool::name));
        return found;
    }

    private static void add(List<RemotePool> found, Set<ObjectName> names, String key, ForeignShape shape) {
        for (ObjectName n : names) {
            found.add(new ForeignPool(n, nameOf(n, key), shape));
        }
    }

    /** The key's value, unquoted (Tomcat quotes connector names: {@code "http-nio-8080"}). */
    private static String nameOf(ObjectName n, String key) {
        String v = n.getKeyProperty(key);
        if (v == null) {
            return n.getKeyPropertyListString();
        }
        return v.startsWith("\"") ? ObjectName.unquote(v) : v;
    }

    private static ObjectName pattern(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
