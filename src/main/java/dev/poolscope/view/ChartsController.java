package dev.poolscope.view;

import java.util.List;

import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.model.EventLogModel;
import dev.poolscope.model.Lab;
import dev.poolscope.model.MetricHistory;
import dev.poolscope.model.Sample;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;

/** The five live charts and the event log. */
public final class ChartsController {

    /** Most points drawn per line, whatever the window; ten minutes are decimated to this. */
    static final int MAX_POINTS = 300;

    @FXML private GridPane grid;
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
    private XYChart.Series<Number, Number> capacityLine;
    private ScalingMarkers markers;

    void init(Lab lab) {
        queue = new LiveChart(queueChart);
        queue.line("queued", s -> s.snapshot().queued());
        queue.line("threshold", s -> s.snapshot().config().loadThreshold());
        queue.line("shrink band", s -> s.snapshot().config().shrinkBelow());
        capacityLine = queue.line("capacity", s -> s.snapshot().queueCapacity());

        workers = new LiveChart(workersChart);
        workers.line("pool size", s -> s.snapshot().poolSize());
        workers.line("busy", s -> s.snapshot().busyWorkers());
        workers.line("desired", Sample::desiredWorkers);
        workers.line("min", s -> s.snapshot().config().minWorkers());
        workers.line("max", s -> s.snapshot().config().maxWorkers());
        markers = new ScalingMarkers(workers.extraSeries("scaling event"));

        trouble = new LiveChart(troubleChart);
        trouble.line("retries/s", s -> s.rates().retriesPerSecond());
        trouble.line("drops/s", s -> s.rates().droppedPerSecond());
        trouble.line("timeouts/s", s -> s.rates().timedOutPerSecond());
        trouble.line("failures/s", s -> s.rates().failedPerSecond());

        throughput = new LiveChart(throughputChart);
        throughput.line("submitted/s", s -> s.rates().submittedPerSecond());
        throughput.line("completed/s", s -> s.rates().completedPerSecond());

        latency = new LiveChart(latencyChart);
        latency.line("queue wait p99", s -> s.snapshot().queueWait().p99Millis());
        latency.line("run p99", s -> s.snapshot().runTime().p99Millis());

        eventLog.setItems(lab.log().entries());
        eventLog.setCellFactory(list -> new LogCell());
        lab.dispatcherProperty().addListener((o, a, b) -> markers.clear());
    }

    /** Redraws every chart over the last {@code windowSeconds} of history. */
    void redraw(MetricHistory history, double windowSeconds) {
        List<Sample> window = history.window(windowSeconds, MAX_POINTS);
        queue.redraw(window, windowSeconds);
        workers.redraw(window, windowSeconds);
        trouble.redraw(window, windowSeconds);
        throughput.redraw(window, windowSeconds);
        latency.redraw(window, windowSeconds);
        if (!window.isEmpty()) {
            queueChart.setTitle(String.format("Queue depth (capacity %,d)",
                    window.get(window.size() - 1).snapshot().queueCapacity()));
        }
        if (!capacityMatters(window)) {
            queue.clear(capacityLine);
        }
        markers.redraw(history.markers(windowSeconds));
    }

    /**
     * The capacity line is drawn only once the queue comes near it; otherwise it would squash the queue and the
     * threshold into the bottom pixels of the chart. The chart title carries the capacity instead.
     */
    private boolean capacityMatters(List<Sample> window) {
        if (window.isEmpty()) {
            return false;
        }
        PoolSnapshot last = window.get(window.size() - 1).snapshot();
        long peak = window.stream().mapToLong(s -> s.snapshot().queued()).max().orElse(0);
        return peak * 4 >= last.queueCapacity();
    }

    /** The node holding all charts, for saving as PNG. */
    GridPane grid() {
        return grid;
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
                getStyleClass().add("log-" + entry.kind().name().toLowerCase().replace('_', '-'));
            }
        }
    }
}
