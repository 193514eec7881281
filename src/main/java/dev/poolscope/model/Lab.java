package dev.poolscope.model;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ShutdownReport;
import dev.poolscope.load.Scenario;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

/**
 * The root of the observable model: one running pool at a time, its settings, the load generator, the sampler and
 * the event log, plus the pool's lifecycle as the UI sees it (running → shutting down with a countdown → stopped
 * with a report → restarted fresh). FX-thread confined; the shutdown's progress is polled on sampler ticks.
 *
 * <p>The dashboard shows one {@link PoolSource} at a time: the demo pool by default, or a pool in another JVM
 * ({@link #watch}); the demo pool runs on meanwhile and is one call away ({@link #watchDemo()}).
 */
public final class Lab {

    /** The pool's lifecycle, as the buttons see it. */
    public enum Phase { RUNNING, SHUTTING_DOWN, STOPPED }

    private final Function<PoolConfig, Dispatcher> poolFactory;
    private final ReadOnlyObjectWrapper<Dispatcher> dispatcher = new ReadOnlyObjectWrapper<>(this, "dispatcher");
    private final ReadOnlyObjectWrapper<PoolSource> source = new ReadOnlyObjectWrapper<>(this, "source");
    private InProcessSource demo;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.RUNNING);
    private final ReadOnlyStringWrapper shutdownStatus = new ReadOnlyStringWrapper(this, "shutdownStatus", "");
    private final ReadOnlyObjectWrapper<ShutdownReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final PoolSettingsModel settings;
    private final LoadModel load;
    private final EventLogModel log = new EventLogModel();
    private final MetricHistory history;
    private final MetricsSampler sampler;
    private CompletableFuture<ShutdownReport> stopping;
    private long stopStartNanos;
    private Duration stopDeadline;

    public Lab(Function<PoolConfig, Dispatcher> poolFactory, PoolConfig initial, Scenario scenario,
               javafx.util.Duration samplePeriod, int samplesKept) {
        this.poolFactory = poolFactory;
        dispatcher.set(poolFactory.apply(initial));
        demo = new InProcessSource(dispatcher.get());
        source.set(demo);
        settings = new PoolSettingsModel(demo);
        load = new LoadModel(dispatcher::get, scenario);
        history = new MetricHistory(samplesKept);
        sampler = new MetricsSampler(source::get, history, log, samplePeriod);
        // A watched remote pool is not the one the demo's backend sits behind.
        sampler.backendFrom(() -> source.get().isRemote() ? null : load.runningBackend());
        sampler.onTick(load::refresh);
        sampler.onTick(this::followShutdown);
        sampler.onTick(this::followRemoteSettings);
        settings.lastChangeProperty().addListener((o, a, b) -> log.add(EventLogModel.Kind.CONFIG, b));
        load.backend().lastChangeProperty().addListener((o, a, b) -> log.add(EventLogModel.Kind.CONFIG, b));
        ChangeListener<String> logRefusal = (o, a, b) -> {
            if (b != null) {
                log.add(EventLogModel.Kind.REFUSED, "refused: " + ScreenWords.of(b));
            }
        };
        settings.lastRefusalProperty().addListener(logRefusal);
        load.lastRefusalProperty().addListener(logRefusal);
        load.backend().lastRefusalProperty().addListener(logRefusal);
        load.failureProperty().addListener((o, a, b) -> {
            if (b != null) {
                log.add(EventLogModel.Kind.LIFECYCLE, b);
            }
        });
        log.add(EventLogModel.Kind.LIFECYCLE, "pool started: " + describe(initial));
    }

    /** Begins a graceful shutdown of the pool; the countdown and report follow on sampler ticks. */
    public void shutdown(Duration deadline) {
        if (phase.get() != Phase.RUNNING) {
            return;
        }
        load.pause();
        stopStartNanos = System.nanoTime();
        stopDeadline = deadline;
        stopping = dispatcher.get().shutdownAsync(deadline);
        phase.set(Phase.SHUTTING_DOWN);
        log.add(EventLogModel.Kind.LIFECYCLE, "shutdown requested, deadline " + deadline.toSeconds() + " s");
        followShutdown();
    }

    /** Starts a fresh pool with the settings in force; the load generator follows it. */
    public void restart() {
        if (phase.get() == Phase.RUNNING) {
            return;
        }
        PoolConfig config = settings.config();
        Dispatcher fresh = poolFactory.apply(config);
        dispatcher.set(fresh);
        demo = new InProcessSource(fresh);
        source.set(demo);
        settings.attach(demo);
        load.retarget(fresh);
        report.set(null);
        shutdownStatus.set("");
        phase.set(Phase.RUNNING);
        log.add(EventLogModel.Kind.LIFECYCLE, "pool restarted: " + describe(config));
    }

    /** Shows {@code remote} instead of the current pool, read-only until tuning is unlocked; the demo pool runs on. */
    public void watch(PoolSource remote) {
        PoolSource before = source.get();
        source.set(remote);
        settings.attach(remote);
        if (before.isRemote()) {
            before.close();
        }
        log.add(EventLogModel.Kind.LIFECYCLE, "watching " + remote.describe() + " (read-only)");
    }

    /** Goes back to the demo pool, closing the remote source. */
    public void watchDemo() {
        PoolSource before = source.get();
        if (!before.isRemote()) {
            return;
        }
        source.set(demo);
        settings.attach(demo);
        before.close();
        log.add(EventLogModel.Kind.LIFECYCLE, "watching the demo pool again");
    }

    /** Lets the controls change the remote pool shown; logged, since every later change is a live one. */
    public void unlockTuning() {
        if (source.get().isRemote() && !settings.writableProperty().get()) {
            settings.unlock();
            log.add(EventLogModel.Kind.LIFECYCLE, "tuning unlocked: changes now go live to " + source.get().describe());
        }
    }

    /**
     * Stops the load and the sampler and begins shutting the pool down; returns at once. The report follows once the
     * pool has shut down (within {@code deadline} plus its grace) and the load generator's thread has ended.
     */
    public CompletableFuture<ShutdownReport> close(Duration deadline) {
        sampler.stop();
        CompletableFuture<Void> loadStopped = load.stop();
        if (source.get().isRemote()) {
            source.get().close();
        }
        return dispatcher.get().shutdownAsync(deadline).thenCombine(loadStopped, (report, ended) -> report);
    }

    private void followRemoteSettings() {
        Sample latest = sampler.latestProperty().get();
        if (latest != null) {
            settings.follow(latest.snapshot().config());
        }
    }

    private void followShutdown() {
        if (phase.get() != Phase.SHUTTING_DOWN) {
            return;
        }
        if (stopping.isDone()) {
            ShutdownReport done = stopping.join();
            report.set(done);
            phase.set(Phase.STOPPED);
            shutdownStatus.set("Stopped — " + done.summary());
            log.add(EventLogModel.Kind.LIFECYCLE, "pool " + done.summary());
            return;
        }
        // In seconds as doubles: a deadline of any length counts down without overflowing.
        double deadlineSeconds = stopDeadline.getSeconds() + stopDeadline.getNano() / 1e9;
        double left = Math.max(0, deadlineSeconds - (System.nanoTime() - stopStartNanos) / 1e9);
        // The demo pool's own figures: the sampler's are the shown pool's, a remote one's while one is watched.
        PoolSnapshot s = dispatcher.get().snapshot();
        String what = source.get().isRemote() ? "Demo pool shutting down" : "Shutting down";
        shutdownStatus.set(String.format("%s: %.1f s to deadline · %d queued · %d running", what, left, s.queued(),
                s.running()));
    }

    private static String describe(PoolConfig c) {
        return String.format("%d–%d workers, threshold %d, capacity %,d, %s", c.minWorkers(), c.maxWorkers(),
                c.loadThreshold(), c.queueCapacity(), c.overflowPolicy());
    }

    /** The pool the dashboard shows: the demo pool's source, or a remote one. */
    public ReadOnlyObjectProperty<PoolSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Dispatcher> dispatcherProperty() {
        return dispatcher.getReadOnlyProperty();
    }

    public Dispatcher dispatcher() {
        return dispatcher.get();
    }

    /** Running, shutting down or stopped. */
    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The countdown while shutting down, then the report's summary. */
    public ReadOnlyStringProperty shutdownStatusProperty() {
        return shutdownStatus.getReadOnlyProperty();
    }

    /** The last shutdown's report, or null while the pool runs. */
    public ReadOnlyObjectProperty<ShutdownReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public PoolSettingsModel settings() {
        return settings;
    }

    public LoadModel load() {
        return load;
    }

    public EventLogModel log() {
        return log;
    }

    public MetricHistory history() {
        return history;
    }

    public MetricsSampler sampler() {
        return sampler;
    }
}
