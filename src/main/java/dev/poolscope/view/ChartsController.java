package dev.poolscope.view;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.model.EventLogModel;
import dev.poolscope.model.Lab;
import dev.poolscope.model.MetricHistory;
import dev.poolscope.model.PoolFigure;
import dev.poolscope.model.Sample;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The five live charts and the event log. */
public final class ChartsController {

    /** Most points drawn per line, whatever the window; ten minutes are decimated to this. */
    static final int MAX_POINTS = 300;

    @FXML private LineChart<Number, Number> queueChart;
    @FXML private LineChart<Number, Number> workersChart;
    @FXML private LineChart<Number, Number> troubleChart;
    @FXML private LineChart<Number, Number> throughputChart;
    @FXML private LineChart<Number, Number> latencyChart;
    @FXML private ListView<EventLogModel.Entry> eventLog;

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
    private ScalingMarkers markers;

    void init(Lab lab) {
        this.lab = lab;
        queue = new LiveChart(queueChart);
        queue.line("queued", "queued", s -> s.snapshot().queued());
        thresholdLine = queue.line("threshold", "threshold", s -> s.snapshot().config().loadThreshold());
        shrinkLine = queue.line("shrink band", "shrink-band", s -> s.snapshot().config().shrinkBelow());
        capacityLine = queue.line("capacity", "capacity", s -> s.snapshot().queueCapacity());

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
        latency.line("queue wait p99", "queue-wait", s -> s.snapshot().queueWait().p99Millis());
        latency.line("run p99", "run-time", s -> s.snapshot().runTime().p99Millis());

        eventLog.setItems(lab.log().entries());
        eventLog.setCellFactory(list -> new LogCell());
        lab.sourceProperty().addListener((o, a, b) -> startOver());
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
        queue.redraw(window, windowSeconds);
        queue.show(thresholdLine, !thresholdAbsent);
        queue.show(shrinkLine, !thresholdAbsent);
        workers.redraw(window, windowSeconds);
        trouble.redraw(absentCharts.containsKey(trouble) ? none : window, windowSeconds);
        throughput.redraw(absentCharts.containsKey(throughput) ? none : window, windowSeconds);
        latency.redraw(absentCharts.containsKey(latency) ? none : window, windowSeconds);
        if (window.isEmpty()) {
            return;
        }
        PoolSnapshot last = window.get(window.size() - 1).snapshot();
        long peak = window.stream().mapToLong(s -> s.snapshot().queued()).max().orElse(0);
        boolean capacityShown = !capacityAbsent && capacityIsNear(peak, last.queueCapacity());
        queue.show(capacityLine, capacityShown);
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
