package dev.poolscope.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
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
 * the caller seconds, never a hang; {@link #close()} runs there too and does not wait at all. Credentials stay in
 * memory, are never logged, and are used again only to {@link #reopen()}.
 */
public final class JmxSession implements AutoCloseable {

    /** How long one remote call (connecting included) may take before it counts as failed. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    /** One remote call. */
    public interface Call<T> {
        T on(MBeanServerConnection connection) throws IOException, JMException;
    }

    /** Makes one connection to the target; a test gives one of its own. */
    interface Connecting {
        JMXConnector connect() throws IOException;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final JmxTarget target;
    private final Connecting connecting;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "poolscope-jmx-call-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    // Replaced by reopen(); read by any caller thread.
    private volatile JMXConnector connector;
    private volatile MBeanServerConnection connection;

    private JmxSession(JmxTarget target, Connecting connecting) {
        this.target = target;
        this.connecting = connecting;
    }

    /**
     * Connects to {@code target}; {@code user} null means no credentials.
     *
     * @throws IOException with a message fit for the user when the target cannot be reached in time
     */
    public static JmxSession open(JmxTarget target, String user, char[] password) throws IOException {
        char[] kept = password == null ? null : password.clone();
        return open(target, () -> connect(target, user, kept));
    }

    /** Connects to {@code target} through {@code connecting}. */
    static JmxSession open(JmxTarget target, Connecting connecting) throws IOException {
        JmxSession session = new JmxSession(target, connecting);
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
        JMXConnector fresh = within(connecting::connect);
        connector = fresh;
        connection = fresh.getMBeanServerConnection();
        closeQuietly(before);
    }

    private static JMXConnector connect(JmxTarget target, String user, char[] password) throws IOException {
        JMXServiceURL url = target.url() != null ? target.url() : attach(target.pid());
        Map<String, Object> env = new HashMap<>();
        if (user != null && !user.isEmpty()) {
            env.put(JMXConnector.CREDENTIALS, new String[] {user, password == null ? "" : new String(password)});
        }
        try {
            return JMXConnectorFactory.connect(url, env);
        } catch (IOException e) {
            if (refused(e)) {
                throw new IOException("connection refused: nothing listens for JMX at " + target.text(), e);
            }
            throw e;
        }
    }

    /** Whether the connection was refused, somewhere down the exception's causes (RMI wraps it twice). */
    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts the local JVM's local-only management agent (a no-op if it runs) and returns its address. A pid the
     * Attach API does not list is refused at once: attaching to a process that is no JVM waits for an answer that
     * never comes, and leaves a {@code .attach_pid} file in that process's directory.
     */
    private static JMXServiceURL attach(long pid) throws IOException {
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new IOException("no process runs as pid " + pid);
        }
        if (VirtualMachine.list().stream().noneMatch(vm -> vm.id().equals(Long.toString(pid)))) {
            throw new IOException("pid " + pid + " is not a Java VM this user can attach to (jps lists those; one"
                    + " started with -XX:-UsePerfData is not listed: connect to its JMX port instead)");
        }
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

    /**
     * Runs {@code call} against the connection, waiting at most {@link #CALL_TIMEOUT}.
     *
     * @throws JMException as the remote server threw it, through an MXBean proxy too: an
     *                     {@link javax.management.InstanceNotFoundException} means the pool is gone
     */
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
            if (cause instanceof JMException jmx) {
                // From a proxy, which wraps it; call() throws it as it is, so callers can tell a pool that is gone.
                throw new JmxCallException(jmx);
            }
            throw new IOException(Remote.reason(cause), cause);
        }
    }

    /** The target in the user's words. */
    public JmxTarget target() {
        return target;
    }

    /**
     * Closes the connection on a call thread and returns at once: closing waits for the remote JVM to answer, and a
     * hung one (stopped, or behind a dead network) does not answer until TCP gives up, minutes later. Calls still
     * running are abandoned, and fail when the connection goes.
     */
    @Override
    public void close() {
        JMXConnector last = connector;
        try {
            calls.execute(() -> closeQuietly(last));
        } catch (RejectedExecutionException closedBefore) {
            return; // closed already: that close is under way
        }
        calls.shutdown();
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
