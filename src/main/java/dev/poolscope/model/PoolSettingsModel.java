package dev.poolscope.model;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import java.util.concurrent.CompletionException;

import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ScalingPolicy;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The pool's settings as properties for the controls to bind to; FX-thread confined.
 *
 * <p>Each change is pushed to the {@link PoolSource} at once. If the pool refuses the value, the property snaps
 * back to the value in force and {@link #lastRefusalProperty()} says why, so a control never shows a setting the
 * pool is not using. A remote pool starts read-only: nothing is written until the user {@link #unlock() unlocks}
 * tuning, because a change there is a live change to someone's service.
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
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(this, "writable");
    private PoolSource source;
    // True while properties are being set from the engine, so those sets are not pushed back to it.
    private boolean syncing;
    // Changes sent to a remote pool and not yet answered; while any are, its snapshots do not reset the controls.
    private int pending;

    public PoolSettingsModel(PoolSource source) {
        attach(source);
        // Min and max move together so a RangeSlider drag is one atomic change, never a crossed pair.
        minWorkers.addListener((o, a, b) -> push(c -> c.workers(minWorkers.get(), maxWorkers.get()),
                "min workers " + a + " → " + b));
        maxWorkers.addListener((o, a, b) -> push(c -> c.workers(minWorkers.get(), maxWorkers.get()),
                "max workers " + a + " → " + b));
        onChange(loadThreshold, (a, b) -> push(c -> c.loadThreshold(b.intValue()), "load threshold " + a + " → " + b));
        onChange(queueCapacity, (a, b) -> push(c -> c.queueCapacity(b.intValue()), "queue capacity " + a + " → " + b));
        onChange(overflowPolicy, (a, b) -> push(c -> c.overflowPolicy(b), "overflow policy " + a + " → " + b));
        onChange(requestTimeoutMillis, (a, b) -> push(c -> c.requestTimeout(Duration.ofMillis(b.longValue())),
                "request timeout " + a + " → " + b + " ms"));
        onChange(maxRetries, (a, b) -> push(c -> c.maxRetries(b.intValue()), "max retries " + a + " → " + b));
        onChange(scalingTickMillis, (a, b) -> push(c -> c.scalingTick(Duration.ofMillis(b.longValue())),
                "scaling tick " + a + " → " + b + " ms"));
        onChange(scalingPolicy, (a, b) -> push(c -> c.scalingPolicy(b), "scaling policy " + policyText(a) + " → "
                + policyText(b)));
    }

    /** Binds the model to another source and shows its settings; a remote one starts read-only. */
    public void attach(PoolSource next) {
        source = next;
        pending = 0;
        writable.set(!next.isRemote());
        showConfig(next.config());
    }

    /** Lets the controls write to a remote pool; the in-process pool is always writable. */
    public void unlock() {
        writable.set(true);
    }

    /** Shows settings a remote pool reports, unless a change of ours is still on its way there. */
    public void follow(PoolConfig inForce) {
        if (source.isRemote() && pending == 0 && !shows(inForce)) {
            showConfig(inForce);
        }
    }

    private boolean shows(PoolConfig c) {
        return minWorkers.get() == c.minWorkers() && maxWorkers.get() == c.maxWorkers()
                && loadThreshold.get() == c.loadThreshold() && queueCapacity.get() == c.queueCapacity()
                && overflowPolicy.get() == c.overflowPolicy()
                && requestTimeoutMillis.get() == (int) c.requestTimeout().toMillis()
                && maxRetries.get() == c.maxRetries() && scalingTickMillis.get() == (int) c.scalingTick().toMillis()
                && samePolicyName(scalingPolicy.get(), c.scalingPolicy());
    }

    // A remote pool reports only its policy's name (its parameters read as the defaults), so the name is all there
    // is to compare.
    private static boolean samePolicyName(ScalingPolicy shown, ScalingPolicy inForce) {
        return shown == null ? inForce == null : inForce != null && shown.name().equals(inForce.name());
    }

    /** The settings in force, for starting a fresh pool with them. */
    public PoolConfig config() {
        return source.config();
    }

    private static String policyText(ScalingPolicy policy) {
        return policy == null ? "none" : policy.name() + " (" + policy.settings() + ")";
    }

    private <T> void onChange(ObservableValue<T> property, BiConsumer<T, T> action) {
        property.addListener((o, a, b) -> action.accept(a, b));
    }

    private void push(UnaryOperator<PoolConfig.Builder> change, String description) {
        if (syncing) {
            return;
        }
        PoolSource target = source;
        if (!writable.get()) {
            refuse(target, "read-only: unlock tuning to change " + target.describe());
            return;
        }
        pending++;
        target.reconfigure(change).whenComplete((inForce, refused) -> {
            if (target != source) {
                return; // the answer of a pool no longer shown
            }
            pending--;
            if (refused == null) {
                lastChange.set(description);
                if (target.isRemote()) {
                    showConfig(inForce);
                }
            } else {
                refuse(target, reason(refused));
            }
        });
    }

    private void refuse(PoolSource target, String reason) {
        lastRefusal.set(null); // make a repeated identical refusal fire listeners again
        lastRefusal.set(reason);
        showConfig(target.config());
    }

    private static String reason(Throwable refused) {
        Throwable cause = refused instanceof CompletionException && refused.getCause() != null ? refused.getCause()
                : refused;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
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

    /** True when the controls may change the pool: always for the in-process pool, after unlocking for a remote one. */
    public ReadOnlyBooleanProperty writableProperty() {
        return writable.getReadOnlyProperty();
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
