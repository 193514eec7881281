package dev.poolscope.remote;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.ObjectName;

/**
 * A test MBean with exactly the attribute names a product documents (Tomcat's lower-case {@code maxThreads}, say,
 * which a standard MBean cannot produce), backed by a map; the writable ones change the map.
 */
final class AttributeBean implements DynamicMBean {

    /** Tomcat's executor: {@code Catalina:type=Executor,name=tomcatThreadPool}. */
    static final String TOMCAT_EXECUTOR = "Catalina:type=Executor,name=tomcatThreadPool";
    /** Tomcat's connector thread pool: the name is quoted, as Tomcat registers it. */
    static final String TOMCAT_CONNECTOR = "Catalina:type=ThreadPool,name=\"http-nio-8080\"";
    /** Jetty's QueuedThreadPool. */
    static final String JETTY = "org.eclipse.jetty.util.thread:type=queuedthreadpool,id=0";

    final Map<String, Object> values = new ConcurrentHashMap<>();
    private final Set<String> writable;

    AttributeBean(Map<String, Object> initial, Set<String> writable) {
        values.putAll(initial);
        this.writable = writable;
    }

    static AttributeBean tomcatExecutor() {
        return new AttributeBean(Map.of("activeCount", 3, "poolSize", 10, "maxThreads", 200, "minSpareThreads", 10,
                "queueSize", 7, "completedTaskCount", 1234L, "corePoolSize", 10, "largestPoolSize", 12),
                Set.of("maxThreads", "minSpareThreads"));
    }

    static AttributeBean tomcatConnector() {
        return new AttributeBean(Map.of("currentThreadCount", 12, "currentThreadsBusy", 4, "maxThreads", 150,
                "minSpareThreads", 10), Set.of("maxThreads", "minSpareThreads"));
    }

    static AttributeBean jetty() {
        return new AttributeBean(Map.of("threads", 9, "busyThreads", 2, "idleThreads", 7, "maxThreads", 200,
                "minThreads", 8, "queueSize", 5), Set.of("maxThreads", "minThreads"));
    }

    static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        Object v = values.get(attribute);
        if (v == null) {
            throw new AttributeNotFoundException(attribute);
        }
        return v;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        if (!writable.contains(attribute.getName())) {
            throw new AttributeNotFoundException(attribute.getName() + " is read-only");
        }
        values.put(attribute.getName(), attribute.getValue());
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList list = new AttributeList();
        for (String a : attributes) {
            if (values.containsKey(a)) {
                list.add(new Attribute(a, values.get(a)));
            }
        }
        return list;
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        AttributeList set = new AttributeList();
        for (Attribute a : attributes.asList()) {
            if (writable.contains(a.getName())) {
                values.put(a.getName(), a.getValue());
                set.add(a);
            }
        }
        return set;
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException(actionName);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanAttributeInfo[] attributes = values.entrySet().stream()
                .map(e -> new MBeanAttributeInfo(e.getKey(), e.getValue().getClass().getName(), e.getKey(), true,
                        writable.contains(e.getKey()), false))
                .toArray(MBeanAttributeInfo[]::new);
        return new MBeanInfo(getClass().getName(), "a product's pool, as its MBean looks", attributes, null, null,
                null);
    }
}
