package dev.poolscope.view;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.poolscope.compare.PolicyTarget;
import dev.poolscope.compare.Side;
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
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * One side's settings in the A/B window, bound to that side's {@link PoolSettingsModel}: every change goes to the
 * running pool at once, and a refused one snaps back with the reason (prefixed with the side) in the status line.
 */
public final class CompareSideController {

    @FXML private VBox sidePane;
    @FXML private Label sideBadge;
    @FXML private Label sideTitle;
    @FXML private GridPane form;
    @FXML private ComboBox<ScalingPolicy> scalingBox;
    @FXML private Label targetLabel;
    @FXML private TextField targetField;
    @FXML private Spinner<Integer> minSpinner;
    @FXML private Spinner<Integer> maxSpinner;
    @FXML private Spinner<Integer> capacitySpinner;
    @FXML private ComboBox<OverflowPolicy> overflowBox;
    @FXML private Label policySettings;
    @FXML private Label lastDecision;

    private PoolSettingsModel model;
    private Consumer<String> complain;

    void init(Side side, PoolSettingsModel settings, Consumer<String> complaints) {
        model = settings;
        complain = complaints;
        String lower = side.name().toLowerCase(Locale.ROOT);
        sidePane.getStyleClass().add("side-" + lower);
        sideBadge.setText(side.name());
        sideBadge.getStyleClass().add("side-" + lower);
        sideTitle.getStyleClass().add("side-" + lower);
        scalingBox.setId("scaling" + side);
        targetField.setId("target" + side);
        minSpinner.setId("min" + side);
        maxSpinner.setId("max" + side);
        capacitySpinner.setId("capacity" + side);
        overflowBox.setId("overflow" + side);
        bindScaling();
        bindTarget();
        bindSpinner(minSpinner, model.minWorkersProperty(), 1, PoolConfig.WORKER_LIMIT, 1, "Min workers");
        bindSpinner(maxSpinner, model.maxWorkersProperty(), 1, PoolConfig.WORKER_LIMIT, 1, "Max workers");
        bindSpinner(capacitySpinner, model.queueCapacityProperty(), 1, PoolConfig.CAPACITY_LIMIT, 100,
                "Queue capacity");
        overflowBox.getItems().setAll(OverflowPolicy.values());
        overflowBox.setConverter(named(p -> capitalized(p.name())));
        RefusableBinding.bind(overflowBox.valueProperty(), model.overflowPolicyProperty());
    }

    /** The form is off while the pools are not running (a stopped pool takes no settings). */
    void setEditable(boolean editable) {
        form.setDisable(!editable);
    }

    /** Shows the policy's latest decision, so its reasoning is readable without hovering. */
    void show(Sample latest) {
        String reason = latest == null ? "" : latest.scalingReason();
        lastDecision.setText(reason.isEmpty() ? "" : "Last decision: " + reason);
    }

    private void bindScaling() {
        scalingBox.getItems().setAll(ScalingPolicy.NAMES.stream().map(ScalingPolicy::withDefaults).toList());
        scalingBox.setConverter(named(p -> p.name()));
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
            sideTitle.setText(p == null ? "" : p.name());
            policySettings.setText(p == null ? "" : p.settings());
            scalingBox.setTooltip(p == null ? null : new Tooltip(p.summary()));
        };
        model.scalingPolicyProperty().addListener((o, a, b) -> show.run());
        show.run();
    }

    /** One field for the policy's target; its label and value follow the policy in force. */
    private void bindTarget() {
        Runnable show = () -> {
            PoolConfig c = model.config();
            targetLabel.setText(PolicyTarget.label(c.scalingPolicy()));
            targetField.setText(PolicyTarget.text(c));
        };
        model.scalingPolicyProperty().addListener((o, a, b) -> show.run());
        model.loadThresholdProperty().addListener((o, a, b) -> show.run());
        show.run();
        Runnable commit = () -> {
            String typed = targetField.getText().replace(",", "").trim();
            PoolConfig c = model.config();
            if (typed.equals(PolicyTarget.text(c))) {
                return;
            }
            try {
                PoolConfig next = PolicyTarget.with(c, Double.parseDouble(typed));
                if (next.loadThreshold() != c.loadThreshold()) {
                    model.loadThresholdProperty().set(next.loadThreshold());
                } else {
                    model.scalingPolicyProperty().set(next.scalingPolicy());
                }
            } catch (NumberFormatException e) {
                String label = PolicyTarget.label(c.scalingPolicy());
                complain.accept((typed.isEmpty() ? label + " is empty: " : label + " \"" + targetField.getText()
                        + "\" is not a number: ") + PolicyTarget.allowed(c));
            } catch (IllegalArgumentException refused) {
                complain.accept(refused.getMessage());
            }
            show.run();
        };
        targetField.setOnAction(e -> commit.run());
        targetField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
    }

    private void bindSpinner(Spinner<Integer> spinner, IntegerProperty property, int min,
                             int max, int step, String label) {
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, property.get(), step));
        SpinnerText.integers(spinner, label, "", complain);
        RefusableBinding.bind(spinner.getValueFactory().valueProperty(), property);
    }

    private static String capitalized(String enumName) {
        return enumName.charAt(0) + enumName.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
