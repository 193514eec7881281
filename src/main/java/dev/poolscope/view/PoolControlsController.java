package dev.poolscope.view;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.controlsfx.control.RangeSlider;

import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ScalingPolicy;
import dev.poolscope.model.PolicyParameter;
import dev.poolscope.model.PoolFigure;
import dev.poolscope.model.PoolSettingsModel;
import dev.poolscope.model.Sample;
import dev.poolscope.model.ScreenNumber;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * Binds the pool controls to the {@link PoolSettingsModel}. Controls let the user try any value the widget can
 * express; the engine decides, and a refused value snaps back (the model resets the property) with the reason
 * in the status bar. View updates read the property's current value, not the listener's argument, because a
 * refusal resets the property from inside its own change notification.
 */
public final class PoolControlsController {

    /** The RangeSlider's span; the engine itself accepts up to {@link PoolConfig#WORKER_LIMIT}. */
    static final int SLIDER_MAX_WORKERS = 64;

    @FXML private RangeSlider workersSlider;
    @FXML private Label workersValue;
    @FXML private Slider thresholdSlider;
    @FXML private TextField thresholdField;
    @FXML private Spinner<Integer> capacitySpinner;
    @FXML private ComboBox<OverflowPolicy> policyBox;
    @FXML private Spinner<Integer> timeoutSpinner;
    @FXML private Spinner<Integer> retriesSpinner;
    @FXML private Spinner<Integer> tickSpinner;
    @FXML private ComboBox<ScalingPolicy> scalingBox;
    @FXML private Label scalingReason;
    @FXML private GridPane policyGrid;
    private PoolSettingsModel settings;
    private Consumer<String> complaints;
    private boolean writable = true;
    // Each control's own tooltip, put back when a pool that has the figure is shown again.
    private final Map<Control, Tooltip> ownTooltips = new HashMap<>();

