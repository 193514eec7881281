package dev.poolscope.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.model.BackendSample;
import dev.poolscope.model.EventLogModel;
import dev.poolscope.model.Lab;
import dev.poolscope.model.MetricHistory;
import dev.poolscope.model.PoolFigure;
import dev.poolscope.model.Sample;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;

/**
 * The five live charts of the pool and the event log, plus, while an HTTP scenario is picked, a row of the
 * backend's own charts (in flight against its limits; its 500s and 503s per second) and its p99 beside the pool's.
 */
public final class ChartsController {

    /** Most points drawn per line, whatever the window; ten minutes are decimated to this. */
    static final int MAX_POINTS = 300;

    @FXML private LineChart<Number, Number> queueChart;
    @FXML private LineChart<Number, Number> workersChart;
    @FXML private LineChart<Number, Number> troubleChart;
    @FXML private LineChart<Number, Number> throughputChart;
    @FXML private LineChart<Number, Number> latencyChart;
    @FXML private ListView<EventLogModel.Entry> eventLog;
    @FXML private GridPane grid;
    @FXML private LineChart<Number, Number> backendLoadChart;
    @FXML private LineChart<Number, Number> backendErrorsChart;

    private LiveChart queue;
    private LiveChart workers;
    private LiveChart trouble;
    private LiveChart throughput;
    private LiveChart latency;
    // The charts of figures the pool shown lacks: left empty, titled with why. FX-thread confined.
    private Map<LiveChart, String> absentCharts = Map.of();
    private XYChart.Series<Number, Number> thresholdLine;
    private XYChart.Series<Number, Number> shrinkLine;
    // True while the pool shown has no load threshold, so its lines are not drawn.
    private boolean thresholdAbsent;
    // True while the pool shown does not report its queue's capacity.
    private boolean capacityAbsent;
    private final Map<LineChart<Number, Number>, String> originalTitles = new HashMap<>();
    private Lab lab;
    private XYChart.Series<Number, Number> capacityLine;
    // The most requests queued at any sample of the window being drawn; FX-thread confined.
    private long peakQueuedInWindow;
    private ScalingMarkers markers;
    private LiveChart backendLoad;
    private LiveChart backendErrors;
    private XYChart.Series<Number, Number> backendP99Line;
    // True while the backend's charts are shown. FX-thread confined.
    private boolean backendShown;

    void init(Lab lab) {
        this.lab = lab;
        queue = new LiveChart(queueChart);
        queue.line("queued", "queued", s -> s.snapshot().queued());
        thresholdLine = queue.line("threshold", "threshold", s -> s.snapshot().config().loadThreshold());
        shrinkLine = queue.line("shrink band", "shrink-band", s -> s.snapshot().config().shrinkBelow());
        capacityLine = queue.line("capacity", "capacity", s -> capacityInScale(s.snapshot().queueCapacity()));

        workers = new LiveChart(workersChart).wholeNumbers();
        workers.line("pool size", "pool-size", s -> s.snapshot().poolSize());
        workers.line("busy", "busy", s -> s.snapshot().busyWorkers());
        workers.line("desired", "desired", Sample::desiredWorkers);
        workers.line("min", "min", s -> s.snapshot().config().minWorkers());
        workers.line("max", "max", s -> s.snapshot().config().maxWorkers());
        markers = new ScalingMarkers(workers.extraSeries("scaling event", "scaling-event"), () -> workersChart.getXAxis().getWidth());

        trouble = new LiveChart(troubleChart);
        trouble.line("retries/s", "retries", s -> s.rates().retriesPerSecond());
        trouble.line("drops/s", "drops", s -> s.rates().droppedPerSecond());
        trouble.line("timeouts/s", "timeouts", s -> s.rates().timedOutPerSecond());
        trouble.line("failures/s", "failures", s -> s.rates().failedPerSecond());

        throughput = new LiveChart(throughputChart);
        throughput.line("submitted/s", "submitted", s -> s.rates().submittedPerSecond());
        throughput.line("completed/s", "completed", s -> s.rates().completedPerSecond());

        latency = new LiveChart(latencyChart);
        latency.line("queue wait p99", "queue-wait", s -> LiveChart.p99Millis(s.snapshot().queueWait()));
        latency.line("run p99", "run-time", s -> LiveChart.p99Millis(s.snapshot().runTime()));
        backendP99Line = latency.line("backend p99", "backend-p99", s -> backend(s, BackendSample::p99Millis));
        latency.show(backendP99Line, false);

        backendLoad = new LiveChart(backendLoadChart).wholeNumbers();
        backendLoad.line("in flight", "backend-in-flight", s -> backend(s, BackendSample::inFlight));
        backendLoad.line("concurrency limit", "backend-limit", s -> backend(s, b -> b.inForce().concurrencyLimit()));
        backendLoad.line("503 limit", "backend-reject-limit", s -> backend(s, b -> b.inForce().rejectLimit()));
        backendErrors = new LiveChart(backendErrorsChart);
        // 500s and 503s split the backend's 5xx between them, so neither line hides behind the other.
        backendErrors.line("500/s (errors)", "backend-500", s -> backend(s, BackendSample::errorsPerSecond));
        backendErrors.line("503/s (shed)", "backend-503", s -> backend(s, BackendSample::rejectedPerSecond));

        eventLog.setItems(lab.log().entries());
        eventLog.setCellFactory(list -> new LogCell());
        lab.sourceProperty().addListener((o, a, b) -> startOver());
        lab.load().backend().availableProperty().addListener((o, a, b) -> showBackend());
        showBackend();
        keepChartsWhole();
    }

