package dev.poolscope.jmx;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.Latency;
import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolListener;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.Request;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.engine.ScalingPolicy;

/**
 * A {@link Dispatcher} as a {@link PoolMXBean}. Reads go to the pool's snapshot and config; writes go to its
 * setters. The pool's threads only hand a scaling decision or a config change to the notification thread, or bump
 * a drop counter; notifications are built and delivered on {@link PoolJmx}'s threads, so no JMX listener can slow
 * the pool down. Every notification is numbered and sent on the notification thread in the order it was handed
 * on there, so config changes arrive in the order they took effect, and before any drop burst counted after them.
 */
final class DispatcherBean extends NotificationBroadcasterSupport implements PoolMXBean {

    private static final double NANOS_PER_MILLI = 1e6;

    private final Dispatcher pool;
    private final String name;
    private final ObjectName objectName;
    private final Executor notifyThread;
    private final IntervalReaders readers;
    private final DropBursts drops = new DropBursts();
    private final AtomicLong sequence = new AtomicLong();
    private final PoolListener listener = new PoolListener() {
        @Override
        public void onScaling(ScalingEvent event) {
            notifyThread.execute(() -> sendNotification(
                    Notices.scaling(objectName, sequence.incrementAndGet(), event)));
        }

        @Override
        public void onConfigChange(PoolConfig before, PoolConfig after) {
            notifyThread.execute(() -> announce(before, after));
        }

        @Override
        public void onDrop(Request request, DropReason reason) {
            drops.record(reason);
        }
    };

    DispatcherBean(Dispatcher pool, String name, ObjectName objectName, Executor notifyThread, LongSupplier clock) {
        super(notifyThread, Notices.info());
        this.pool = pool;
        this.name = name;
        this.objectName = objectName;
        this.notifyThread = notifyThread;
        this.readers = new IntervalReaders(pool, PoolJmx.READER_EXPIRY_MINUTES, clock);
    }

    PoolListener listener() {
        return listener;
    }

    /** The JMX thread's periodic work: handing on a drop burst notice, expiring unused readers. */
    void tick() {
        Map<DropReason, Long> burst = drops.sinceLastBurst();
        if (burst != null) {
            // Queued behind the config changes already handed on, among them any that caused these drops.
            notifyThread.execute(() -> sendNotification(Notices.drops(objectName, sequence.incrementAndGet(), burst)));
        }
        readers.expireUnused();
    }

    /** On the notification thread: one notice per attribute that differs between the two configs. */
    private void announce(PoolConfig before, PoolConfig after) {
        for (ConfigChanges.Change c : ConfigChanges.between(before, after)) {
            sendNotification(Notices.configChange(objectName, sequence.incrementAndGet(), c));
        }
    }

