package dev.poolscope.model;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.http.Backend;
import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.HttpPath;
import dev.poolscope.load.Arrivals;
import dev.poolscope.load.LoadGenerator;
import dev.poolscope.load.LoadSettings;
import dev.poolscope.load.Scenario;
import dev.poolscope.load.ServiceTime;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The load generator's controls as properties; FX-thread confined. Settings apply to a running generator at
 * once; picking a scenario loads its base settings into the controls and starts its rate curve from zero.
 * A stopped generator is discarded at once, its thread left to end off the FX thread, and a fresh one is made on the
 * next start. An HTTP scenario's backend is tuned through {@link #backend()}; its settings outlive a stopped
 * generator and a restarted pool, not a new scenario.
 */
public final class LoadModel {

    /** What the generator is doing, as the buttons see it; FAILED: its thread died ({@link #failureProperty()}). */
    public enum Status { STOPPED, RUNNING, PAUSED, FAILED }

    private final Supplier<Dispatcher> target;
    private final BiFunction<Dispatcher, LoadSettings, LoadGenerator> generators;
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final DoubleProperty ratePerSecond = new SimpleDoubleProperty(this, "ratePerSecond");
    private final ObjectProperty<Arrivals> arrivals = new SimpleObjectProperty<>(this, "arrivals");
    private final ObjectProperty<ServiceTime> serviceTime = new SimpleObjectProperty<>(this, "serviceTime");
    private final DoubleProperty meanServiceMillis = new SimpleDoubleProperty(this, "meanServiceMillis");
    private final DoubleProperty failurePercent = new SimpleDoubleProperty(this, "failurePercent");
    private final DoubleProperty hangPercent = new SimpleDoubleProperty(this, "hangPercent");
    private final StringProperty typeMix = new SimpleStringProperty(this, "typeMix");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.STOPPED);
    private final ReadOnlyLongWrapper generated = new ReadOnlyLongWrapper(this, "generated");
    private final ReadOnlyDoubleWrapper currentRate = new ReadOnlyDoubleWrapper(this, "currentRate");
    private final ReadOnlyObjectWrapper<String> lastRefusal = new ReadOnlyObjectWrapper<>(this, "lastRefusal");
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final BackendModel backend = new BackendModel(this::applyBackend);
    private LoadSettings settings;
    private LoadGenerator generator;
    // Completes once every generator stopped so far has ended.
    private CompletableFuture<Void> stopped = CompletableFuture.completedFuture(null);
    private boolean syncing;

    public LoadModel(Supplier<Dispatcher> target, Scenario initial) {
        this(target, initial, LoadGenerator::new);
    }

    /** A model whose generators come from {@code generators}; tests use it to make one fail. */
    LoadModel(Supplier<Dispatcher> target, Scenario initial,
              BiFunction<Dispatcher, LoadSettings, LoadGenerator> generators) {
        this.target = target;
        this.generators = generators;
        settings = initial.baseSettings();
        scenario.set(initial);
        show(settings);
        backend.show(initial.backend());
        ratePerSecond.addListener((o, a, b) -> change(() -> settings.withRatePerSecond(b.doubleValue())));
        arrivals.addListener((o, a, b) -> change(() -> settings.withArrivals(b)));
        serviceTime.addListener((o, a, b) -> change(() -> settings.withServiceTime(b)));
        meanServiceMillis.addListener((o, a, b) -> change(() -> settings.withMeanServiceTime(
                Duration.ofNanos(Math.round(b.doubleValue() * 1e6)))));
        failurePercent.addListener((o, a, b) -> change(() -> settings.withFailureProbability(b.doubleValue() / 100)));
        hangPercent.addListener((o, a, b) -> change(() -> settings.withHangProbability(b.doubleValue() / 100)));
        typeMix.addListener((o, a, b) -> change(() -> settings.withTypeMix(TypeMixText.parse(b))));
        scenario.addListener((o, a, b) -> pickScenario(b));
    }

    /** Starts generating, or resumes when paused; after a failure, starts a fresh generator. */
    public void start() {
        if (generator != null && generator.state() == LoadGenerator.State.FAILED) {
            stop();
        }
        if (generator == null) {
            failure.set(null);
            generator = generators.apply(target.get(), settings);
            generator.setScenario(scenario.get());
            generator.setSettings(settings);
            if (backend.settings() != null) {
                generator.setBackendSettings(backend.settings());
            }
            generator.start();
        } else {
            generator.resume();
        }
        status.set(Status.RUNNING);
    }

    public void pause() {
        if (generator != null) {
            generator.pause();
            status.set(Status.PAUSED);
        }
    }

    /**
     * Stops and discards the generator and returns at once, STOPPED; the future completes once the thread of every
     * generator stopped so far has ended and its HTTP path is closed. A {@link #start()} meanwhile makes a fresh
     * generator; the stopped one submits at most a request it had already drawn (see
     * {@link LoadGenerator#stopAsync()}).
     */
    public CompletableFuture<Void> stop() {
        if (generator != null) {
            CompletableFuture<Void> ending = generator.stopAsync();
            stopped = stopped.isDone() ? ending : CompletableFuture.allOf(stopped, ending);
            generator = null;
        }
        status.set(Status.STOPPED);
        currentRate.set(0);
        return stopped;
    }

    /** Sets the generated-requests counter back to zero. */
    public void resetCounters() {
        if (generator != null) {
            generator.resetCounters();
        }
        generated.set(0);
    }

    /** Points the generator at a new pool after a restart. */
    public void retarget(Dispatcher pool) {
        if (generator != null) {
            generator.retarget(pool);
        }
    }

    /** Refreshes the read-only figures, and notices a generator whose thread died; called on each sampler tick. */
    void refresh() {
        if (generator != null) {
            generated.set(generator.generated());
            currentRate.set(generator.state() == LoadGenerator.State.RUNNING ? generator.currentRatePerSecond() : 0);
            if (generator.state() == LoadGenerator.State.FAILED && status.get() != Status.FAILED) {
                failure.set("load generator failed: " + generator.failure());
                status.set(Status.FAILED);
            }
        }
    }

    private void pickScenario(Scenario picked) {
        if (syncing) {
            return;
        }
        if (picked != null) {
            settings = picked.baseSettings();
            show(settings);
        }
        backend.show(picked == null ? null : picked.backend());
        if (generator != null) {
            generator.setScenario(picked);
            generator.setSettings(settings);
        }
    }

    private void applyBackend(BackendSettings next) {
        if (generator != null) {
            generator.setBackendSettings(next);
        }
    }

    /** The HTTP backend running now, to read its figures; null without an HTTP scenario or a running generator. */
    public Backend runningBackend() {
        HttpPath path = generator == null ? null : generator.httpPath();
        return path == null ? null : path.backend();
    }

    /** The HTTP backend's controls. */
    public BackendModel backend() {
        return backend;
    }

    private void change(Supplier<LoadSettings> edit) {
        if (syncing) {
            return;
        }
        LoadSettings next;
        try {
            next = edit.get();
        } catch (IllegalArgumentException refused) {
            lastRefusal.set(null); // a repeated identical refusal must still fire listeners
            lastRefusal.set(refused.getMessage());
            show(settings);
            return;
        }
        settings = next;
        if (generator != null) {
            generator.setSettings(next);
        }
    }

    private void show(LoadSettings s) {
        syncing = true;
        try {
            ratePerSecond.set(s.ratePerSecond());
            arrivals.set(s.arrivals());
            serviceTime.set(s.serviceTime());
            meanServiceMillis.set(s.meanServiceTime().toNanos() / 1e6);
            failurePercent.set(s.failureProbability() * 100);
            hangPercent.set(s.hangProbability() * 100);
            typeMix.set(TypeMixText.format(s.typeMix()));
        } finally {
            syncing = false;
        }
    }

    /** The demo preset in use, or null for manual settings. */
    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    /** Base arrival rate in requests per second (a scenario modulates it over time). */
    public DoubleProperty ratePerSecondProperty() {
        return ratePerSecond;
    }

    /** Constant or Poisson arrivals. */
    public ObjectProperty<Arrivals> arrivalsProperty() {
        return arrivals;
    }

    /** The service-time distribution. */
    public ObjectProperty<ServiceTime> serviceTimeProperty() {
        return serviceTime;
    }

    /** Mean service time in milliseconds. */
    public DoubleProperty meanServiceMillisProperty() {
        return meanServiceMillis;
    }

    /** Chance a request's handler throws, in percent. */
    public DoubleProperty failurePercentProperty() {
        return failurePercent;
    }

    /** Chance a request's handler hangs until interrupted, in percent. */
    public DoubleProperty hangPercentProperty() {
        return hangPercent;
    }

    /** Request types and their weights as text, {@code read=3, write=1}; each type gets simulated work. */
    public StringProperty typeMixProperty() {
        return typeMix;
    }

    /** Whether the generator runs. */
    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Requests generated since start or the last reset. */
    public ReadOnlyLongProperty generatedProperty() {
        return generated.getReadOnlyProperty();
    }

    /** The rate the generator aims at right now, scenario curve included. */
    public ReadOnlyDoubleProperty currentRateProperty() {
        return currentRate.getReadOnlyProperty();
    }

    /** Why the generator stopped on its own ("load generator failed: ..."), or null while it has not. */
    public ReadOnlyObjectProperty<String> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The message for the last refused setting. */
    public ReadOnlyObjectProperty<String> lastRefusalProperty() {
        return lastRefusal.getReadOnlyProperty();
    }
}
