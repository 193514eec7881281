package dev.poolscope.jmx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.Latency;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingEvent;

/**
 * The open types a JMX client reads without PoolScope's classes: snapshots, latencies, drop counts, config and
 * scaling events as {@link CompositeData}. Every item carries a one-line description, which JConsole shows.
 */
final class Composites {

    static final CompositeType LATENCY = type("dev.poolscope.Latency", "latency percentiles over an interval",
            new Items()
                    .add("count", SimpleType.LONG, "values recorded in the interval")
                    .add("p50Nanos", SimpleType.LONG, "median, in nanoseconds")
                    .add("p90Nanos", SimpleType.LONG, "90th percentile, in nanoseconds")
                    .add("p99Nanos", SimpleType.LONG, "99th percentile, in nanoseconds")
                    .add("maxNanos", SimpleType.LONG, "largest value, in nanoseconds"));

    static final CompositeType DROPS = type("dev.poolscope.Drops", "requests dropped without running, by reason",
            dropItems());

    static final CompositeType CONFIG = type("dev.poolscope.PoolConfig", "the pool's settings in force",
            new Items()
                    .add("minWorkers", SimpleType.INTEGER, "workers never fall below this")
                    .add("maxWorkers", SimpleType.INTEGER, "workers never rise above this")
                    .add("loadThreshold", SimpleType.INTEGER, "queued requests above which the pool grows")
                    .add("shrinkFactor", SimpleType.DOUBLE, "fraction of the threshold below which it shrinks")
                    .add("queueCapacity", SimpleType.INTEGER, "most requests waiting in the queue")
                    .add("overflowPolicy", SimpleType.STRING, "what happens to a request that finds the queue full")
                    .add("blockTimeoutMillis", SimpleType.LONG, "how long BLOCK waits for room")
                    .add("requestTimeoutMillis", SimpleType.LONG, "default attempt timeout; 0 means none")
                    .add("maxRetries", SimpleType.INTEGER, "default retries after a failed or timed-out attempt")
                    .add("scalingTickMillis", SimpleType.LONG, "how often the scaler decides"));

    static final CompositeType SNAPSHOT = type("dev.poolscope.PoolSnapshot",
            "one consistent cut of a pool; counters are cumulative since it started", new Items()
                    .add("takenAtMillis", SimpleType.LONG, "wall-clock time of the snapshot, epoch milliseconds")
                    .add("state", SimpleType.STRING, "RUNNING, DRAINING, STOPPING or TERMINATED")
                    .add("poolSize", SimpleType.INTEGER, "live workers, busy or idle")
                    .add("busyWorkers", SimpleType.INTEGER, "workers running an attempt")
                    .add("idleWorkers", SimpleType.INTEGER, "workers waiting for a request")
                    .add("queueCapacity", SimpleType.INTEGER, "the queue's capacity")
                    .add("queued", SimpleType.LONG, "requests waiting in the queue")
                    .add("running", SimpleType.LONG, "attempts running right now")
                    .add("waitingForRetry", SimpleType.LONG, "requests waiting out a retry backoff")
                    .add("submitted", SimpleType.LONG, "requests ever submitted, dropped and unhandled included")
                    .add("completed", SimpleType.LONG, "requests whose handler returned normally")
                    .add("failed", SimpleType.LONG, "requests whose last attempt threw")
                    .add("timedOut", SimpleType.LONG, "requests whose last attempt ran past its timeout")
                    .add("retriedAttempts", SimpleType.LONG, "attempts that were retried")
                    .add("dropped", DROPS, "requests dropped without running, by reason")
                    .add("unhandled", SimpleType.LONG, "requests whose type had no handler")
                    .add("returned", SimpleType.LONG, "requests handed back unrun by a forced shutdown")
                    .add("interrupted", SimpleType.LONG, "requests stopped by a forced shutdown")
                    .add("stuckWorkers", SimpleType.LONG, "workers abandoned because their handler ignored interrupts")
                    .add("unaccounted", SimpleType.LONG, "submitted requests neither finished nor in the pool: always 0")
                    .add("queueWait", LATENCY, "enqueue to pick-up, per attempt, over latencyWindowMillis")
                    .add("runTime", LATENCY, "handler run time per attempt, over latencyWindowMillis")
                    .add("latencyWindowMillis", SimpleType.LONG,
                            "how far back the latencies reach: the pool's life, or since the reader's previous read")
                    .add("config", CONFIG, "the settings in force"));

    static final CompositeType SCALING = type("dev.poolscope.ScalingEvent", "one scaling decision", new Items()
            .add("sequence", SimpleType.LONG, "increases by one per decision of this pool")
            .add("timeMillis", SimpleType.LONG, "when it was taken, epoch milliseconds")
            .add("sizeBefore", SimpleType.INTEGER, "pool size before")
            .add("sizeAfter", SimpleType.INTEGER, "pool size it aims at")
            .add("queueDepth", SimpleType.INTEGER, "queued requests when it was taken")
            .add("threshold", SimpleType.INTEGER, "the load threshold in force")
            .add("shrinkBelow", SimpleType.DOUBLE, "queue depth below which the pool shrinks")
            .add("reason", SimpleType.STRING, "why, e.g. LOAD_ABOVE_THRESHOLD or MAX_LOWERED"));

