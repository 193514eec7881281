package dev.poolscope.jmx;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.regex.Pattern;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import dev.poolscope.engine.Dispatcher;

/**
 * Registers pools in the platform MBean server, where JConsole, VisualVM and any JMX client find them under
 * {@code dev.poolscope:type=Pool,name=<name>} (the name quoted with {@link ObjectName#quote} when it holds a
 * character an object name does not allow bare). Registration is opt-in, and ends when the returned handle is
 * closed or the pool terminates; a name whose pool has terminated is free again at once.
 *
 * <p>Two daemon threads serve every registered pool. {@code poolscope-jmx} ticks every {@value #TICK_MILLIS} ms:
 * it counts the drops since its last look and notices pools that have terminated. {@code poolscope-jmx-notify}
 * builds the notifications the pools and the tick hand over and delivers every notification to listeners, in
 * the order handed over; a listener that blocks delays other notifications, but never a pool and never an
 * unregistration.
 *
 * <p>Opening the JVM to remote clients is the JVM's business, not this class's: see the README's "Watch your own
 * service" for the {@code com.sun.management.jmxremote.*} properties.
 */
public final class PoolJmx {

    /** The object name domain of every pool. */
    public static final String DOMAIN = "dev.poolscope";
    /** {@code Kind} of a PoolScope pool. */
    public static final String KIND_POOLSCOPE = "PoolScope";
    /** {@code Kind} of a monitored {@link ThreadPoolExecutor}. */
    public static final String KIND_THREAD_POOL_EXECUTOR = "ThreadPoolExecutor";
    /** How often the JMX thread sends due notifications and checks for terminated pools, in milliseconds. */
    public static final long TICK_MILLIS = 100;
    /** A JMX client's interval reader unused this long is closed. */
    public static final int READER_EXPIRY_MINUTES = 10;

    static final ScheduledThreadPoolExecutor JMX_THREAD = new ScheduledThreadPoolExecutor(1, daemon("poolscope-jmx"));
    static final ExecutorService NOTIFY_THREAD = Executors.newSingleThreadExecutor(daemon("poolscope-jmx-notify"));

    static {
        JMX_THREAD.setRemoveOnCancelPolicy(true);
    }

    // Characters an object name's value may not hold bare (a bare * or ? would even make it a pattern).
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[,=:\"*?\\\\\\n]");

    // Registrations made here and not yet closed, so a terminated pool's name can be taken over.
    private static final Map<ObjectName, PoolRegistration> LIVE = new ConcurrentHashMap<>();

    private PoolJmx() {
    }

    /**
     * Registers {@code pool} as a {@link PoolMXBean} named {@code name}.
     *
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException    if a live pool is already registered under that name
     */
    public static PoolRegistration register(Dispatcher pool, String name) {
        Objects.requireNonNull(pool, "pool");
        ObjectName objectName = objectName(name);
        DispatcherBean bean = new DispatcherBean(pool, name, objectName, NOTIFY_THREAD, System::nanoTime);
        PoolRegistration registration = new PoolRegistration(server(), objectName, pool::isTerminated, bean::tick,
                () -> pool.removeListener(bean.listener()), LIVE);
        // Listening before the bean is visible, so no change made once a client can see it goes unannounced.
        pool.addListener(bean.listener());
        try {
            register(registration, NamedOperations.emitting(bean, PoolMXBean.class, bean), name);
        } catch (RuntimeException e) {
            pool.removeListener(bean.listener());
            throw e;
        }
        registration.startTicking(JMX_THREAD);
        return registration;
    }

    /**
     * Registers an MXBean ({@link ExecutorPoolMXBean}) for a {@link ThreadPoolExecutor} the caller already has. It
     * wraps the executor's {@link java.util.concurrent.RejectedExecutionHandler} to count rejections (and puts the
     * original back when the registration closes, or when the last of several watching the executor closes); a
     * handler set on the executor afterwards is not counted, and stays when the registration closes.
     *
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException    if a live pool is already registered under that name
     */
    public static PoolRegistration monitor(ThreadPoolExecutor executor, String name) {
        Objects.requireNonNull(executor, "executor");
        ObjectName objectName = objectName(name);
        CountingRejections rejections = new CountingRejections();
        ExecutorBean bean = new ExecutorBean(executor, name, rejections);
        PoolRegistration registration = new PoolRegistration(server(), objectName, executor::isTerminated,
                () -> { }, () -> rejections.uninstall(executor), LIVE);
        register(registration, NamedOperations.of(bean, ExecutorPoolMXBean.class), name);
        rejections.install(executor);
        registration.startTicking(JMX_THREAD);
        return registration;
    }

    /** {@code dev.poolscope:type=Pool,name=<name>}, the name quoted if it needs to be. */
    public static ObjectName objectName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("pool name = '" + name + "' is not allowed: must have at least one"
                    + " visible character");
        }
        String value = NEEDS_QUOTES.matcher(name).find() ? ObjectName.quote(name) : name;
        try {
            return new ObjectName(DOMAIN + ":type=Pool,name=" + value);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException("pool name '" + name + "' makes no valid object name", e);
        }
    }

    private static void register(PoolRegistration registration, Object bean, String name) {
        ObjectName objectName = registration.objectName();
        if (!tryRegister(bean, objectName)) {
            PoolRegistration holder = LIVE.get(objectName);
            boolean freed = holder != null && holder.ownerEnded();
            if (freed) {
                holder.close();
            }
            if (!freed || !tryRegister(bean, objectName)) {
                throw new IllegalStateException("a pool named '" + name + "' is already registered as " + objectName
                        + ": pick another name, or close that registration first");
            }
        }
        LIVE.put(objectName, registration);
    }

    /** Registers the bean; false if the name is taken. */
    private static boolean tryRegister(Object bean, ObjectName objectName) {
        try {
            server().registerMBean(bean, objectName);
            return true;
        } catch (InstanceAlreadyExistsException e) {
            return false;
        } catch (JMException e) {
            throw new IllegalStateException("could not register " + objectName, e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }
}
