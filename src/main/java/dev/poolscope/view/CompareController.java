package dev.poolscope.view;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.poolscope.compare.Score;
import dev.poolscope.compare.Side;
import dev.poolscope.load.LoadSettings;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Comparison;
import dev.poolscope.model.Lab;
import dev.poolscope.model.Sample;
import dev.poolscope.model.ScreenWords;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The A/B window's controller: the shared load's controls, each side's settings, the paired charts and the score
 * table, all redrawn on the {@link Comparison}'s tick.
 */
public final class CompareController {

    /** Most points drawn per line, as on the dashboard. */
    static final int MAX_POINTS = ChartsController.MAX_POINTS;

    @FXML private BorderPane root;
    @FXML private ComboBox<Scenario> scenarioBox;
    @FXML private Spinner<Integer> rateSpinner;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button stopButton;
    @FXML private ComboBox<ChartWindow> windowBox;
    @FXML private LineChart<Number, Number> workersChart;
    @FXML private LineChart<Number, Number> queueChart;
    @FXML private LineChart<Number, Number> waitChart;
    @FXML private VBox scorePane;
    @FXML private VBox sidebar;
    @FXML private Label statusLabel;
    @FXML private Label sameLoadLabel;
    @FXML private CompareSideController sideAController;
    @FXML private CompareSideController sideBController;

    private Comparison comparison;
    private Map<Side, CompareSideController> sides;
    private List<PairChart> charts;
    private ScoreTable scoreTable;
    // The last refusal, shown until the next accepted change or phase change.
    private String complaint;

    /** Connects the view to {@code model}; call once, on the FX thread. */
    void init(Comparison model) {
        comparison = model;
        // As the dashboard's: 24 em, but no more than about a third of the window under Projector and zoom.
        SidePanelWidth.cap(sidebar, 24, FontScale.of(root), root.widthProperty());
        keepSidebarTextWhole();
        sides = Map.of(Side.A, sideAController, Side.B, sideBController);
        sides.forEach((side, controller) -> controller.init(side, model.lab(side).settings(),
                message -> complain(side + ": " + ScreenWords.of(message))));
        for (Side side : Side.values()) {
            Lab lab = model.lab(side);
            lab.settings().lastRefusalProperty().addListener((o, a, msg) -> {
                if (msg != null) {
                    complain(side + ": " + ScreenWords.of(msg));
                }
            });
            lab.settings().lastChangeProperty().addListener((o, a, b) -> complain(null));
            lab.sourceProperty().addListener((o, a, b) -> charts.forEach(PairChart::reset));
        }
        bindLoad();
        buildCharts();
        scoreTable = new ScoreTable(scorePane);
        windowBox.getItems().setAll(ChartWindow.values());
        windowBox.setValue(ChartWindow.MINUTE_1);
        windowBox.valueProperty().addListener((o, a, b) -> redraw());
        model.phaseProperty().addListener((o, a, b) -> {
            complaint = null;
            showPhase();
        });
        model.problemProperty().addListener((o, a, msg) -> complain(ScreenWords.of(msg)));
        showPhase();
        model.onTick(this::redraw);
    }

    /**
     * A one-line label or a choice in the narrowed side panel scrolls it sideways rather than ending in "…", as on
     * the dashboard. The controls' skins exist only after the first CSS pass, so this runs after it.
     */
    private void keepSidebarTextWhole() {
        Platform.runLater(() -> {
            sidebar.applyCss();
            for (Node n : sidebar.lookupAll("*")) {
                if (n instanceof Labeled l && !l.isWrapText()
                        && !(l.getParent() instanceof Control)
                        || n instanceof ComboBox<?>) {
                    ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
                }
            }
        });
    }

    private void bindLoad() {
        scenarioBox.getItems().setAll(Arrays.stream(Scenario.values()).filter(Comparison::feedsBoth)
                .toList());
        scenarioBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scenario s) {
                return s == null ? "" : s.displayName();
            }

