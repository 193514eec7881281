package dev.poolscope.view;

import java.util.Locale;
import java.util.function.Consumer;

import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.LatencyShape;
import dev.poolscope.model.BackendModel;
import dev.poolscope.model.BackendSample;
import dev.poolscope.model.Sample;
import javafx.beans.property.IntegerProperty;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * Binds the HTTP backend's controls to the {@link BackendModel}. Each spinner spans what the backend accepts, so a
 * value typed outside it is refused with the true range; the model refuses what depends on another setting (a 503
 * limit below the concurrency limit), and the control snaps back.
 */
public final class BackendControlsController {

    @FXML private ComboBox<LatencyShape> backendShapeBox;
    @FXML private Spinner<Integer> backendMeanSpinner;
    @FXML private Spinner<Double> backendErrorSpinner;
    @FXML private Spinner<Integer> backendLimitSpinner;
    @FXML private Spinner<Integer> backendRejectSpinner;
    @FXML private Tooltip meanTip;
    @FXML private Tooltip limitTip;
    @FXML private Tooltip rejectTip;
    @FXML private Label inForceLabel;

    private BackendModel model;

    void init(BackendModel backend, Consumer<String> complain) {
        model = backend;
        backendShapeBox.getItems().setAll(LatencyShape.values());
        backendShapeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(LatencyShape s) {
                return s == null ? "" : shapeName(s);
            }

            @Override
            public LatencyShape fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        });
        backendShapeBox.valueProperty().bindBidirectional(backend.shapeProperty());
        integers(backendMeanSpinner, backend.meanMillisProperty(), 0, (int) BackendSettings.MAX_MEAN_LATENCY.toMillis(),
                5, "Mean latency", "ms", complain);
        integers(backendLimitSpinner, backend.concurrencyLimitProperty(), 1, BackendSettings.MAX_LIMIT, 1,
                "Concurrency limit", "", complain);
        integers(backendRejectSpinner, backend.rejectLimitProperty(), 1, BackendSettings.MAX_LIMIT, 1, "503 limit",
                "", complain);
        backendErrorSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 100,
                backend.errorPercentProperty().get(), 1));
        SpinnerText.decimals(backendErrorSpinner, "Errors", "%", complain);
        RefusableBinding.bind(backendErrorSpinner.getValueFactory().valueProperty(), backend.errorPercentProperty());
        meanTip.setText(String.format("Mean latency of a call without load (0 to %,d ms). Busy workers needed ≈ "
                + "rate × mean latency.", BackendSettings.MAX_MEAN_LATENCY.toMillis()));
        limitTip.setText("Calls in flight the backend serves at full speed (1 to the 503 limit). Above it every "
                + "call slows by (in flight / limit)², so more workers get less done.");
        rejectTip.setText(String.format("Calls in flight above which the backend sheds load with an instant 503 "
                + "(the concurrency limit to %,d).", BackendSettings.MAX_LIMIT));
        showInForce(null);
    }

    /** Says what the backend does right now: its load against its limits, and a scenario's step if one is on. */
    void showInForce(Sample latest) {
        BackendSample b = latest == null ? null : latest.backend();
        if (b == null) {
            inForceLabel.setText("Not running: Start the load to start the backend.");
            return;
        }
        BackendSettings base = model.settings();
        BackendSettings now = b.inForce();
        String step = base == null || (now.meanLatency().equals(base.meanLatency())
                && now.errorRate() == base.errorRate()) ? ""
                : String.format(Locale.ROOT, "%nScenario step now: mean %,d ms, %.0f%% errors",
                now.meanLatency().toMillis(), now.errorRate() * 100);
        inForceLabel.setText(String.format("Now %,d in flight (full speed to %,d, 503 above %,d)%s", b.inFlight(),
                now.concurrencyLimit(), now.rejectLimit(), step));
    }

    static String shapeName(LatencyShape s) {
        return switch (s) {
            case CONSTANT -> "Constant";
            case LOG_NORMAL -> "Log-normal";
            case HEAVY_TAILED -> "Heavy-tailed";
        };
    }

    private static void integers(Spinner<Integer> spinner, IntegerProperty property, int min, int max, int step,
                                 String label, String unit, Consumer<String> complain) {
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, property.get(), step));
        SpinnerText.integers(spinner, label, unit, complain);
        RefusableBinding.bind(spinner.getValueFactory().valueProperty(), property);
    }
}
