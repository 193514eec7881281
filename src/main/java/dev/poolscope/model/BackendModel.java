package dev.poolscope.model;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.LatencyShape;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The HTTP backend's controls as properties, in the units on the screen (milliseconds, percent); FX-thread
 * confined. Each change builds a whole new {@link BackendSettings} and applies it in one step; a value out of range
 * (or a concurrency limit above the 503 limit) is refused with the control's words, the value and the range, and
 * the property snaps back, so nothing is ever half-applied. Only {@link #availableProperty() available} while the
 * scenario picked is an HTTP one.
 */
public final class BackendModel {

    /** The control labels, as refusals name them. */
    static final String MEAN_LABEL = "Mean latency (ms)";
    static final String ERRORS_LABEL = "Errors (%)";
    static final String LIMIT_LABEL = "Concurrency limit";
    static final String REJECT_LABEL = "503 limit";

    private final Consumer<BackendSettings> apply;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ObjectProperty<LatencyShape> shape = new SimpleObjectProperty<>(this, "shape");
    private final IntegerProperty meanMillis = new SimpleIntegerProperty(this, "meanMillis");
    private final DoubleProperty errorPercent = new SimpleDoubleProperty(this, "errorPercent");
    private final IntegerProperty concurrencyLimit = new SimpleIntegerProperty(this, "concurrencyLimit");
    private final IntegerProperty rejectLimit = new SimpleIntegerProperty(this, "rejectLimit");
    private final ReadOnlyObjectWrapper<String> lastRefusal = new ReadOnlyObjectWrapper<>(this, "lastRefusal");
    private final ReadOnlyObjectWrapper<String> lastChange = new ReadOnlyObjectWrapper<>(this, "lastChange");
    // Null while the scenario has no backend.
    private BackendSettings settings;
    private boolean syncing;

    /** A model that hands every accepted change to {@code apply}. */
    BackendModel(Consumer<BackendSettings> apply) {
        this.apply = apply;
        shape.addListener((o, a, b) -> change("latency shape", () -> settings.withShape(b)));
        meanMillis.addListener((o, a, b) -> change("mean latency", () -> mean(b.intValue())));
        errorPercent.addListener((o, a, b) -> change("errors", () -> errors(b.doubleValue())));
        concurrencyLimit.addListener((o, a, b) -> change("concurrency limit", () -> limit(b.intValue())));
        rejectLimit.addListener((o, a, b) -> change("503 limit", () -> rejectAbove(b.intValue())));
    }

    /** Shows {@code next} in the controls without applying it, or makes them unavailable when null. */
    void show(BackendSettings next) {
        settings = next;
        available.set(next != null);
        if (next == null) {
            return;
        }
        syncing = true;
        try {
            shape.set(next.shape());
            meanMillis.set((int) next.meanLatency().toMillis());
            errorPercent.set(next.errorRate() * 100);
            concurrencyLimit.set(next.concurrencyLimit());
            rejectLimit.set(next.rejectLimit());
        } finally {
            syncing = false;
        }
    }

    /** Shows and applies {@code next} as a whole, e.g. settings from the command line. */
    public void set(BackendSettings next) {
        if (settings == null) {
            throw new IllegalStateException("the scenario has no HTTP backend to tune");
        }
        show(next);
        apply.accept(next);
    }

    /** The settings in force before the scenario's steps, or null while the scenario has no backend. */
    public BackendSettings settings() {
        return settings;
    }

    private void change(String what, Supplier<BackendSettings> edit) {
        if (syncing || settings == null) {
            return;
        }
        BackendSettings next;
        try {
            next = edit.get();
        } catch (IllegalArgumentException refused) {
            lastRefusal.set(null); // a repeated identical refusal must still fire listeners
            lastRefusal.set(refused.getMessage());
            show(settings);
            return;
        }
        if (next.equals(settings)) {
            return;
        }
        BackendSettings before = settings;
        settings = next;
        apply.accept(next);
        lastChange.set("backend " + what + ": " + describe(before) + " → " + describe(next));
    }

    private BackendSettings mean(int millis) {
        long most = BackendSettings.MAX_MEAN_LATENCY.toMillis();
        if (millis < 0 || millis > most) {
            throw refused(MEAN_LABEL, String.format(Locale.ROOT, "%,d", millis), String.format(Locale.ROOT, "0 to %,d", most));
        }
        return settings.withMeanLatency(Duration.ofMillis(millis));
    }

    private BackendSettings errors(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw refused(ERRORS_LABEL, percentText(percent), "0 to 100");
        }
        return settings.withErrorRate(percent / 100);
    }

    private BackendSettings limit(int limit) {
        int most = settings.rejectLimit();
        if (limit < 1 || limit > most) {
            throw refused(LIMIT_LABEL, String.format(Locale.ROOT, "%,d", limit), String.format(Locale.ROOT,
                    "1 to %,d, the 503 limit (raise that first)", most));
        }
        return settings.withLimits(limit, most);
    }

    private BackendSettings rejectAbove(int reject) {
        int least = settings.concurrencyLimit();
        if (reject < least || reject > BackendSettings.MAX_LIMIT) {
            throw refused(REJECT_LABEL, String.format(Locale.ROOT, "%,d", reject), String.format(Locale.ROOT,
                    "%,d (the concurrency limit) to %,d", least, BackendSettings.MAX_LIMIT));
        }
        return settings.withLimits(least, reject);
    }

    private static IllegalArgumentException refused(String label, String value, String allowed) {
        return new IllegalArgumentException(label + " " + value + " is not allowed: must be " + allowed);
    }

    private static String percentText(double percent) {
        return percent == Math.rint(percent) ? String.format(Locale.ROOT, "%.0f", percent)
                : String.format(Locale.ROOT, "%.2f", percent);
    }

    /** {@code log-normal 20 ms, 1% errors, limit 32, 503 above 64}. */
    static String describe(BackendSettings s) {
        return String.format(Locale.ROOT, "%s %,d ms, %s%% errors, limit %,d, 503 above %,d",
                s.shape().name().toLowerCase(Locale.ROOT).replace('_', '-'), s.meanLatency().toMillis(),
                percentText(s.errorRate() * 100), s.concurrencyLimit(), s.rejectLimit());
    }

    /** True while the scenario picked is an HTTP one, so there is a backend to tune. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** How latency is spread around the mean. */
    public ObjectProperty<LatencyShape> shapeProperty() {
        return shape;
    }

    /** Mean latency without load, in milliseconds. */
    public IntegerProperty meanMillisProperty() {
        return meanMillis;
    }

    /** Share of calls answered 500, in percent. */
    public DoubleProperty errorPercentProperty() {
        return errorPercent;
    }

    /** Calls in flight served at full speed; above it every call slows down. */
    public IntegerProperty concurrencyLimitProperty() {
        return concurrencyLimit;
    }

    /** Calls in flight above which the backend answers 503 at once. */
    public IntegerProperty rejectLimitProperty() {
        return rejectLimit;
    }

    /** The message for the last refused value, in the controls' words. */
    public ReadOnlyObjectProperty<String> lastRefusalProperty() {
        return lastRefusal.getReadOnlyProperty();
    }

    /** The last accepted change, old → new, for the event log. */
    public ReadOnlyObjectProperty<String> lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }
}
