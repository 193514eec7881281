package dev.poolscope.jmx;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A pool's place in the MBean server, from {@link PoolJmx}. Closing it unregisters the MXBean and detaches it from
 * the pool; that also happens by itself once the pool terminates. Closing twice does nothing.
 */
public final class PoolRegistration implements AutoCloseable {

    private final MBeanServer server;
    private final ObjectName objectName;
    private final BooleanSupplier ownerEnded;
    private final Runnable tick;
    private final Runnable detach;
    private final Map<ObjectName, PoolRegistration> live;
    private final AtomicBoolean closed = new AtomicBoolean();
    // Written once by startTicking; volatile because close may run on any thread.
    private volatile ScheduledFuture<?> ticking;

    PoolRegistration(MBeanServer server, ObjectName objectName, BooleanSupplier ownerEnded, Runnable tick,
                     Runnable detach, Map<ObjectName, PoolRegistration> live) {
        this.server = server;
        this.objectName = objectName;
        this.ownerEnded = ownerEnded;
        this.tick = tick;
        this.detach = detach;
        this.live = live;
    }

    /** The name the pool is registered under. */
    public ObjectName objectName() {
        return objectName;
    }

    /** True until closed, by the caller or by the pool's termination. */
    public boolean isRegistered() {
        return !closed.get() && server.isRegistered(objectName);
    }

    /** Unregisters the pool's MXBean; notifications stop. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ticking != null) {
            ticking.cancel(false);
        }
        detach.run();
        live.remove(objectName, this);
        try {
            server.unregisterMBean(objectName);
        } catch (InstanceNotFoundException e) {
            // Someone unregistered it through the MBean server already; the end is the same.
        } catch (MBeanRegistrationException e) {
            throw new IllegalStateException("could not unregister " + objectName, e);
        }
    }

    boolean ownerEnded() {
        return ownerEnded.getAsBoolean();
    }

    void startTicking(ScheduledExecutorService jmxThread) {
        ticking = jmxThread.scheduleWithFixedDelay(this::tickOnce, PoolJmx.TICK_MILLIS, PoolJmx.TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        if (closed.get()) {
            ticking.cancel(false); // closed before it started ticking
        }
    }

    /** One tick; it must not throw, or the scheduler would silently stop ticking for this pool. */
    private void tickOnce() {
        try {
            boolean ended = ownerEnded();
            tick.run();
            if (ended) {
                close();
            }
        } catch (RuntimeException e) {
            System.getLogger(PoolRegistration.class.getName()).log(System.Logger.Level.WARNING,
                    objectName + ": JMX tick failed; it runs again next tick", e);
        }
    }
}
