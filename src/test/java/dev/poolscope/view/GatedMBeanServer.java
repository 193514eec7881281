package dev.poolscope.view;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.remote.MBeanServerForwarder;

/**
 * Stands between a JMX connector server and its MBean server, as a slow or failing remote JVM would: operations
 * ({@code invoke}, which is how a pool is read) can be held until {@link #release()} or refused as if the pool had
 * gone; everything else passes through.
 */
final class GatedMBeanServer {

    private volatile MBeanServer target;
    private volatile boolean refusing;
    private volatile CountDownLatch released = new CountDownLatch(0);
    private volatile CountDownLatch held = new CountDownLatch(1);

    /** The forwarder to give {@code JMXConnectorServer.setMBeanServerForwarder} before it starts. */
    MBeanServerForwarder forwarder() {
        return (MBeanServerForwarder) Proxy.newProxyInstance(MBeanServerForwarder.class.getClassLoader(),
                new Class<?>[] {MBeanServerForwarder.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getMBeanServer":
                            return target;
                        case "setMBeanServer":
                            target = (MBeanServer) args[0];
                            return null;
                        case "invoke":
                            gate();
                            break;
                        default:
                            break;
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void gate() throws Exception {
        CountDownLatch waitFor = released;
        if (waitFor.getCount() > 0) {
            held.countDown();
            // Bounded, so that a test that fails before releasing leaves no thread behind for long.
            waitFor.await(30, TimeUnit.SECONDS);
        }
        if (refusing) {
            throw new InstanceNotFoundException("refused by the test");
        }
    }

    /** From now on, operations wait until {@link #release()}. */
    void hold() {
        held = new CountDownLatch(1);
        released = new CountDownLatch(1);
    }

    /** Waits until an operation is being held; false if none came within {@code seconds}. */
    boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets held operations go on, and later ones pass. */
    void release() {
        released.countDown();
    }

    /** Whether operations fail as if the pool had been unregistered. */
    void refuse(boolean refuse) {
        refusing = refuse;
    }
}
