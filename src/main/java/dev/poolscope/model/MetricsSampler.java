package dev.poolscope.model;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolRates;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingDecision;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.engine.SnapshotReader;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;

/**
 * The one bridge from the engine to the UI: an FX {@link Timeline} (10 Hz by default) that takes a snapshot,
 * appends it to the {@link MetricHistory}, logs new scaling events and drop bursts, and then lets the views
 * redraw. Nothing in the UI is pushed from engine threads, so there is no {@code Platform.runLater} per request
 * or per event, and the FX thread's cost per tick is measured ({@link #tickNanosProperty()}).
 */
public final class MetricsSampler {

    /** The default sampling period: 10 Hz. */
    public static final Duration DEFAULT_PERIOD = Duration.millis(100);
    /** Rates are averaged over this trailing window. */
    public static final double RATE_WINDOW_SECONDS = 1.0;

    private final Supplier<Dispatcher> source;
    private final MetricHistory history;
    private final EventLogModel log;
    private final Timeline timeline;
    private final List<Runnable> afterTick = new CopyOnWriteArrayList<>();
    private final ReadOnlyObjectWrapper<Sample> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ReadOnlyLongWrapper tickNanos = new ReadOnlyLongWrapper(this, "tickNanos");
    private DropBurstTracker drops = new DropBurstTracker();
    private Dispatcher sampled;
    private SnapshotReader reader;
    private PoolSnapshot previous;
    private long lastEventSequence;
    private long startNanos = System.nanoTime();
    private long ticks;
    private long totalTickNanos;
    private long worstTickNanos;

    public MetricsSampler(Supplier<Dispatcher> source, MetricHistory history, EventLogModel log, Duration period) {
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

    /** Runs after every tick, on the FX thread; views redraw here. */
    public void onTick(Runnable redraw) {
        afterTick.add(redraw);
    }

    /** Takes one sample now; the timeline calls this, tests may too. */
    public void tick() {
        long began = System.nanoTime();
        Dispatcher d = source.get();
        if (d != sampled) {
            startOver(d);
        }
        PoolSnapshot now = reader.read();
        double seconds = (now.nanoTime() - startNanos) / 1e9;
        PoolRates rates = now.minus(rateBase(seconds, now));
        ScalingDecision decision = d.lastScalingDecision();
        Sample sample = decision == null ? new Sample(seconds, now, rates)
                : new Sample(seconds, now, rates, decision.desired(), decision.reason());
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
        afterTick.forEach(Runnable::run);
        long took = System.nanoTime() - began;
        tickNanos.set(took);
        worstTickNanos = Math.max(worstTickNanos, took);
        ticks++;
        totalTickNanos += took;
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

    private void startOver(Dispatcher d) {
        sampled = d;
        reader = d.openReader();
        previous = null;
        lastEventSequence = 0;
        drops = new DropBurstTracker();
        history.clear();
        startNanos = System.nanoTime();
    }

    private void recordEvents(Dispatcher d, double seconds) {
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
