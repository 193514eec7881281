package dev.poolscope.view;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.model.CapacityAdvice;
import dev.poolscope.model.Lab;
import dev.poolscope.model.PoolFigure;
import dev.poolscope.model.QueueReading;
import dev.poolscope.model.QueueWindow;
import dev.poolscope.model.Sample;
import dev.poolscope.model.ScreenNumber;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * The capacity advisor panel: every few sampler ticks it folds the last {@value #WINDOW_SECONDS} s of samples into a
 * {@link CapacityAdvice} and shows its figures, the workers needed for the chosen P(wait), and in plain words where
 * the model does not fit. The apply buttons go through the settings model, so the engine validates them like any
 * other change and a refusal shows in the status bar.
 */
public final class AdvisorController {

    /** The advisor reads this much of the recent history. */
    static final double WINDOW_SECONDS = 10;
    /** Redraw every this many sampler ticks: figures that change ten times a second cannot be read. */
    private static final int TICKS_PER_REDRAW = 5;

    @FXML private Label lambdaValue;
    @FXML private Label serviceValue;
    @FXML private Label loadValue;
    @FXML private Label utilisationValue;
    @FXML private Label waitProbabilityValue;
    @FXML private Label waitValue;
    @FXML private Label observedWaitValue;
    @FXML private Label littleValue;
    @FXML private Label littleQueueValue;
    @FXML private TextField targetField;
    @FXML private Label neededValue;
    @FXML private Button applyMinButton;
    @FXML private Button applyMaxButton;
    @FXML private Label verdictLabel;

    private Lab lab;
    private Consumer<String> complain;
    private double waitTarget = 0.2;
    /** The size the apply buttons set: the workers needed when they meet the target, else 0 (buttons off). */
    private final IntegerProperty needed = new SimpleIntegerProperty();
    private long ticks;

    void init(Lab model, Consumer<String> complaints) {
        lab = model;
        complain = complaints;
        targetField.setOnAction(e -> commitTarget());
        targetField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitTarget();
            }
        });
        applyMinButton.disableProperty().bind(lab.settings().writableProperty().not().or(needed.isEqualTo(0)));
        applyMaxButton.disableProperty().bind(applyMinButton.disableProperty());
        lab.sampler().onTick(() -> {
            if (ticks++ % TICKS_PER_REDRAW == 0) {
                refresh();
            }
        });
    }

    private void commitTarget() {
        try {
            waitTarget = ScreenNumber.parse("P(wait) target", "%", targetField.getText(), 0.1, 99.9) / 100;
            refresh();
        } catch (IllegalArgumentException refused) {
            complain.accept(refused.getMessage());
        }
        targetField.setText(ScreenNumber.format(waitTarget * 100));
    }

    /** Reads the window again and shows it; skipped while the panel is out of the window. */
    void refresh() {
        if (verdictLabel.getScene() == null) {
            return;
        }
        String missing = lab.sourceProperty().get().absent().get(PoolFigure.LATENCY);
        List<Sample> recent = lab.history().last(WINDOW_SECONDS);
        QueueReading reading = missing != null ? null : QueueWindow.over(recent.stream().map(Sample::snapshot)
                .toList());
        if (reading == null) {
            clear(missing != null ? "Not available: " + missing + ". The advisor needs service and wait times."
                    : "Waiting for the first samples…");
            return;
        }
        show(CapacityAdvice.of(reading, waitTarget));
    }

    private void show(CapacityAdvice a) {
        QueueReading r = a.reading();
        lambdaValue.setText(String.format(Locale.ROOT, "%s /s", number(a.arrivalsPerSecond())));
        serviceValue.setText(String.format(Locale.ROOT, "mean %s · p99 ≈ %s", millis(a.meanService()),
                millis(a.serviceP99())));
        loadValue.setText(String.format(Locale.ROOT, "%s Erlangs", number(a.offeredLoad())));
        utilisationValue.setText(String.format(Locale.ROOT, "%s of c = %d", percent(a.utilisation()), a.workers()));
        waitProbabilityValue.setText(percent(a.waitProbability()) + " (Erlang C)");
        waitValue.setText("predicted " + millis(a.predictedWait()));
        observedWaitValue.setText("observed " + millis(a.observedWait()));
        // Little's law's λ is the rate through the queue, not the arrivals above: show it so the product checks.
        littleValue.setText(String.format(Locale.ROOT, "λ served %s /s: pool λW %s · seen %s",
                number(r.queueThroughputPerSecond()), number(a.littlePool()),
                sampled(r.meanInPool(), r.inPoolError())));
        littleQueueValue.setText(String.format(Locale.ROOT, "queue λWq %s · seen %s", number(a.littleQueue()),
                sampled(r.meanQueued(), r.queuedError())));
        needed.set(sizeToApply(a));
        neededValue.setText(neededText(a));
        verdictLabel.getStyleClass().removeAll("fits", "misfit");
        verdictLabel.getStyleClass().add(a.fits() ? "fits" : "misfit");
        verdictLabel.setText(a.fits() ? "✔ The model fits: a steady load, exponential-like service, enough samples."
                : "⚠ " + String.join("\n⚠ ", a.caveats()));
    }

    private void clear(String why) {
        for (Label l : List.of(lambdaValue, serviceValue, loadValue, utilisationValue, waitProbabilityValue,
                waitValue, observedWaitValue, littleValue, littleQueueValue, neededValue)) {
            l.setText("");
        }
        needed.set(0);
        verdictLabel.getStyleClass().removeAll("fits", "misfit");
        verdictLabel.setText(why);
    }

    @FXML
    private void applyAsMin() {
        if (needed.get() > 0) {
            lab.settings().minWorkersProperty().set(needed.get());
        }
    }

    @FXML
    private void applyAsMax() {
        if (needed.get() > 0) {
            lab.settings().maxWorkersProperty().set(needed.get());
        }
    }

    /** The size to apply: 0 when no size meets the target (not even the pool's limit) or there is nothing to size. */
    static int sizeToApply(CapacityAdvice a) {
        return a.targetReachable() ? a.workersNeeded() : 0;
    }

    /** The workers needed, or why there is no such number; empty with no service time. */
    static String neededText(CapacityAdvice a) {
        if (a.targetReachable()) {
            return Integer.toString(a.workersNeeded());
        }
        return a.workersNeeded() == 0 ? "" : String.format(Locale.ROOT, "more than %,d (the pool's limit)",
                PoolConfig.WORKER_LIMIT);
    }

    /** A level sampled at each snapshot, with its standard error once there are two: "0.30 ± 0.09". */
    static String sampled(double mean, double error) {
        return Double.isNaN(error) ? number(mean) : number(mean) + " ± " + number(error);
    }

    /**
     * Three significant figures or so, never in scientific notation (a classroom reads "0.0523", not
     * "5.23e-02"): 0.0523, 0.431, 2.15, 12.3, 1,204; below 0.001 "< 0.001".
     */
    static String number(double v) {
        return plain(v, 0.001);
    }

    /** Seconds as milliseconds: "0.0523 ms", "12.3 ms"; below a microsecond "< 0.001 ms". */
    static String millis(double seconds) {
        return Double.isNaN(seconds) ? "—" : Double.isInfinite(seconds) ? "∞ (overloaded)"
                : plain(seconds * 1e3, 0.001) + " ms";
    }

    /** A fraction as a percent: "7.12 %", "0.0294 %"; below a hundredth of a percent "< 0.01 %". */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "—" : Double.isInfinite(fraction) ? "∞"
                : plain(fraction * 100, 0.01) + " %";
    }

    /** Three significant figures in plain digits; a non-zero value under {@code floor} reads "< floor". */
    private static String plain(double v, double floor) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return "∞";
        }
        double a = Math.abs(v);
        if (v > 0 && v < floor) {
            return "< " + BigDecimal.valueOf(floor).toPlainString();
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        BigDecimal three = new BigDecimal(v).round(new MathContext(3));
        // An exact 0.5 has one digit: pad it to "0.500", as the larger figures' "2.00" are padded.
        return three.setScale(three.scale() + Math.max(0, 3 - three.precision())).toPlainString();
    }
}