    /**
     * The grid is at least two columns of its widest cell's minimum (what a chart needs to keep its legend, see
     * LiveChart) and a row of the tallest cell's minimum per shown row, so a window too small for that scrolls (the
     * dashboard's centre) instead of laying the charts over one another.
     */
    private void keepChartsWhole() {
        List<Region> cells = grid.getChildren().stream()
                .filter(Region.class::isInstance).map(Region.class::cast)
                .toList();
        List<Observable> inputs = new ArrayList<>(List.of(grid.hgapProperty(),
                grid.vgapProperty(), grid.paddingProperty()));
        for (Region cell : cells) {
            inputs.addAll(List.of(cell.minWidthProperty(), cell.minHeightProperty(), cell.managedProperty()));
        }
        Observable[] on = inputs.toArray(Observable[]::new);
        grid.minWidthProperty().bind(Bindings.createDoubleBinding(() -> 2 * cells.stream()
                .filter(Node::isManaged).mapToDouble(c -> c.minWidth(-1)).max().orElse(0)
                + grid.getHgap() + grid.snappedLeftInset() + grid.snappedRightInset(), on));
        grid.minHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            int rows = backendLoadChart.isManaged() ? 4 : 3;
            double tallest = cells.stream().filter(Node::isManaged).mapToDouble(c -> c.minHeight(-1))
                    .max().orElse(0);
            return rows * tallest + (rows - 1) * grid.getVgap() + grid.snappedTopInset() + grid.snappedBottomInset();
        }, on));
    }

    /** The backend's row and p99 line show while an HTTP scenario is picked for the demo pool, and only then. */
    private void showBackend() {
        boolean shown = lab.load().backend().availableProperty().get() && !lab.sourceProperty().get().isRemote();
        if (shown == backendShown) {
            return;
        }
        backendShown = shown;
        for (LineChart<Number, Number> chart : List.of(backendLoadChart, backendErrorsChart)) {
            chart.setVisible(shown);
            chart.setManaged(shown);
        }
        List<RowConstraints> rows = grid.getRowConstraints();
        double each = 100.0 / (shown ? rows.size() : rows.size() - 1);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setPercentHeight(i == rows.size() - 1 && !shown ? 0 : each);
        }
        latency.show(backendP99Line, shown);
        backendLoad.reset();
        backendErrors.reset();
    }

    /** True while the backend's charts are on screen. */
    boolean backendShown() {
        return backendShown;
    }

    /** A backend figure of the sample, or no point (NaN) for a sample taken while no backend ran. */
    private static double backend(Sample s, ToDoubleFunction<BackendSample> figure) {
        return s.backend() == null ? Double.NaN : figure.applyAsDouble(s.backend());
    }

    /** A fresh pool starts a fresh view: no old lines, markers or axis ranges. */
    private void startOver() {
        for (LiveChart chart : List.of(queue, workers, trouble, throughput, latency)) {
            chart.reset();
        }
        markers.clear();
        queueChart.setTitle("Queue depth");
        workersChart.setTitle("Workers");
        showAbsent(lab.sourceProperty().get().absent());
        workersChart.getStyleClass().remove("capped");
        backendLoad.reset();
        backendErrors.reset();
        showBackend();
    }

    /** Charts of what the pool lacks stay empty, their titles saying why: never a line of made-up zeros. */
    private void showAbsent(Map<PoolFigure, String> absent) {
        Map<LiveChart, String> charts = new HashMap<>();
        absent(absent.get(PoolFigure.LATENCY), latency, latencyChart, charts);
        absent(absent.get(PoolFigure.THROUGHPUT), throughput, throughputChart, charts);
        absent(absent.get(PoolFigure.DROPS), trouble, troubleChart, charts);
        absentCharts = charts;
        thresholdAbsent = absent.containsKey(PoolFigure.LOAD_THRESHOLD);
        capacityAbsent = absent.containsKey(PoolFigure.QUEUE_CAPACITY);
    }

    private void absent(String why, LiveChart live, LineChart<Number, Number> chart, Map<LiveChart, String> charts) {
        String title = originalTitles.computeIfAbsent(chart, LineChart::getTitle);
        chart.setTitle(why == null ? title : "Not available: " + why);
        if (why != null) {
            charts.put(live, why);
        }
    }

    /** Redraws every chart over the last {@code windowSeconds} of history. */
    void redraw(MetricHistory history, double windowSeconds) {
        List<Sample> window = history.window(windowSeconds, MAX_POINTS);
        List<Sample> none = List.of();
        peakQueuedInWindow = window.stream().mapToLong(s -> s.snapshot().queued()).max().orElse(0);
        queue.redraw(window, windowSeconds);
        queue.show(thresholdLine, !thresholdAbsent);
        queue.show(shrinkLine, !thresholdAbsent);
        workers.redraw(window, windowSeconds);
        trouble.redraw(absentCharts.containsKey(trouble) ? none : window, windowSeconds);
        throughput.redraw(absentCharts.containsKey(throughput) ? none : window, windowSeconds);
        latency.redraw(absentCharts.containsKey(latency) ? none : window, windowSeconds);
        latency.show(backendP99Line, backendShown);
        if (backendShown) {
            redrawBackend(window, windowSeconds);
        }
        if (window.isEmpty()) {
            return;
        }
        PoolSnapshot last = window.get(window.size() - 1).snapshot();
        boolean capacityShown = !capacityAbsent && capacityIsNear(peakQueuedInWindow, last.queueCapacity());
        queue.show(capacityLine, !capacityLine.getData().isEmpty());
        queueChart.setTitle(capacityAbsent ? "Queue depth" : String.format(capacityShown ? "Queue depth · capacity %,d"
                : "Queue depth · capacity %,d (off scale)", last.queueCapacity()));
        boolean capped = CappedAtMax.holds(last);
        workersChart.setTitle(capped ? String.format("Workers · capped at max %,d", last.config().maxWorkers())
                : "Workers");
        workersChart.getStyleClass().remove("capped");
        if (capped) {
            workersChart.getStyleClass().add("capped");
        }
        markers.redraw(history.markers(windowSeconds), windowSeconds);
    }

    /**
     * Draws the backend's charts; samples taken while no backend ran (before Start, after Stop) have no points,
     * so no line ever falls to a made-up zero, and the titles say why the charts are empty.
     */
    private void redrawBackend(List<Sample> window, double windowSeconds) {
        boolean running = !window.isEmpty() && window.get(window.size() - 1).backend() != null;
        backendLoad.redraw(window, windowSeconds);
        backendErrors.redraw(window, windowSeconds);
        String idle = running ? "" : " · not running (Start the load)";
        backendLoadChart.setTitle("Backend in flight" + idle);
        backendErrorsChart.setTitle("Backend 500s and 503s" + idle);
        backendLoadChart.getStyleClass().remove("capped");
        if (running) {
            BackendSample last = window.get(window.size() - 1).backend();
            if (last.inFlight() > last.inForce().concurrencyLimit()) {
                backendLoadChart.getStyleClass().add("capped");
                backendLoadChart.setTitle(String.format("Backend in flight · %,d, over its limit of %,d",
                        last.inFlight(), last.inForce().concurrencyLimit()));
            }
        }
    }

    /**
     * The capacity at one sample, or no point there (NaN) when it is off scale: more than twice the highest queue
     * of the window. The y axis fits what is drawn, so a capacity segment drawn at 2,000 would hold the axis at
     * 0–2,500 for as long as it stays in the window, and a queue kept under a capacity lowered to 60 would be a
     * flat line at the bottom. Someone watching the queue wants the queue's scale: the capacity shows where it
     * bounds the queue (after it was lowered, say) and leaves a gap where it was far above it.
     */
    private double capacityInScale(long capacity) {
        return !capacityAbsent && capacityIsNear(peakQueuedInWindow, capacity) ? capacity : Double.NaN;
    }

    /**
     * The capacity line is drawn, at its true value, only once the queue has come within half of it; otherwise
     * it would squash the queue and the threshold into the bottom pixels of the chart, and the title says the
     * capacity is off scale instead.
     */
    static boolean capacityIsNear(long peakQueued, long capacity) {
        return peakQueued * 2 >= capacity;
    }

    private static final class LogCell extends ListCell<EventLogModel.Entry> {
        @Override
        protected void updateItem(EventLogModel.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeIf(c -> c.startsWith("log-"));
            if (empty || entry == null) {
                setText(null);
            } else {
                setText(entry.toString());
                getStyleClass().add("log-" + entry.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
    }
}
