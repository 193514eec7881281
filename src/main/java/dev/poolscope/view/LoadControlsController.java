package dev.poolscope.view;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.poolscope.load.Arrivals;
import dev.poolscope.load.LoadSettings;
import dev.poolscope.load.Scenario;
import dev.poolscope.load.ServiceTime;
import dev.poolscope.model.Lab;
import dev.poolscope.model.LoadModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/** Binds the load generator's controls to the {@link LoadModel}. */
public final class LoadControlsController {

    @FXML private ComboBox<Scenario> scenarioBox;
    @FXML private Label scenarioDescription;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button stopButton;
    @FXML private Button resetButton;
    @FXML private Label rateValue;
    @FXML private Slider rateSlider;
    @FXML private ComboBox<Arrivals> arrivalsBox;
    @FXML private ComboBox<ServiceTime> serviceBox;
    @FXML private Spinner<Double> meanSpinner;
    @FXML private Slider failureSlider;
    @FXML private Slider hangSlider;
    @FXML private TextField typeMixField;
    @FXML private Label generatedLabel;

    private LoadModel model;

    /**
     * Binds the controls; Start stays off while the pool is not running (it would only feed drops). A typed value
     * the load refuses goes to {@code complain}.
     */
    void init(LoadModel load, ObservableValue<Lab.Phase> poolPhase, Consumer<String> complain) {
        model = load;
        scenarioBox.getItems().setAll(Scenario.values());
        scenarioBox.setConverter(named(Scenario::displayName));
        scenarioBox.valueProperty().bindBidirectional(load.scenarioProperty());
        scenarioDescription.textProperty().bind(Bindings.createStringBinding(
                () -> load.scenarioProperty().get() == null ? "" : load.scenarioProperty().get().description(),
                load.scenarioProperty()));

        bindLogRate(load);
        arrivalsBox.getItems().setAll(Arrivals.values());
        arrivalsBox.setConverter(named(a -> capitalized(a.name())));
        RefusableBinding.bind(arrivalsBox.valueProperty(), load.arrivalsProperty());
        serviceBox.getItems().setAll(ServiceTime.values());
        serviceBox.setConverter(named(s -> capitalized(s.name())));
        RefusableBinding.bind(serviceBox.valueProperty(), load.serviceTimeProperty());
        meanSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0,
                LoadSettings.MAX_MEAN_SERVICE_TIME.toMillis(), load.meanServiceMillisProperty().get(), 1));
        SpinnerText.decimals(meanSpinner, "Mean", "ms", complain);
        RefusableBinding.bind(meanSpinner.getValueFactory().valueProperty(), load.meanServiceMillisProperty());
        failureSlider.valueProperty().bindBidirectional(load.failurePercentProperty());
        hangSlider.valueProperty().bindBidirectional(load.hangPercentProperty());
        Runnable showMix = () -> typeMixField.setText(load.typeMixProperty().get());
        load.typeMixProperty().addListener((o, a, b) -> showMix.run());
        showMix.run();
        typeMixField.setOnAction(e -> {
            load.typeMixProperty().set(typeMixField.getText());
            showMix.run();
        });

        startButton.disableProperty().bind(load.statusProperty().isEqualTo(LoadModel.Status.RUNNING)
                .or(Bindings.createBooleanBinding(() -> poolPhase.getValue() != Lab.Phase.RUNNING, poolPhase)));
        pauseButton.disableProperty().bind(load.statusProperty().isNotEqualTo(LoadModel.Status.RUNNING));
        stopButton.disableProperty().bind(load.statusProperty().isEqualTo(LoadModel.Status.STOPPED));
        generatedLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.format("Generated %,d%nnow aiming at %s/s", load.generatedProperty().get(),
                        Format.rate(load.currentRateProperty().get())),
                load.generatedProperty(), load.currentRateProperty()));
    }

    /** The rate slider is log10 of the rate, so one slider spans 1 to 1,000,000 requests/s. */
    private void bindLogRate(LoadModel load) {
        Runnable show = () -> {
            double rate = load.ratePerSecondProperty().get();
            rateSlider.setValue(Math.log10(rate));
            rateValue.setText(Format.rate(rate) + " requests/s");
        };
        load.ratePerSecondProperty().addListener((o, a, b) -> show.run());
        show.run();
        rateSlider.valueProperty().addListener((o, a, b) -> {
            double rate = Math.round(Math.pow(10, b.doubleValue()));
            if (Math.abs(rate - load.ratePerSecondProperty().get()) >= 1) {
                load.ratePerSecondProperty().set(Math.max(1, rate));
            }
        });
        rateSlider.setLabelFormatter(LogScale.labels());
    }

    @FXML
    private void start() {
        model.start();
    }

    @FXML
    private void pause() {
        model.pause();
    }

    @FXML
    private void stop() {
        model.stop();
    }

    @FXML
    private void reset() {
        model.resetCounters();
    }

    private static String capitalized(String constant) {
        return constant.charAt(0) + constant.substring(1).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }
}
