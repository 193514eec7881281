package dev.poolscope.view;

import java.util.function.Consumer;

import org.controlsfx.control.RangeSlider;

import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ScalingPolicy;
import dev.poolscope.model.PoolSettingsModel;
import dev.poolscope.model.Sample;
import javafx.beans.property.IntegerProperty;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
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
    @FXML private Label scalingSettings;
    @FXML private Label scalingReason;

    void init(PoolSettingsModel model, Consumer<String> complain) {
        bindWorkers(model);
        bindThreshold(model, complain);
        bindSpinner(capacitySpinner, model.queueCapacityProperty(), 0, 20_000_000, 100,
                "queueCapacity", complain);
        bindSpinner(timeoutSpinner, model.requestTimeoutMillisProperty(), 0, 3_600_000, 50,
                "requestTimeout (ms)", complain);
        bindSpinner(retriesSpinner, model.maxRetriesProperty(), 0, 1_000, 1, "maxRetries",
                complain);
        bindSpinner(tickSpinner, model.scalingTickMillisProperty(), 0, 600_000, 10,
                "scalingTick (ms)", complain);
        policyBox.getItems().setAll(OverflowPolicy.values());
        policyBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(OverflowPolicy p) {
                return p == null ? "" : p.name().charAt(0) + p.name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            }

            @Override
            public OverflowPolicy fromString(String s) {
                return OverflowPolicy.valueOf(s.toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
            }
        });
        policyBox.valueProperty().bindBidirectional(model.overflowPolicyProperty());
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
        scalingBox.valueProperty().bindBidirectional(model.scalingPolicyProperty());
        Runnable show = () -> {
            ScalingPolicy p = model.scalingPolicyProperty().get();
            scalingSettings.setText(p == null ? "" : p.settings());
            scalingBox.setTooltip(p == null ? null : new Tooltip(p.summary()));
        };
        model.scalingPolicyProperty().addListener((o, a, b) -> show.run());
        show.run();
    }

    private void bindWorkers(PoolSettingsModel model) {
        workersSlider.setMax(Math.max(SLIDER_MAX_WORKERS, model.maxWorkersProperty().get()));
        // The thumbs move in fractions; the model keeps whole workers and the binding snaps the thumbs back.
        workersSlider.highValueProperty().bindBidirectional(model.maxWorkersProperty());
        workersSlider.lowValueProperty().bindBidirectional(model.minWorkersProperty());
        Runnable show = () -> workersValue.setText(model.minWorkersProperty().get() + " – "
                + model.maxWorkersProperty().get());
        model.minWorkersProperty().addListener((o, a, b) -> show.run());
        model.maxWorkersProperty().addListener((o, a, b) -> show.run());
        show.run();
    }

    private void bindThreshold(PoolSettingsModel model, Consumer<String> complain) {
        IntegerProperty threshold = model.loadThresholdProperty();
        Runnable show = () -> {
            int v = threshold.get();
            if (v > thresholdSlider.getMax()) {
                thresholdSlider.setMax(Math.pow(10, Math.ceil(Math.log10(v))));
            }
            thresholdSlider.setValue(v);
            thresholdField.setText(Integer.toString(v));
        };
        threshold.addListener((o, a, b) -> show.run());
        show.run();
        thresholdSlider.valueProperty().addListener((o, a, b) -> {
            int v = (int) Math.round(b.doubleValue());
            if (v != threshold.get()) {
                threshold.set(v);
            }
        });
        Runnable commitField = () -> {
            String text = thresholdField.getText().replace(",", "").trim();
            try {
                threshold.set(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                complain.accept("loadThreshold = \"" + thresholdField.getText() + "\" is not a whole number");
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

    private static void bindSpinner(Spinner<Integer> spinner, IntegerProperty property, int min, int max, int step,
                                    String field, Consumer<String> complain) {
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, property.get(), step));
        SpinnerText.integers(spinner, field, complain);
        RefusableBinding.bind(spinner.getValueFactory().valueProperty(), property);
    }
}
