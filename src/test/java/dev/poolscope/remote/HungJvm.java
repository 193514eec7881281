package dev.poolscope.remote;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A connection to a JVM that stops answering when it is closed, as a JVM under {@code kill -STOP} does: every call
 * but {@code close} goes to a real connector; {@code close} waits until {@link #resume()}.
 */
final class HungJvm {

    private final CountDownLatch resumed = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String closedOn;

    /** A session to {@code url} whose close hangs until {@link #resume()}. */
    JmxSession open(String url) throws IOException {
        return JmxSession.open(JmxTarget.parse(url), () -> hangingOnClose(JMXConnectorFactory.connect(
                new JMXServiceURL(url))));
    }

    private JMXConnector hangingOnClose(JMXConnector real) {
        return (JMXConnector) Proxy.newProxyInstance(JMXConnector.class.getClassLoader(),
                new Class<?>[] {JMXConnector.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        resumed.await();
                        closedOn = Thread.currentThread().getName();
                        real.close();
                        closed.countDown();
                        return null;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Lets the hung close go on. */
    void resume() {
        resumed.countDown();
    }

    /** Waits for the connection to be closed; the thread that closed it, or null if it was not within 5 s. */
    String awaitClosed() throws InterruptedException {
        return closed.await(5, java.util.concurrent.TimeUnit.SECONDS) ? closedOn : null;
    }
}
