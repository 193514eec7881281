package dev.poolscope.remote;

import java.util.EnumMap;
import java.util.Map;

import dev.poolscope.model.PoolFigure;

/**
 * Which attributes of a pool that is not PoolScope's mean what on the dashboard; null where the pool has no such
 * attribute. Attribute names are the products' own (Tomcat's and Jetty's documented MBean attributes).
 *
 * @param kind      the kind shown in the overview
 * @param min       the least threads (written when tuned), or null
 * @param max       the most threads (written when tuned)
 * @param size      live threads
 * @param busy      threads running a task
 * @param queue     tasks waiting, or null
 * @param room      room left in the queue (with {@code queue}, its capacity), or null where the pool does not say
 * @param completed tasks completed, or null
 * @param rejected  tasks rejected, or null
 * @param state     lifecycle in {@code ExecutorPoolMXBean}'s words (RUNNING ... TERMINATED), or null: shown running
 * @param writeBoth an operation {@code (min, max)} that sets both at once, or null to set attributes in a safe order
 * @param absent    what the dashboard shows absent, with why
 */
record ForeignShape(String kind, String min, String max, String size, String busy, String queue, String room,
                    String completed, String rejected, String state, String writeBoth, Map<PoolFigure, String> absent) {

    private static final String NO_ENGINE_SETTING = "%s has no such setting";

    /** {@code dev.poolscope:type=Pool,*} with Kind {@code ThreadPoolExecutor}: {@code PoolJmx.monitor}'s adapter. */
    static final ForeignShape EXECUTOR_ADAPTER = new ForeignShape("ThreadPoolExecutor", "CorePoolSize",
            "MaximumPoolSize", "PoolSize", "BusyWorkers", "QueueDepth", "QueueRemainingCapacity", "Completed",
            "Rejected", "State", "setPoolSizes",
            absent("a ThreadPoolExecutor", "it measures no latency", "it counts no failures",
                    "its counts are read one by one, not as one consistent cut", "it grows only when its queue is full"));

    /** {@code Catalina:type=Executor,*}: Tomcat's StandardThreadExecutor. */
    static final ForeignShape TOMCAT_EXECUTOR = new ForeignShape("Tomcat executor", "minSpareThreads",
            "maxThreads", "poolSize", "activeCount", "queueSize", null, "completedTaskCount", null, null, null,
            withDrops(absent("A Tomcat executor", "it measures no latency", "it counts no failures",
                    "its counts are read one by one, not as one consistent cut", "it grows only when its queue is full"),
                    "a Tomcat executor does not count rejected tasks"));

    /** {@code Catalina:type=ThreadPool,*}: a Tomcat connector's own thread pool. */
    static final ForeignShape TOMCAT_CONNECTOR = new ForeignShape("Tomcat connector", "minSpareThreads",
            "maxThreads", "currentThreadCount", "currentThreadsBusy", null, null, null, null, null, null,
            lacking(absent("A Tomcat connector", "it measures no latency", "it counts no failures",
                            "its counts are read one by one, not as one consistent cut", "it grows with demand"),
                    "a Tomcat connector's thread pool exposes no queue or task counts"));

    /** {@code org.eclipse.jetty.util.thread:type=queuedthreadpool,*}: Jetty's QueuedThreadPool. */
    static final ForeignShape JETTY = new ForeignShape("Jetty QueuedThreadPool", "minThreads", "maxThreads",
            "threads", "busyThreads", "queueSize", null, null, null, null, null,
            withThroughput(absent("Jetty's QueuedThreadPool", "it measures no latency", "it counts no failures",
                    "its counts are read one by one, not as one consistent cut", "it grows with demand"),
                    "Jetty's QueuedThreadPool counts no completed or rejected tasks"));

    private static Map<PoolFigure, String> absent(String who, String latency, String failures, String ledger,
                                                  String threshold) {
        Map<PoolFigure, String> m = new EnumMap<>(PoolFigure.class);
        String what = who.substring(0, 1).toUpperCase() + who.substring(1);
        m.put(PoolFigure.LATENCY, what + ": " + latency);
        m.put(PoolFigure.FAILURES, what + ": " + failures);
        m.put(PoolFigure.LEDGER, what + ": " + ledger);
        m.put(PoolFigure.LOAD_THRESHOLD, what + ": " + threshold + ", not at a threshold");
        m.put(PoolFigure.QUEUE_CAPACITY, what + ": its queue's capacity is fixed when it is built");
        for (PoolFigure f : new PoolFigure[] {PoolFigure.OVERFLOW_POLICY, PoolFigure.REQUEST_TIMEOUT,
                PoolFigure.RETRIES, PoolFigure.SCALING_TICK}) {
            m.put(f, String.format(NO_ENGINE_SETTING, what));
        }
        return m;
    }

    private static Map<PoolFigure, String> withDrops(Map<PoolFigure, String> m, String why) {
        m.put(PoolFigure.DROPS, why);
        return m;
    }

    private static Map<PoolFigure, String> withThroughput(Map<PoolFigure, String> m, String why) {
        m.put(PoolFigure.THROUGHPUT, why);
        m.put(PoolFigure.DROPS, why);
        return m;
    }

    private static Map<PoolFigure, String> lacking(Map<PoolFigure, String> m, String why) {
        m.put(PoolFigure.QUEUE, why);
        return withThroughput(m, why);
    }
}