    private Composites() {
    }

    static CompositeData snapshot(PoolSnapshot s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("takenAtMillis", s.takenAt().toEpochMilli());
        v.put("state", s.state().name());
        v.put("poolSize", s.poolSize());
        v.put("busyWorkers", s.busyWorkers());
        v.put("idleWorkers", s.idleWorkers());
        v.put("queueCapacity", s.queueCapacity());
        v.put("queued", s.queued());
        v.put("running", s.running());
        v.put("waitingForRetry", s.waitingForRetry());
        v.put("submitted", s.submitted());
        v.put("completed", s.completed());
        v.put("failed", s.failed());
        v.put("timedOut", s.timedOut());
        v.put("retriedAttempts", s.retriedAttempts());
        v.put("dropped", drops(s.dropped()));
        v.put("unhandled", s.unhandled());
        v.put("returned", s.returned());
        v.put("interrupted", s.interrupted());
        v.put("stuckWorkers", s.stuckWorkers());
        v.put("unaccounted", s.unaccounted());
        v.put("queueWait", latency(s.queueWait()));
        v.put("runTime", latency(s.runTime()));
        v.put("latencyWindowMillis", s.latencyWindow().toMillis());
        v.put("config", config(s.config()));
        return data(SNAPSHOT, v);
    }

    static CompositeData latency(Latency l) {
        return data(LATENCY, Map.of("count", l.count(), "p50Nanos", l.p50Nanos(), "p90Nanos", l.p90Nanos(),
                "p99Nanos", l.p99Nanos(), "maxNanos", l.maxNanos()));
    }

    /** Drop counts by reason, plus their total. */
    static CompositeData drops(Map<DropReason, Long> byReason) {
        Map<String, Object> v = new LinkedHashMap<>();
        long total = 0;
        for (DropReason r : DropReason.values()) {
            long n = byReason.getOrDefault(r, 0L);
            v.put(r.name(), n);
            total += n;
        }
        v.put("total", total);
        return data(DROPS, v);
    }

    static CompositeData config(PoolConfig c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("minWorkers", c.minWorkers());
        v.put("maxWorkers", c.maxWorkers());
        v.put("loadThreshold", c.loadThreshold());
        v.put("shrinkFactor", c.shrinkFactor());
        v.put("queueCapacity", c.queueCapacity());
        v.put("overflowPolicy", c.overflowPolicy().name());
        v.put("blockTimeoutMillis", c.blockTimeout().toMillis());
        v.put("requestTimeoutMillis", c.requestTimeout().toMillis());
        v.put("maxRetries", c.maxRetries());
        v.put("scalingTickMillis", c.scalingTick().toMillis());
        return data(CONFIG, v);
    }

    static CompositeData scaling(ScalingEvent e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sequence", e.sequence());
        v.put("timeMillis", e.time().toEpochMilli());
        v.put("sizeBefore", e.sizeBefore());
        v.put("sizeAfter", e.sizeAfter());
        v.put("queueDepth", e.queueDepth());
        v.put("threshold", e.threshold());
        v.put("shrinkBelow", e.shrinkBelow());
        v.put("reason", e.reason().name());
        return data(SCALING, v);
    }

    private static Items dropItems() {
        Items items = new Items();
        for (DropReason r : DropReason.values()) {
            items.add(r.name(), SimpleType.LONG, describe(r));
        }
        return items.add("total", SimpleType.LONG, "dropped for any reason");
    }

    private static String describe(DropReason r) {
        return switch (r) {
            case QUEUE_FULL -> "refused because the queue was full (DROP_NEWEST)";
            case EVICTED -> "pushed out of a full queue by a newer request (DROP_OLDEST)";
            case BLOCK_TIMEOUT -> "waited the block timeout for room in vain (BLOCK)";
            case SHUTTING_DOWN -> "submitted after shutdown began";
        };
    }

    private static CompositeData data(CompositeType type, Map<String, ?> values) {
        try {
            return new CompositeDataSupport(type, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException("the values do not fit " + type.getTypeName(), e);
        }
    }

    private static CompositeType type(String name, String description, Items items) {
        try {
            return new CompositeType(name, description, items.names.toArray(String[]::new),
                    items.descriptions.toArray(String[]::new), items.types.toArray(OpenType<?>[]::new));
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A composite type's items, in order. */
    private static final class Items {
        final List<String> names = new ArrayList<>();
        final List<String> descriptions = new ArrayList<>();
        final List<OpenType<?>> types = new ArrayList<>();

        Items add(String name, OpenType<?> type, String description) {
            names.add(name);
            types.add(type);
            descriptions.add(description);
            return this;
        }
    }
}
