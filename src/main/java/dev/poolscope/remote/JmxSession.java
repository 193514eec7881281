package dev.poolscope.remote;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * One JMX connection to another JVM, and the only way to call it: every call runs on a
 * {@code poolscope-jmx-call} daemon thread and is abandoned after {@link #CALL_TIMEOUT}, so a dead network costs
 * the caller seconds, never a hang. Credentials stay in memory, are never logged, and are used again only to
 * {@link #reopen()}.
 */
public final class JmxSession implements AutoCloseable {

    /** How long one remote call (connecting included) may take before it counts as failed. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    /** One remote call. */
    public interface Call<T> {
        T on(MBeanServerConnection connection) throws IOException, JMException;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final JmxTarget target;
    private final String user;
    private final char[] password;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "poolscope-jmx-call-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    // Replaced by reopen(); read by any caller thread.
    private volatile JMXConnector connector;
    private volatile MBeanServerConnection connection;

    private JmxSession(JmxTarget target, String user, char[] password) {
        this.target = target;
        this.user = user;
        this.password = password == null ? null : password.clone();
    }

    /**
     * Connects to {@code target}; {@code user} null means no credentials.
     *
     * @throws IOException with a message fit for the user when the target cannot be reached in time
     */
    public static JmxSession open(JmxTarget target, String user, char[] password) throws IOException {
        JmxSession session = new JmxSession(target, user, password);
        try {
            session.reopen();
        } catch (IOException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** Connects again, e.g. after the network came back or the JVM restarted under the same pid or port. */
    public void reopen() throws IOException {
        JMXConnector before = connector;
        JMXConnector fresh = within(this::connect);
        connector = fresh;
        connection = fresh.getMBeanServerConnection();
        closeQuietly(before);
    }

    private JMXConnector connect() throws IOException {
        JMXServiceURL url = target.url() != null ? target.url() : attach(target.pid());
        Map<String, Object> env = new HashMap<>();
        if (user != null && !user.isEmpty()) {
            env.put(JMXConnector.CREDENTIALS, new String[] {user, password == null ? "" : new String(password)});
        }
        return JMXConnectorFactory.connect(url, env);
    }

    /** Starts the local JVM's local-only management agent (a no-op if it runs) and returns its address. */
    private static JMXServiceURL attach(long pid) throws IOException {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                return new JMXServiceURL(vm.startLocalManagementAgent());
            } finally {
                vm.detach();
            }
        } catch (com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IOException("cannot attach to pid " + pid + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code call} against the connection, waiting at most {@link #CALL_TIMEOUT}. */
    public <T> T call(Call<T> call) throws IOException, JMException {
        MBeanServerConnection c = connection;
        try {
            return within(() -> call.on(c));
        } catch (JmxCallException e) {
            throw e.jmx;
        }
    }

    private interface Work<T> {
        T run() throws IOException, JMException;
    }

    /** Carries a JMException through code that only lets IOExceptions out. */
    private static final class JmxCallException extends IOException {
        final JMException jmx;

        JmxCallException(JMException jmx) {
            super(jmx);
            this.jmx = jmx;
        }
    }

    private <T> T within(Work<T> work) throws IOException {
        Future<T> f = calls.submit(() -> {
            try {
                return work.run();
            } catch (JMException e) {
                throw new JmxCallException(e);
            }
        });
        try {
            return f.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IOException(target.describe() + " did not answer within " + CALL_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + target.describe(), e);
        } catch (ExecutionException e) {
            Throwable cause = Remote.unwrap(e.getCause());
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(Remote.reason(cause), cause);
        }
    }

    /** The target in the user's words. */
    public JmxTarget target() {
        return target;
    }

    @Override
    public void close() {
        closeQuietly(connector);
        calls.shutdownNow();
    }

    private static void closeQuietly(JMXConnector c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // Closing a connection to a JVM that is gone fails; there is nothing left to release.
            }
        }
    }
}
