package dev.poolscope.model;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import dev.poolscope.engine.PoolRates;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingDecision;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.http.Backend;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

/**
 * The one bridge from a {@link PoolSource} to the UI: an FX {@link Timeline} (10 Hz by default) that takes a snapshot,
 * appends it to the {@link MetricHistory}, logs new scaling events and drop bursts, and then lets the views
 * redraw. Nothing in the UI is pushed from engine threads, so there is no {@code Platform.runLater} per request
 * or per event, and the FX thread's cost per tick is measured ({@link #tickNanosProperty()}). A tick with no new
 * snapshot (a remote pool answers more slowly than the timeline ticks) adds nothing and still lets views redraw.
 * While an HTTP scenario runs, each sample also carries its backend's figures, read on the same tick.
 */
public final class MetricsSampler {

    /** The default sampling period: 10 Hz. */
    public static final Duration DEFAULT_PERIOD = Duration.millis(100);
    /** Rates are averaged over this trailing window. */
    public static final double RATE_WINDOW_SECONDS = 1.0;

    private final Supplier<PoolSource> source;
    private final MetricHistory history;
    private final EventLogModel log;
    private final Timeline timeline;
    private final List<Runnable> afterTick = new CopyOnWriteArrayList<>();
    private final ReadOnlyObjectWrapper<Sample> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyLongWrapper tickNanos = new ReadOnlyLongWrapper(this, "tickNanos");
    private DropBurstTracker drops = new DropBurstTracker();
    private final BackendReadings backendReadings = new BackendReadings(RATE_WINDOW_SECONDS);
    private Supplier<Backend> backend = () -> null;
    private PoolSource sampled;
    private PoolSnapshot previous;
    private long lastEventSequence;
    private long startNanos = System.nanoTime();
    private long ticks;
    private long totalTickNanos;
    private long worstTickNanos;

    public MetricsSampler(Supplier<PoolSource> source, MetricHistory history, EventLogModel log, Duration period) {
        this.source = source;
        this.history = history;
        this.log = log;
        timeline = new Timeline(new KeyFrame(period, e -> tick()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    public void start() {
        timeline.play();
    }

    public void stop() {
        timeline.stop();
    }

    /** Reads the HTTP backend's figures into each sample from {@code running}, which gives null while none runs. */
    public void backendFrom(Supplier<Backend> running) {
        backend = running;
    }

    /** Runs after every tick, on the FX thread; views redraw here. */
    public void onTick(Runnable redraw) {
        afterTick.add(redraw);
    }

    /** Takes one sample now; the timeline calls this, tests may too. */
    public void tick() {
        long began = System.nanoTime();
        PoolSource d = source.get();
        if (d != sampled) {
            startOver(d);
        }
        followProblem(d.problem());
        PoolSnapshot now = d.nextSnapshot();
        if (now != null) {
            record(d, now);
        }
        afterTick.forEach(Runnable::run);
        long took = System.nanoTime() - began;
        tickNanos.set(took);
        worstTickNanos = Math.max(worstTickNanos, took);
        ticks++;
        totalTickNanos += took;
    }

    private void record(PoolSource d, PoolSnapshot now) {
        double seconds = (now.nanoTime() - startNanos) / 1e9;
        PoolRates rates = now.minus(rateBase(seconds, now));
        ScalingDecision decision = d.lastScalingDecision();
        Sample sample = new Sample(seconds, now, rates, decision == null ? now.poolSize() : decision.desired(),
                decision == null ? "" : decision.reason(), backendReadings.sample(backend.get()));
        history.add(sample);
        recordEvents(d, seconds);
        if (previous != null) {
            String burst = drops.observe(seconds, previous, now);
            if (burst != null) {
                log.add(EventLogModel.Kind.DROPS, burst);
            }
        }
        previous = now;
        latest.set(sample);
    }

    /** Logs a source's trouble once when it starts and once when it ends; the history is kept throughout. */
    private void followProblem(String now) {
        String before = problem.get();
        if (now != null && !now.equals(before)) {
            log.add(EventLogModel.Kind.LIFECYCLE, now);
        } else if (now == null && before != null) {
            log.add(EventLogModel.Kind.LIFECYCLE, "connected again to " + sampled.describe());
        }
        problem.set(now);
    }

    /**
     * The snapshot rates are measured against: the newest one at least {@link #RATE_WINDOW_SECONDS} old, so
     * rates are trailing one-second averages rather than jittery per-tick differences.
     */
    private PoolSnapshot rateBase(double seconds, PoolSnapshot now) {
        Sample base = history.atOrBefore(seconds - RATE_WINDOW_SECONDS);
        Sample fallback = base != null ? base : history.oldest();
        return fallback != null ? fallback.snapshot() : now;
    }

    private void startOver(PoolSource d) {
        sampled = d;
        problem.set(null);
        latest.set(null);
        previous = null;
        lastEventSequence = 0;
        drops = new DropBurstTracker();
        history.clear();
        startNanos = System.nanoTime();
    }

    private void recordEvents(PoolSource d, double seconds) {
        for (ScalingEvent e : d.scalingEventsSince(lastEventSequence)) {
            lastEventSequence = e.sequence();
            history.mark(new MetricHistory.Marker(seconds, e));
            log.add(e.isGrowth() ? EventLogModel.Kind.SCALE_UP : EventLogModel.Kind.SCALE_DOWN, e.describe());
        }
    }

    /** The newest sample. */
    public ReadOnlyObjectProperty<Sample> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** Why the pool shown cannot be read right now (disconnected), or null while it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** FX-thread time the last tick took, charts included, in nanoseconds. */
    public ReadOnlyLongProperty tickNanosProperty() {
        return tickNanos.getReadOnlyProperty();
    }

    /** A line on the FX thread's cost per tick so far: mean and worst, for performance reports. */
    public String tickCostSummary() {
        return String.format(Locale.ROOT, "FX time per sampler tick over %d ticks: mean %.2f ms, worst %.2f ms",
                ticks, ticks == 0 ? 0 : totalTickNanos / 1e6 / ticks, worstTickNanos / 1e6);
    }
}
