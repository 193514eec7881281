package dev.poolscope.engine.micrometer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.Latency;
import dev.poolscope.engine.PoolListener;
import dev.poolscope.engine.PoolScopeExecutor;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.engine.ShutdownReport;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes a pool under Micrometer's executor meter names ({@code executor.pool.size}, {@code executor.active},
 * {@code executor.queued}, {@code executor.completed}, …), plus what Micrometer's own executor binder cannot say:
 * drops by reason, retries, timeouts, failures, queue wait and run time with percentiles, and scaling decisions by
 * reason. Every meter is tagged {@code name} = the pool's name.
 *
 * <p>Nothing is recorded per request: meters are functions of one pool snapshot, taken at most once per
 * {@code maxAge} (one second by default), so the meters read in one scrape come from the same consistent cut.
 * The latency percentiles cover the time between two such cuts; the timers count from the binder's creation.
 *
 * <p>Once the pool terminates its meters leave every registry they were bound to, so a stopped pool neither shows
 * as live nor stays in memory, and a new pool of the same name can be bound in its place.
 */
// "exports": Micrometer's types are this class's API, yet the engine requires Micrometer only statically (see
// module-info), so that services without Micrometer never need it; those that call this class have it.
@SuppressWarnings("exports")
public final class PoolScopeMetrics implements MeterBinder {

    private static final double[] PERCENTILES = {0.5, 0.9, 0.99};

    private final Dispatcher pool;
    private final List<Tag> tags;
    private final Readings readings;
    // Guarded by this: the meters bound so far, each with its registry, until the pool terminates.
    private final List<Map.Entry<MeterRegistry, Meter>> bound = new ArrayList<>();

