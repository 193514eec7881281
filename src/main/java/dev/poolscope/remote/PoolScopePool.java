package dev.poolscope.remote;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.Latency;
import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.PoolState;
import dev.poolscope.engine.ScalingPolicy;
import dev.poolscope.jmx.LatencyData;
import dev.poolscope.jmx.PoolConfigData;
import dev.poolscope.jmx.PoolMXBean;
import dev.poolscope.jmx.PoolSnapshotData;
import dev.poolscope.model.PoolFigure;

/**
 * A PoolScope pool in another JVM: everything the demo pool has. Reads go through an interval reader of this
 * client's own ({@link PoolMXBean#openReader()}), so the charts show interval percentiles without disturbing any
 * other client; a reader the pool expired is opened again.
 */
final class PoolScopePool implements RemotePool {

    private final ObjectName objectName;
    private final String name;
    // Guarded by this: the overview's reads and a source's poller may overlap for a moment when a pool is picked.
    private long readerId = -1;

    PoolScopePool(ObjectName objectName, String name) {
        this.objectName = objectName;
        this.name = name;
    }

    @Override
    public ObjectName objectName() {
        return objectName;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "PoolScope";
    }

    @Override
    public synchronized PoolSnapshot read(MBeanServerConnection c) throws IOException, JMException {
        PoolMXBean bean = proxy(c);
        if (readerId < 0) {
            readerId = bean.openReader();
        }
        PoolSnapshotData data;
        try {
            data = bean.readInterval(readerId);
        } catch (IllegalArgumentException expired) {
            readerId = bean.openReader();
            data = bean.readInterval(readerId);
        }
        return snapshot(data, System.nanoTime());
    }

    @Override
    public PoolConfig write(MBeanServerConnection c, PoolConfig before, PoolConfig after) throws IOException {
        PoolMXBean bean = proxy(c);
        if (before.minWorkers() != after.minWorkers() || before.maxWorkers() != after.maxWorkers()) {
            bean.setWorkerRange(after.minWorkers(), after.maxWorkers());
        }
        if (before.loadThreshold() != after.loadThreshold()) {
            bean.setLoadThreshold(after.loadThreshold());
        }
        if (before.queueCapacity() != after.queueCapacity()) {
            bean.setQueueCapacity(after.queueCapacity());
        }
        if (before.overflowPolicy() != after.overflowPolicy()) {
            bean.setOverflowPolicy(after.overflowPolicy().name());
        }
        if (!before.requestTimeout().equals(after.requestTimeout())) {
            bean.setRequestTimeoutMillis(after.requestTimeout().toMillis());
        }
        if (before.maxRetries() != after.maxRetries()) {
            bean.setMaxRetries(after.maxRetries());
        }
        if (!before.scalingTick().equals(after.scalingTick())) {
            bean.setScalingTickMillis(after.scalingTick().toMillis());
        }
        if (!before.scalingPolicy().name().equals(after.scalingPolicy().name())) {
            bean.setScalingPolicy(after.scalingPolicy().name());
        }
        return config(bean.getSnapshot().config());
    }

    @Override
    public Map<PoolFigure, String> absent() {
        return Map.of();
    }

    @Override
    public boolean notifiesScaling() {
        return true;
    }

    private PoolMXBean proxy(MBeanServerConnection c) {
        return JMX.newMXBeanProxy(c, objectName, PoolMXBean.class);
    }

    /** The engine's snapshot from its JMX form; {@code receivedNanos} is this JVM's clock, for rates. */
    static PoolSnapshot snapshot(PoolSnapshotData d, long receivedNanos) {
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        dropped.put(DropReason.QUEUE_FULL, d.dropped().queueFull());
        dropped.put(DropReason.EVICTED, d.dropped().evicted());
        dropped.put(DropReason.BLOCK_TIMEOUT, d.dropped().blockTimeout());
        dropped.put(DropReason.SHUTTING_DOWN, d.dropped().shuttingDown());
        return new PoolSnapshot(Instant.ofEpochMilli(d.takenAtMillis()), receivedNanos, config(d.config()),
                PoolState.valueOf(d.state()), d.poolSize(), d.busyWorkers(), d.queueCapacity(), d.submitted(),
                d.queued(), d.running(), d.waitingForRetry(), d.completed(), d.failed(), d.timedOut(),
                d.unhandled(), d.returned(), d.interrupted(), dropped, d.retriedAttempts(), d.stuckWorkers(),
                latency(d.queueWait()), latency(d.runTime()), Duration.ofMillis(d.latencyWindowMillis()));
    }

    // The JMX form carries no sum of values, so means are not available remotely.
    private static Latency latency(LatencyData l) {
        return new Latency(l.count(), l.p50Nanos(), l.p90Nanos(), l.p99Nanos(), l.maxNanos(), 0);
    }

    static PoolConfig config(PoolConfigData c) {
        return PoolConfig.builder().workers(c.minWorkers(), c.maxWorkers()).loadThreshold(c.loadThreshold())
                .shrinkFactor(c.shrinkFactor()).queueCapacity(c.queueCapacity())
                .overflowPolicy(OverflowPolicy.valueOf(c.overflowPolicy()))
                .blockTimeout(Duration.ofMillis(c.blockTimeoutMillis()))
                .requestTimeout(Duration.ofMillis(c.requestTimeoutMillis())).maxRetries(c.maxRetries())
                .scalingTick(Duration.ofMillis(c.scalingTickMillis()))
                // JMX carries the policy's name; its parameters there may differ from the defaults shown here.
                .scalingPolicy(ScalingPolicy.withDefaults(c.scalingPolicy())).build();
    }
}