            @Override
            public Scenario fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        scenarioBox.valueProperty().bindBidirectional(comparison.scenarioProperty());
        scenarioBox.setTooltip(new Tooltip(comparison.scenarioProperty().get().description()));
        comparison.scenarioProperty().addListener((o, a, s) -> scenarioBox.setTooltip(
                new Tooltip(s.description())));
        rateSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory((int) LoadSettings.MIN_RATE,
                (int) LoadSettings.MAX_RATE, (int) Math.round(comparison.ratePerSecondProperty().get()), 50));
        SpinnerText.integers(rateSpinner, "Rate", "req/s", this::complain);
        rateSpinner.valueProperty().addListener((o, a, rate) -> comparison.ratePerSecondProperty().set(rate));
        comparison.ratePerSecondProperty().addListener((o, a, rate) ->
                rateSpinner.getValueFactory().setValue((int) Math.round(rate.doubleValue())));
    }

    private void buildCharts() {
        PairChart workers = new PairChart(workersChart, true);
        PairChart queue = new PairChart(queueChart, false);
        PairChart wait = new PairChart(waitChart, false);
        for (Side side : Side.values()) {
            String s = side.name().toLowerCase(Locale.ROOT);
            workers.line(side + " workers", s + "-size", side, x -> x.snapshot().poolSize());
            workers.line(side + " desired", s + "-desired", side, Sample::desiredWorkers);
            queue.line(side + " queued", s + "-size", side, x -> x.snapshot().queued());
            wait.line(side + " wait p99", s + "-size", side, x -> LiveChart.p99Millis(x.snapshot().queueWait()));
        }
        charts = List.of(workers, queue, wait);
    }

    private void redraw() {
        Map<Side, List<Sample>> windows = new EnumMap<>(Side.class);
        Map<Side, Sample> latest = new EnumMap<>(Side.class);
        Map<Side, String> policies = new EnumMap<>(Side.class);
        double seconds = windowBox.getValue().seconds;
        for (Side side : Side.values()) {
            Lab lab = comparison.lab(side);
            windows.put(side, lab.history().window(seconds, MAX_POINTS));
            latest.put(side, lab.history().latest());
            policies.put(side, lab.settings().scalingPolicyProperty().get().name());
            sides.get(side).show(lab.history().latest());
        }
        charts.forEach(chart -> chart.redraw(windows, seconds));
        Map<Side, Score> scores = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            scores.put(side, comparison.score(side));
        }
        scoreTable.show(scores, comparison.verdictProperty().get(), policies);
        sameLoadLabel.setText(String.format("Same load: %,d requests sent to each pool",
                comparison.generatedProperty().get()));
        showPhase();
    }

    private void showPhase() {
        Comparison.Phase phase = comparison.phaseProperty().get();
        startButton.setDisable(phase == Comparison.Phase.RUNNING || phase == Comparison.Phase.STOPPING);
        startButton.setText(phase == Comparison.Phase.PAUSED ? "Resume" : phase == Comparison.Phase.STOPPED
                ? "Start again" : "Start");
        pauseButton.setDisable(phase != Comparison.Phase.RUNNING);
        stopButton.setDisable(phase != Comparison.Phase.RUNNING && phase != Comparison.Phase.PAUSED);
        boolean editable = phase != Comparison.Phase.STOPPING && phase != Comparison.Phase.STOPPED;
        sides.values().forEach(side -> side.setEditable(editable));
        statusLabel.getStyleClass().remove("status-error");
        if (complaint != null) {
            statusLabel.setText("⚠ " + complaint);
            statusLabel.getStyleClass().add("status-error");
            return;
        }
        statusLabel.setText(switch (phase) {
            case READY -> "Ready: Start feeds both pools the same load; any setting may differ between A and B.";
            case RUNNING -> "Running: each request is drawn once and sent to both pools; settings apply at once.";
            case PAUSED -> "Paused: the load is held; the pools keep running and the score keeps counting.";
            case STOPPING -> "Stopping: the load has ended and the score is frozen; both pools drain.";
            case STOPPED -> "Stopped: both pools and the load have ended. Start again runs fresh pools with these "
                    + "settings.";
        });
    }

    /** A refusal or failure, in the screen's words; it stays until the next accepted change. */
    private void complain(String message) {
        complaint = message;
        showPhase();
    }

    @FXML
    private void start() {
        comparison.start();
    }

    @FXML
    private void pause() {
        comparison.pause();
    }

    @FXML
    private void stop() {
        comparison.stop();
    }

    /** The model behind the window. */
    public Comparison comparison() {
        return comparison;
    }
}