    /** Applies a change to one attribute through the engine's setter, refused in the attribute's own words. */
    private void change(ConfigAttribute attribute, Object written, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException e) {
            throw attribute.refusal(e, written);
        }
    }

    @Override
    public String getKind() {
        return PoolJmx.KIND_POOLSCOPE;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getState() {
        return pool.state().name();
    }

    @Override
    public int getMinWorkers() {
        return pool.config().minWorkers();
    }

    @Override
    public void setMinWorkers(int n) {
        change(ConfigAttribute.MIN_WORKERS, n, () -> pool.setMinWorkers(n));
    }

    @Override
    public int getMaxWorkers() {
        return pool.config().maxWorkers();
    }

    @Override
    public void setMaxWorkers(int n) {
        change(ConfigAttribute.MAX_WORKERS, n, () -> pool.setMaxWorkers(n));
    }

    @Override
    public void setWorkerRange(int minWorkers, int maxWorkers) {
        pool.setWorkerRange(minWorkers, maxWorkers);
    }

    @Override
    public int getLoadThreshold() {
        return pool.config().loadThreshold();
    }

    @Override
    public void setLoadThreshold(int n) {
        change(ConfigAttribute.LOAD_THRESHOLD, n, () -> pool.setLoadThreshold(n));
    }

    @Override
    public int getQueueCapacity() {
        return pool.config().queueCapacity();
    }

    @Override
    public void setQueueCapacity(int n) {
        change(ConfigAttribute.QUEUE_CAPACITY, n, () -> pool.setQueueCapacity(n));
    }

    @Override
    public String getOverflowPolicy() {
        return pool.config().overflowPolicy().name();
    }

    @Override
    public void setOverflowPolicy(String policy) {
        OverflowPolicy p = policy(policy);
        change(ConfigAttribute.OVERFLOW_POLICY, policy, () -> pool.setOverflowPolicy(p));
    }

    /** The policy named {@code text} in any case; null goes on to the engine, whose message names the choices. */
    private static OverflowPolicy policy(String text) {
        if (text == null) {
            return null;
        }
        try {
            // drop-oldest as the CLI spells it finds DROP_OLDEST too.
            return OverflowPolicy.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OverflowPolicy = " + text + " is not allowed: must be one of "
                    + Arrays.toString(OverflowPolicy.values()));
        }
    }

    @Override
    public String getScalingPolicy() {
        return pool.config().scalingPolicy().name();
    }

    @Override
    public void setScalingPolicy(String name) {
        String wanted = String.valueOf(name).trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(getScalingPolicy())) {
            // The same name keeps the policy and its tuned settings; still a write, refused once the pool stops.
            pool.reconfigure(b -> b);
        } else {
            ScalingPolicy p;
            try {
                p = ScalingPolicy.withDefaults(wanted);
            } catch (IllegalArgumentException e) {
                throw ConfigAttribute.SCALING_POLICY.refusal(e, name);
            }
            change(ConfigAttribute.SCALING_POLICY, name, () -> pool.setScalingPolicy(p));
        }
    }

    @Override
    public String getScalingPolicySettings() {
        return pool.config().scalingPolicy().settings();
    }

    @Override
    public long getRequestTimeoutMillis() {
        return pool.config().requestTimeout().toMillis();
    }

    @Override
    public void setRequestTimeoutMillis(long millis) {
        change(ConfigAttribute.REQUEST_TIMEOUT_MILLIS, millis, () -> pool.setRequestTimeout(Duration.ofMillis(millis)));
    }

    @Override
    public int getMaxRetries() {
        return pool.config().maxRetries();
    }

    @Override
    public void setMaxRetries(int n) {
        change(ConfigAttribute.MAX_RETRIES, n, () -> pool.setMaxRetries(n));
    }

    @Override
    public long getScalingTickMillis() {
        return pool.config().scalingTick().toMillis();
    }

    @Override
    public void setScalingTickMillis(long millis) {
        change(ConfigAttribute.SCALING_TICK_MILLIS, millis, () -> pool.setScalingTick(Duration.ofMillis(millis)));
    }

    @Override
    public int getPoolSize() {
        return pool.poolSize();
    }

    @Override
    public int getBusyWorkers() {
        return snapshot().busyWorkers();
    }

    @Override
    public long getQueueDepth() {
        return snapshot().queued();
    }

    @Override
    public long getRunning() {
        return snapshot().running();
    }

    @Override
    public long getWaitingForRetry() {
        return snapshot().waitingForRetry();
    }

    @Override
    public long getSubmitted() {
        return snapshot().submitted();
    }

    @Override
    public long getCompleted() {
        return snapshot().completed();
    }

    @Override
    public long getFailed() {
        return snapshot().failed();
    }

    @Override
    public long getTimedOut() {
        return snapshot().timedOut();
    }

    @Override
    public long getRetriedAttempts() {
        return snapshot().retriedAttempts();
    }

    @Override
    public long getDropped() {
        return snapshot().droppedTotal();
    }

    @Override
    public long getDroppedQueueFull() {
        return snapshot().dropped(DropReason.QUEUE_FULL);
    }

    @Override
    public long getDroppedEvicted() {
        return snapshot().dropped(DropReason.EVICTED);
    }

    @Override
    public long getDroppedBlockTimeout() {
        return snapshot().dropped(DropReason.BLOCK_TIMEOUT);
    }

    @Override
    public long getDroppedShuttingDown() {
        return snapshot().dropped(DropReason.SHUTTING_DOWN);
    }

    @Override
    public long getUnhandled() {
        return snapshot().unhandled();
    }

    @Override
    public long getReturned() {
        return snapshot().returned();
    }

    @Override
    public long getInterrupted() {
        return snapshot().interrupted();
    }

    @Override
    public long getStuckWorkers() {
        return snapshot().stuckWorkers();
    }

    @Override
    public long getUnaccounted() {
        return snapshot().unaccounted();
    }

    @Override
    public double getQueueWaitP50Millis() {
        return millis(queueWait().p50Nanos());
    }

    @Override
    public double getQueueWaitP99Millis() {
        return millis(queueWait().p99Nanos());
    }

    @Override
    public double getQueueWaitMaxMillis() {
        return millis(queueWait().maxNanos());
    }

    @Override
    public double getRunTimeP50Millis() {
        return millis(runTime().p50Nanos());
    }

    @Override
    public double getRunTimeP99Millis() {
        return millis(runTime().p99Nanos());
    }

    @Override
    public double getRunTimeMaxMillis() {
        return millis(runTime().maxNanos());
    }

    @Override
    public PoolSnapshotData getSnapshot() {
        return PoolSnapshotData.of(snapshot());
    }

    @Override
    public long openReader() {
        return readers.open();
    }

    @Override
    public PoolSnapshotData readInterval(long readerId) {
        return PoolSnapshotData.of(readers.read(readerId));
    }

    @Override
    public void closeReader(long readerId) {
        readers.close(readerId);
    }

    IntervalReaders readers() {
        return readers;
    }

    private PoolSnapshot snapshot() {
        return pool.snapshot();
    }

    private Latency queueWait() {
        return snapshot().queueWait();
    }

    private Latency runTime() {
        return snapshot().runTime();
    }

    private static double millis(long nanos) {
        return nanos / NANOS_PER_MILLI;
    }
}
