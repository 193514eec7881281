package dev.poolscope.remote;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.Notification;
import javax.management.NotificationFilterSupport;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.jmx.PoolMXBean;
import dev.poolscope.model.PoolFigure;
import dev.poolscope.model.PoolSource;

/**
 * A pool in another JVM as a {@link PoolSource}. A {@code poolscope-jmx-poll} thread reads the pool every
 * {@link #POLL_MILLIS} ms through the {@link JmxSession} (each call bounded by its timeout) and leaves the newest
 * snapshot for the FX thread to take; writes run on the session's threads and answer on the callback executor.
 * A failed read marks the source disconnected (or the pool gone, when its JVM answers that it has no such pool)
 * and stops polling until {@link #reconnect()}; the dashboard keeps the history it has.
 */
public final class JmxPoolSource implements PoolSource {

    /** How often the pool is read. */
    public static final long POLL_MILLIS = 250;
    private static final int EVENTS_KEPT = 1_000;

    private final JmxSession session;
    private final RemotePool pool;
    private final Executor callbacks;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "poolscope-jmx-poll");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<PoolSnapshot> fresh = new AtomicReference<>();
    private final ConcurrentLinkedDeque<ScalingEvent> events = new ConcurrentLinkedDeque<>();
    private final NotificationListener scalingListener = (n, handback) -> onScaling(n);
    // Written by the poller and write threads, read by the FX thread.
    private volatile PoolConfig config;
    private volatile String problem;

    /**
     * Starts reading {@code pool}; {@code callbacks} runs the answers of writes (the FX thread's executor).
     *
     * @throws IOException if the first read fails
     */
    public JmxPoolSource(JmxSession session, RemotePool pool, Executor callbacks) throws IOException {
        this.session = session;
        this.pool = pool;
        this.callbacks = callbacks;
        try {
            PoolSnapshot first = session.call(pool::read);
            config = first.config();
            fresh.set(first);
            listen();
        } catch (JMException e) {
            throw new IOException(Remote.reason(e), e);
        }
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void listen() throws IOException, JMException {
        if (pool.notifiesScaling()) {
            NotificationFilterSupport scalingOnly = new NotificationFilterSupport();
            scalingOnly.enableType(PoolMXBean.SCALING_NOTIFICATION);
            session.call(c -> {
                c.addNotificationListener(pool.objectName(), scalingListener, scalingOnly, null);
                return null;
            });
        }
    }

    private void poll() {
        if (problem != null) {
            return;
        }
        try {
            PoolSnapshot s = session.call(pool::read);
            config = s.config();
            fresh.set(s);
        } catch (IOException | JMException | RuntimeException e) {
            problem = failure("disconnected from", e);
        }
    }

    /** The problem to show after a failed call: {@code what} and the reason, or that the pool is gone. */
    private String failure(String what, Exception e) {
        return e instanceof InstanceNotFoundException ? gone() : what + " " + describe() + ": " + Remote.reason(e);
    }

    private String gone() {
        return "pool " + describe() + " is gone (shut down or unregistered)";
    }

    private void onScaling(Notification n) {
        if (n.getUserData() instanceof CompositeData d) {
            events.add(new ScalingEvent((Long) d.get("sequence"), Instant.ofEpochMilli((Long) d.get("timeMillis")),
                    (Integer) d.get("sizeBefore"), (Integer) d.get("sizeAfter"), (Integer) d.get("queueDepth"),
                    (Integer) d.get("threshold"), (Double) d.get("shrinkBelow"),
                    ScalingEvent.Reason.valueOf((String) d.get("reason"))));
            while (events.size() > EVENTS_KEPT) {
                events.pollFirst();
            }
        }
    }

    /** The pool read. */
    public RemotePool pool() {
        return pool;
    }

    @Override
    public String describe() {
        return pool.name() + " (" + pool.kind() + ") in " + session.target().describe();
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public PoolSnapshot nextSnapshot() {
        return fresh.getAndSet(null);
    }

    @Override
    public List<ScalingEvent> scalingEventsSince(long sequence) {
        return events.stream().filter(e -> e.sequence() > sequence).toList();
    }

    @Override
    public PoolConfig config() {
        return config;
    }

    @Override
    public CompletionStage<PoolConfig> reconfigure(UnaryOperator<PoolConfig.Builder> change) {
        PoolConfig before = config;
        PoolConfig after;
        try {
            after = change.apply(before.toBuilder()).build();
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        CompletableFuture<PoolConfig> answer = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try {
                PoolConfig inForce = session.call(c -> pool.write(c, before, after));
                config = inForce;
                callbacks.execute(() -> answer.complete(inForce));
            } catch (IOException | JMException | RuntimeException e) {
                IllegalStateException refused = new IllegalStateException(
                        e instanceof InstanceNotFoundException ? gone() : Remote.reason(e), e);
                callbacks.execute(() -> answer.completeExceptionally(refused));
            }
        }, poller);
        return answer;
    }

    @Override
    public Map<PoolFigure, String> absent() {
        return pool.absent();
    }

    @Override
    public String problem() {
        return problem;
    }

    @Override
    public void reconnect() {
        poller.execute(() -> {
            try {
                session.reopen();
                listen();
                problem = null;
            } catch (IOException | JMException | RuntimeException e) {
                problem = failure("still disconnected from", e);
            }
        });
    }

    @Override
    public void close() {
        poller.shutdownNow();
        session.close();
    }
}
