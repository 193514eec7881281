package dev.poolscope.remote;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.Latency;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.PoolState;
import dev.poolscope.model.PoolFigure;

/**
 * A thread pool that is not PoolScope's (a monitored ThreadPoolExecutor, Tomcat, Jetty), read attribute by
 * attribute as its {@link ForeignShape} says. Only min and max threads can be tuned. Figures the pool lacks are
 * zero in the snapshot and listed as absent, so the dashboard never shows them; the snapshot's settings are
 * clamped into the engine's ranges (a cached pool's unbounded maximum shows as {@value PoolConfig#WORKER_LIMIT}).
 */
final class ForeignPool implements RemotePool {

    private final ObjectName objectName;
    private final String name;
    private final ForeignShape shape;

    ForeignPool(ObjectName objectName, String name, ForeignShape shape) {
        this.objectName = objectName;
        this.name = name;
        this.shape = shape;
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
        return shape.kind();
    }

    @Override
    public PoolSnapshot read(MBeanServerConnection c) throws IOException, JMException {
        int size = (int) number(c, shape.size());
        int busy = (int) number(c, shape.busy());
        long[] queue = queue(c);
        long queued = queue[0];
        long completed = shape.completed() == null ? 0 : number(c, shape.completed());
        long rejected = shape.rejected() == null ? 0 : number(c, shape.rejected());
        PoolConfig config = config(c);
        // Everything that entered the pool: finished, running, waiting or turned away.
        long submitted = completed + busy + queued + rejected;
        PoolState state = shape.state() == null ? PoolState.RUNNING : state(c.getAttribute(objectName, shape.state()));
        // Zero where the pool does not say: the CSV writes it as it is, and nothing counts a queue of 0 as full.
        int capacity = shape.room() == null ? 0 : (int) Math.min(Integer.MAX_VALUE, queued + queue[1]);
        return new PoolSnapshot(Instant.now(), System.nanoTime(), config, state, size, busy,
                capacity, submitted, queued, busy, 0, completed, 0, 0, 0, 0, 0,
                Map.of(DropReason.QUEUE_FULL, rejected), 0, 0, Latency.EMPTY, Latency.EMPTY, Duration.ZERO);
    }

    @Override
    public PoolConfig write(MBeanServerConnection c, PoolConfig before, PoolConfig after)
            throws IOException, JMException {
        int min = after.minWorkers();
        int max = after.maxWorkers();
        if (shape.writeBoth() != null) {
            c.invoke(objectName, shape.writeBoth(), new Object[] {min, max}, new String[] {"int", "int"});
        } else if (min > before.maxWorkers()) {
            // Raise max first so min never passes it on the way.
            c.setAttribute(objectName, new Attribute(shape.max(), max));
            c.setAttribute(objectName, new Attribute(shape.min(), min));
        } else {
            c.setAttribute(objectName, new Attribute(shape.min(), min));
            c.setAttribute(objectName, new Attribute(shape.max(), max));
        }
        return config(c);
    }

    private PoolConfig config(MBeanServerConnection c) throws IOException, JMException {
        int max = clamp(number(c, shape.max()), 1, PoolConfig.WORKER_LIMIT);
        int min = clamp(number(c, shape.min()), 1, max);
        return PoolConfig.builder().workers(min, max).build();
    }

    /**
     * Tasks queued and the room left, 0 for what the pool does not say; read in one call, one right after the other,
     * so that their sum is the queue's capacity (read apart, tasks moving in between made it anything from 0 to 2×).
     */
    private long[] queue(MBeanServerConnection c) throws IOException, JMException {
        if (shape.queue() == null) {
            return new long[] {0, 0};
        }
        if (shape.room() == null) {
            return new long[] {number(c, shape.queue()), 0};
        }
        List<Attribute> read = c.getAttributes(objectName, new String[] {shape.queue(), shape.room()}).asList();
        return new long[] {valueOf(read, shape.queue()), valueOf(read, shape.room())};
    }

    private long valueOf(List<Attribute> read, String attribute) throws JMException {
        for (Attribute a : read) {
            if (a.getName().equals(attribute) && a.getValue() instanceof Number n) {
                return n.longValue();
            }
        }
        throw new JMException(objectName + " attribute " + attribute + " is not a number in " + read);
    }

    private long number(MBeanServerConnection c, String attribute) throws IOException, JMException {
        Object v = c.getAttribute(objectName, attribute);
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new JMException(objectName + " attribute " + attribute + " is " + v + ", not a number");
    }

    /**
     * An executor's lifecycle in the engine's words: once shutdown has begun it is draining (the executor does not
     * say whether its queue was handed back, as a stopping pool's is) until it has terminated.
     */
    private static PoolState state(Object executorState) {
        return switch (String.valueOf(executorState)) {
            case "RUNNING" -> PoolState.RUNNING;
            case "TERMINATED" -> PoolState.TERMINATED;
            default -> PoolState.DRAINING;
        };
    }

    private static int clamp(long v, int low, int high) {
        return (int) Math.max(low, Math.min(high, v));
    }

    @Override
    public Map<PoolFigure, String> absent() {
        return shape.absent();
    }

    @Override
    public boolean notifiesScaling() {
        return false;
    }
}