    void init(PoolSettingsModel model, Consumer<String> complain) {
        settings = model;
        complaints = complain;
        bindWorkers(model);
        bindThreshold(model, complain);
        // Each spinner spans what the engine accepts, so a value typed outside it is refused with the true range.
        bindSpinner(capacitySpinner, model.queueCapacityProperty(), 1, PoolConfig.CAPACITY_LIMIT, 100,
                "Queue capacity", "", complain);
        bindSpinner(timeoutSpinner, model.requestTimeoutMillisProperty(), 0,
                (int) PoolConfig.DURATION_LIMIT.toMillis(), 50, "Timeout", "ms", complain);
        bindSpinner(retriesSpinner, model.maxRetriesProperty(), 0, PoolConfig.RETRY_LIMIT, 1, "Retries", "",
                complain);
        bindSpinner(tickSpinner, model.scalingTickMillisProperty(), (int) PoolConfig.MIN_SCALING_TICK.toMillis(),
                (int) PoolConfig.MAX_SCALING_TICK.toMillis(), 10, "Scaling tick", "ms", complain);
        policyBox.getItems().setAll(OverflowPolicy.values());
        policyBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(OverflowPolicy p) {
                return p == null ? "" : p.name().charAt(0) + p.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
            }

            @Override
            public OverflowPolicy fromString(String s) {
                return OverflowPolicy.valueOf(s.toUpperCase(Locale.ROOT).replace(' ', '_'));
            }
        });
        RefusableBinding.bind(policyBox.valueProperty(), model.overflowPolicyProperty());
        showLimits();
        bindScaling(model);
    }

    /** Shows the scaling policy's latest decision, so its reasoning is readable without hovering. */
    void showScaling(Sample latest) {
        scalingReason.setText(latest.scalingReason());
    }

    /** The five policies with their defaults; the one in force (perhaps tuned elsewhere) shows its own settings. */
    private void bindScaling(PoolSettingsModel model) {
        scalingBox.getItems().setAll(ScalingPolicy.NAMES.stream().map(ScalingPolicy::withDefaults).toList());
        scalingBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScalingPolicy p) {
                return p == null ? "" : p.name();
            }

            @Override
            public ScalingPolicy fromString(String s) {
                return ScalingPolicy.withDefaults(s);
            }
        });
        scalingBox.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ScalingPolicy p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
                setTooltip(empty || p == null ? null : new Tooltip(p.summary()));
            }
        });
        RefusableBinding.bind(scalingBox.valueProperty(), model.scalingPolicyProperty());
        Runnable show = () -> {
            ScalingPolicy p = model.scalingPolicyProperty().get();
            // The parameters have fields of their own below the box, so the panel stays short enough to show Load.
            scalingBox.setTooltip(p == null ? null : new Tooltip(p.summary()));
            showPolicyParameters(p);
        };
        model.scalingPolicyProperty().addListener((o, a, b) -> show.run());
        show.run();
    }

    /** One row per parameter of the policy in force: a field (or a box for a choice) and its unit. */
    private void showPolicyParameters(ScalingPolicy policy) {
        policyGrid.getChildren().clear();
        if (policy == null) {
            return;
        }
        int row = 0;
        for (PolicyParameter p : PolicyParameter.of(policy)) {
            Label label = new Label(p.label());
            label.getStyleClass().add("control-label");
            Control field = p.isChoice() ? choiceField(p) : numberField(p);
            field.setId("policy-" + p.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", ""));
            field.setDisable(!writable);
            HBox withUnit = new HBox(6, field, new Label(p.unit()));
            withUnit.setAlignment(Pos.CENTER_LEFT);
            policyGrid.addRow(row++, label, withUnit);
        }
    }

    private Control numberField(PolicyParameter p) {
        TextField field = new TextField(p.value());
        field.setPrefColumnCount(6);
        field.setTooltip(new Tooltip(p.label() + " of the " + settings.scalingPolicyProperty().get().name()
                + " policy; press Enter to apply."));
        Runnable commit = () -> {
            if (!field.getText().trim().equals(p.value())) {
                apply(p, field.getText());
            }
            field.setText(p.value());
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is && field.getScene() != null) {
                commit.run();
            }
        });
        return field;
    }

    private Control choiceField(PolicyParameter p) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(p.choices());
        box.setValue(p.value());
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(p.value())) {
                // After the popup has closed: applying rebuilds the rows, and this box with them.
                Platform.runLater(() -> apply(p, b));
            }
        });
        return box;
    }

    /** Sets the parameter; a value out of range is refused in the screen's words and nothing changes. */
    private void apply(PolicyParameter p, String text) {
        try {
            settings.scalingPolicyProperty().set(p.with(text));
        } catch (IllegalArgumentException refused) {
            complaints.accept(refused.getMessage());
        }
    }

    /**
     * Disables what the pool shown lacks (its tooltip says why, and so does its label, which stays enabled since a
     * disabled control shows no tooltip), and everything while the controls are {@code locked}: why they are (a
     * remote pool is read-only, the pool is stopped), or null when they may change the pool.
     */
    void showAccess(Map<PoolFigure, String> absent, String locked) {
        this.writable = locked == null;
        policyGrid.getChildren().stream().filter(n -> n instanceof HBox).forEach(n -> n.setDisable(!writable));
        scalingBox.setDisable(!writable);
        Map<Control, PoolFigure> figures = new LinkedHashMap<>();
        figures.put(workersSlider, PoolFigure.MIN_WORKERS);
        figures.put(thresholdSlider, PoolFigure.LOAD_THRESHOLD);
        figures.put(thresholdField, PoolFigure.LOAD_THRESHOLD);
        figures.put(capacitySpinner, PoolFigure.QUEUE_CAPACITY);
        figures.put(policyBox, PoolFigure.OVERFLOW_POLICY);
        figures.put(timeoutSpinner, PoolFigure.REQUEST_TIMEOUT);
        figures.put(retriesSpinner, PoolFigure.RETRIES);
        figures.put(tickSpinner, PoolFigure.SCALING_TICK);
        figures.forEach((control, figure) -> {
            ownTooltips.putIfAbsent(control, control.getTooltip());
            // The worker range stays: min and max exist everywhere, only the exact floor may not.
            String why = figure == PoolFigure.MIN_WORKERS ? null : absent.get(figure);
            control.setDisable(why != null || !writable);
            control.setTooltip(why != null ? new Tooltip("Not available: " + why) : !writable
                    ? new Tooltip(locked) : ownTooltips.get(control));
            control.getStyleClass().remove("absent");
            if (why != null) {
                control.getStyleClass().add("absent");
            }
            labelOf(control).ifPresent(label -> label.setTooltip(why != null ? new Tooltip("Not available: " + why)
                    : null));
        });
    }

    /** The label in the same grid row, or the row above for the threshold slider and field. */
    private static Optional<Label> labelOf(Control control) {
        if (control.getParent() instanceof GridPane grid) {
            Integer row = GridPane.getRowIndex(control);
            return grid.getChildren().stream().filter(n -> n instanceof Label
                            && Objects.equals(GridPane.getRowIndex(n), row))
                    .map(Label.class::cast).findFirst();
        }
        return Optional.empty();
    }

    private void bindWorkers(PoolSettingsModel model) {
        workersSlider.setMax(Math.max(SLIDER_MAX_WORKERS, model.maxWorkersProperty().get()));
        // Registered before the binding, so a remote pool's larger max (Tomcat's 200) widens the slider before the
        // thumb moves there, rather than the thumb being clamped to the old end.
        model.maxWorkersProperty().addListener((o, a, b) -> workersSlider.setMax(Math.max(workersSlider.getMax(),
                b.intValue())));
        // The thumbs move in fractions; the model keeps whole workers and the binding snaps the thumbs back.
        RefusableBinding.bindWhole(workersSlider.highValueProperty(), model.maxWorkersProperty());
        RefusableBinding.bindWhole(workersSlider.lowValueProperty(), model.minWorkersProperty());
        RangeSliderTabbing.install(workersSlider);
        Runnable show = () -> workersValue.setText(model.minWorkersProperty().get() + " – "
                + model.maxWorkersProperty().get());
        model.minWorkersProperty().addListener((o, a, b) -> show.run());
        model.maxWorkersProperty().addListener((o, a, b) -> show.run());
        show.run();
    }

    /**
     * The threshold slider is log10 of the threshold, so one slider spans the engine's whole range (1 to
     * {@link PoolConfig#THRESHOLD_LIMIT}) like the box beside it; arrow keys move about 12 %, Page Up/Down a
     * factor of ten, Home/End to the ends.
     */
    private void bindThreshold(PoolSettingsModel model, Consumer<String> complain) {
        IntegerProperty threshold = model.loadThresholdProperty();
        thresholdSlider.setMin(0);
        thresholdSlider.setMax(Math.log10(PoolConfig.THRESHOLD_LIMIT));
        thresholdSlider.setBlockIncrement(0.05);
        thresholdSlider.setMajorTickUnit(1);
        thresholdSlider.setMinorTickCount(0);
        thresholdSlider.setShowTickMarks(true);
        thresholdSlider.setLabelFormatter(LogScale.labels());
        Runnable show = () -> {
            int v = threshold.get();
            thresholdSlider.setValue(Math.log10(v));
            thresholdField.setText(Integer.toString(v));
        };
        threshold.addListener((o, a, b) -> show.run());
        show.run();
        thresholdSlider.valueProperty().addListener((o, a, b) -> {
            int v = (int) Math.max(1, Math.round(Math.pow(10, b.doubleValue())));
            if (v != threshold.get()) {
                threshold.set(v);
            }
        });
        thresholdSlider.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.PAGE_DOWN) {
                double step = e.getCode() == KeyCode.PAGE_UP ? 1 : -1;
                thresholdSlider.setValue(Math.max(thresholdSlider.getMin(),
                        Math.min(thresholdSlider.getMax(), thresholdSlider.getValue() + step)));
                e.consume();
            }
        });
        Runnable commitField = () -> {
            try {
                threshold.set((int) ScreenNumber.parseWhole("Load threshold", "", thresholdField.getText(), 1,
                        PoolConfig.THRESHOLD_LIMIT));
            } catch (IllegalArgumentException refused) {
                complain.accept(refused.getMessage());
            }
            show.run();
        };
        thresholdField.setOnAction(e -> commitField.run());
        thresholdField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitField.run();
            }
        });
    }

    /** Tooltips that quote the engine's own limits, so they cannot drift from what it accepts. */
    private void showLimits() {
        workersSlider.getTooltip().setText(String.format("The pool never has fewer workers than min nor more than "
                + "max (the engine allows up to %,d; this slider reaches %d). Raising min starts workers at once; "
                + "lowering max retires the surplus as each finishes its request.", PoolConfig.WORKER_LIMIT,
                SLIDER_MAX_WORKERS));
        thresholdField.getTooltip().setText(String.format("The exact threshold; press Enter to apply. The engine "
                + "accepts 1 to %,d.", PoolConfig.THRESHOLD_LIMIT));
        capacitySpinner.getTooltip().setText(String.format("Most requests that may wait (1 to %,d). Past it, the "
                + "overflow policy decides: a small queue drops early, a large one hides overload as waiting time.",
                PoolConfig.CAPACITY_LIMIT));
        timeoutSpinner.getTooltip().setText(String.format("How long one attempt may run before its worker is "
                + "interrupted (0 = no limit, at most %,d ms). Applies to every attempt that starts from now on, queued requests included.",
                PoolConfig.DURATION_LIMIT.toMillis()));
        retriesSpinner.getTooltip().setText(String.format("How often a failed or timed-out request is tried again "
                + "(0 to %d), with exponential backoff; waiting requests hold no worker.", PoolConfig.RETRY_LIMIT));
        tickSpinner.getTooltip().setText(String.format("How often the scaler compares the queue with the "
                + "threshold (%,d to %,d ms); it adds or retires at most one worker per tick.",
                PoolConfig.MIN_SCALING_TICK.toMillis(), PoolConfig.MAX_SCALING_TICK.toMillis()));
    }

    private static void bindSpinner(Spinner<Integer> spinner, IntegerProperty property, int min, int max, int step,
                                    String label, String unit, Consumer<String> complain) {
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, property.get(), step));
        SpinnerText.integers(spinner, label, unit, complain);
        RefusableBinding.bind(spinner.getValueFactory().valueProperty(), property);
    }
}
