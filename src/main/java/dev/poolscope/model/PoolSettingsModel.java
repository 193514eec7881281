package dev.poolscope.model;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ScalingPolicy;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The pool's settings as properties for the controls to bind to; FX-thread confined.
 *
 * <p>Each change is pushed to the running dispatcher at once through its validating setters. If the engine
 * refuses the value, the property snaps back to the value in force and {@link #lastRefusalProperty()} says why,
 * so a control never shows a setting the pool is not using.
 */
public final class PoolSettingsModel {

    private final IntegerProperty minWorkers = new SimpleIntegerProperty(this, "minWorkers");
    private final IntegerProperty maxWorkers = new SimpleIntegerProperty(this, "maxWorkers");
    private final IntegerProperty loadThreshold = new SimpleIntegerProperty(this, "loadThreshold");
    private final IntegerProperty queueCapacity = new SimpleIntegerProperty(this, "queueCapacity");
    private final ObjectProperty<OverflowPolicy> overflowPolicy = new SimpleObjectProperty<>(this, "overflowPolicy");
    private final IntegerProperty requestTimeoutMillis = new SimpleIntegerProperty(this, "requestTimeoutMillis");
    private final IntegerProperty maxRetries = new SimpleIntegerProperty(this, "maxRetries");
    private final IntegerProperty scalingTickMillis = new SimpleIntegerProperty(this, "scalingTickMillis");
    private final ObjectProperty<ScalingPolicy> scalingPolicy = new SimpleObjectProperty<>(this, "scalingPolicy");
    private final ReadOnlyObjectWrapper<String> lastRefusal = new ReadOnlyObjectWrapper<>(this, "lastRefusal");
    private final ReadOnlyObjectWrapper<String> lastChange = new ReadOnlyObjectWrapper<>(this, "lastChange");
    private Dispatcher dispatcher;
    // True while properties are being set from the engine, so those sets are not pushed back to it.
    private boolean syncing;

    public PoolSettingsModel(Dispatcher dispatcher) {
        attach(dispatcher);
        // Min and max move together so a RangeSlider drag is one atomic change, never a crossed pair.
        minWorkers.addListener((o, a, b) -> push(c -> c.workers(minWorkers.get(), maxWorkers.get()),
                "min workers " + a + " → " + b));
        maxWorkers.addListener((o, a, b) -> push(c -> c.workers(minWorkers.get(), maxWorkers.get()),
                "max workers " + a + " → " + b));
        onChange(loadThreshold, v -> push(c -> c.loadThreshold(v.intValue()), "load threshold → " + v));
        onChange(queueCapacity, v -> push(c -> c.queueCapacity(v.intValue()), "queue capacity → " + v));
        onChange(overflowPolicy, v -> push(c -> c.overflowPolicy(v), "overflow policy → " + v));
        onChange(requestTimeoutMillis, v -> push(c -> c.requestTimeout(Duration.ofMillis(v.longValue())),
                "request timeout → " + v + " ms"));
        onChange(maxRetries, v -> push(c -> c.maxRetries(v.intValue()), "max retries → " + v));
        onChange(scalingTickMillis, v -> push(c -> c.scalingTick(Duration.ofMillis(v.longValue())),
                "scaling tick → " + v + " ms"));
        onChange(scalingPolicy, v -> push(c -> c.scalingPolicy(v), "scaling policy → " + (v == null ? null
                : v.name() + " (" + v.settings() + ")")));
    }

    /** Binds the model to another (new) dispatcher and shows its settings. */
    public void attach(Dispatcher next) {
        dispatcher = next;
        showConfig(next.config());
    }

    /** The settings in force, for starting a fresh pool with them. */
    public PoolConfig config() {
        return dispatcher.config();
    }

    private <T> void onChange(ObservableValue<T> property, Consumer<T> action) {
        property.addListener((o, a, b) -> action.accept(b));
    }

    private void push(UnaryOperator<PoolConfig.Builder> change, String description) {
        if (syncing) {
            return;
        }
        try {
            dispatcher.reconfigure(change);
            lastChange.set(description);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            lastRefusal.set(null); // make a repeated identical refusal fire listeners again
            lastRefusal.set(refused.getMessage());
            showConfig(dispatcher.config());
        }
    }

    private void showConfig(PoolConfig c) {
        syncing = true;
        try {
            minWorkers.set(c.minWorkers());
            maxWorkers.set(c.maxWorkers());
            loadThreshold.set(c.loadThreshold());
            queueCapacity.set(c.queueCapacity());
            overflowPolicy.set(c.overflowPolicy());
            requestTimeoutMillis.set((int) c.requestTimeout().toMillis());
            maxRetries.set(c.maxRetries());
            scalingTickMillis.set((int) c.scalingTick().toMillis());
            scalingPolicy.set(c.scalingPolicy());
        } finally {
            syncing = false;
        }
    }

    /** Least workers; bound to the RangeSlider's low thumb. */
    public IntegerProperty minWorkersProperty() {
        return minWorkers;
    }

    /** Most workers; bound to the RangeSlider's high thumb. */
    public IntegerProperty maxWorkersProperty() {
        return maxWorkers;
    }

    /** Queued requests above which the pool grows. */
    public IntegerProperty loadThresholdProperty() {
        return loadThreshold;
    }

    /** Most requests the queue holds. */
    public IntegerProperty queueCapacityProperty() {
        return queueCapacity;
    }

    /** What happens to a request that finds the queue full. */
    public ObjectProperty<OverflowPolicy> overflowPolicyProperty() {
        return overflowPolicy;
    }

    /** Default attempt timeout in milliseconds; 0 means none. */
    public IntegerProperty requestTimeoutMillisProperty() {
        return requestTimeoutMillis;
    }

    /** Default retries after a failed or timed-out attempt. */
    public IntegerProperty maxRetriesProperty() {
        return maxRetries;
    }

    /** How often the scaler decides, in milliseconds. */
    public IntegerProperty scalingTickMillisProperty() {
        return scalingTickMillis;
    }

    /** How the scaler picks the pool's size. */
    public ObjectProperty<ScalingPolicy> scalingPolicyProperty() {
        return scalingPolicy;
    }

    /** The engine's message for the last refused change. */
    public ReadOnlyObjectProperty<String> lastRefusalProperty() {
        return lastRefusal.getReadOnlyProperty();
    }

    /** A description of the last accepted change, for the event log. */
    public ReadOnlyObjectProperty<String> lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }
}