    /** Meters for {@code pool}, tagged {@code name}, read from snapshots at most {@code maxAge} old. */
    public PoolScopeMetrics(Dispatcher pool, String name, Duration maxAge) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.tags = List.of(Tag.of("name", Objects.requireNonNull(name, "name")));
        this.readings = new Readings(pool, maxAge.toNanos());
        pool.addListener(new PoolListener() {
            @Override
            public void onTerminated(ShutdownReport report) {
                unbindAll();
            }
        });
    }

    /** Meters for the pool behind {@code executor}, read from snapshots at most a second old. */
    public static PoolScopeMetrics of(PoolScopeExecutor executor) {
        return new PoolScopeMetrics(executor.dispatcher(), executor.name(), Duration.ofSeconds(1));
    }

    /** Takes a new snapshot now, which every meter reads until it is older than the maximum age; returns it. */
    public PoolSnapshot refresh() {
        return readings.refresh().snapshot();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // A meter the registry had already (another pool's of the same name, which it hands back) is not ours to
        // remove when this pool terminates.
        Set<Meter> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(registry.getMeters());
        List<Meter> meters = new ArrayList<>();
        register(registry, meters);
        synchronized (this) {
            meters.stream().filter(m -> !before.contains(m)).forEach(m -> bound.add(Map.entry(registry, m)));
        }
        // A pool that terminated before or while binding has no one left to unbind its meters.
        if (pool.isTerminated()) {
            unbindAll();
        }
    }

    private synchronized void unbindAll() {
        bound.forEach(e -> e.getKey().remove(e.getValue()));
        bound.clear();
    }

    private void register(MeterRegistry registry, List<Meter> meters) {
        gauge(registry, meters, "executor.pool.size", "threads", "Workers alive, busy or idle", s -> s.poolSize());
        gauge(registry, meters, "executor.pool.core", "threads", "Workers the pool never goes below (minWorkers)",
                s -> s.config().minWorkers());
        gauge(registry, meters, "executor.pool.max", "threads", "Workers the pool never goes above (maxWorkers)",
                s -> s.config().maxWorkers());
        gauge(registry, meters, "executor.active", "threads", "Workers running a task now", s -> s.busyWorkers());
        gauge(registry, meters, "executor.queued", "tasks", "Tasks waiting in the queue for a worker", s -> s.queued());
        gauge(registry, meters, "executor.queue.remaining", "tasks", "Room left in the queue",
                s -> Math.max(0, s.queueCapacity() - s.queued()));
        gauge(registry, meters, "executor.running", "tasks",
                "Tasks running now, on a worker or (caller-runs) a submitter", s -> s.running());
        gauge(registry, meters, "executor.retry.waiting", "tasks", "Tasks waiting out a retry backoff",
                s -> s.waitingForRetry());

        counter(registry, meters, "executor.submitted", "Tasks ever submitted, dropped ones included",
                s -> s.submitted());
        counter(registry, meters, "executor.completed",
                "Tasks that ran to an end: returned, threw, or timed out on their last attempt",
                s -> s.completed() + s.failed() + s.timedOut());
        counter(registry, meters, "executor.failures", "Tasks whose last attempt threw", s -> s.failed());
        counter(registry, meters, "executor.timeouts", "Tasks whose last attempt ran past its timeout",
                s -> s.timedOut());
        counter(registry, meters, "executor.retries", "Attempts that were retried", s -> s.retriedAttempts());
        counter(registry, meters, "executor.returned", "Queued tasks handed back unrun by a forced shutdown",
                s -> s.returned());
        counter(registry, meters, "executor.interrupted", "Tasks stopped by a forced shutdown", s -> s.interrupted());
        counter(registry, meters, "executor.unhandled", "Requests of a type with no handler registered",
                s -> s.unhandled());
        for (DropReason reason : DropReason.values()) {
            meters.add(FunctionCounter.builder("executor.dropped", pool,
                            p -> readings.get().snapshot().dropped(reason))
                    .tags(tags).tag("reason", tagValue(reason)).baseUnit("tasks")
                    .description("Tasks dropped without running, by reason").register(registry));
        }
        for (ScalingEvent.Reason reason : ScalingEvent.Reason.values()) {
            meters.add(FunctionCounter.builder("executor.scaling", pool,
                            p -> readings.get().scalingEvents().getOrDefault(reason, 0L))
                    .tags(tags).tag("reason", tagValue(reason)).baseUnit("events")
                    .description("Scaling decisions, by reason").register(registry));
        }

        timer(registry, meters, "executor", "Time a task ran, per attempt", r -> r.runTime(), s -> s.runTime());
        timer(registry, meters, "executor.idle", "Time a task waited in the queue, per attempt", r -> r.queueWait(),
                s -> s.queueWait());
    }

    private void gauge(MeterRegistry registry, List<Meter> meters, String name, String unit, String description,
                       ToDoubleFunction<PoolSnapshot> value) {
        meters.add(Gauge.builder(name, pool, p -> value.applyAsDouble(readings.get().snapshot()))
                .tags(tags).baseUnit(unit).description(description).register(registry));
    }

    private void counter(MeterRegistry registry, List<Meter> meters, String name, String description,
                         ToLongFunction<PoolSnapshot> value) {
        meters.add(FunctionCounter.builder(name, pool, p -> value.applyAsLong(readings.get().snapshot()))
                .tags(tags).baseUnit("tasks").description(description).register(registry));
    }

    private void timer(MeterRegistry registry, List<Meter> meters, String name, String description,
                       Function<Readings.Reading, Readings.Totals> totals,
                       Function<PoolSnapshot, Latency> latency) {
        meters.add(FunctionTimer.builder(name, pool, p -> totals.apply(readings.get()).count(),
                        p -> totals.apply(readings.get()).totalNanos(), TimeUnit.NANOSECONDS)
                .tags(tags).description(description).register(registry));
        for (double phi : PERCENTILES) {
            meters.add(TimeGauge.builder(name + ".percentile", pool, TimeUnit.NANOSECONDS,
                            p -> percentile(latency.apply(readings.get().snapshot()), phi))
                    .tags(tags).tag("phi", Double.toString(phi))
                    .description(description + ", percentile since the previous cut").register(registry));
        }
        meters.add(TimeGauge.builder(name + ".max", pool, TimeUnit.NANOSECONDS,
                        p -> latency.apply(readings.get().snapshot()).maxNanos())
                .tags(tags).description(description + ", maximum since the previous cut").register(registry));
    }

    private static double percentile(Latency latency, double phi) {
        if (phi == 0.5) {
            return latency.p50Nanos();
        }
        return phi == 0.9 ? latency.p90Nanos() : latency.p99Nanos();
    }

    private static String tagValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
