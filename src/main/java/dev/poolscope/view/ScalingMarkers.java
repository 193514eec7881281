package dev.poolscope.view;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.poolscope.model.MetricHistory;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Marks each scaling decision on the workers chart: a dot at the new pool size, green for growth, amber for
 * shrinking, with the reason on hover. Points are added and removed incrementally, so a marker's node (and
 * a tooltip being shown on it) survives redraws.
 */
final class ScalingMarkers {

    private final XYChart.Series<Number, Number> series;
    // Points now in the series, by event sequence, oldest first.
    private final Map<Long, XYChart.Data<Number, Number>> shown = new LinkedHashMap<>();

    ScalingMarkers(XYChart.Series<Number, Number> series) {
        this.series = series;
    }

    void redraw(List<MetricHistory.Marker> markers) {
        Set<Long> wanted = new HashSet<>();
        for (MetricHistory.Marker m : markers) {
            wanted.add(m.event().sequence());
        }
        shown.entrySet().removeIf(e -> {
            boolean gone = !wanted.contains(e.getKey());
            if (gone) {
                series.getData().remove(e.getValue());
            }
            return gone;
        });
        for (MetricHistory.Marker m : markers) {
            shown.computeIfAbsent(m.event().sequence(), seq -> {
                XYChart.Data<Number, Number> point = new XYChart.Data<>(m.seconds(), m.event().sizeAfter());
                point.setNode(marker(m));
                series.getData().add(point);
                return point;
            });
        }
    }

    /** Forgets every marker, e.g. when a fresh pool starts. */
    void clear() {
        shown.clear();
        series.getData().clear();
    }

    private static StackPane marker(MetricHistory.Marker m) {
        StackPane dot = new StackPane();
        dot.getStyleClass().add(m.event().isGrowth() ? "scale-up-marker" : "scale-down-marker");
        Tooltip tip = new Tooltip(m.event().reason() + "\n" + m.event().describe());
        tip.setShowDelay(Duration.millis(100));
        Tooltip.install(dot, tip);
        return dot;
    }
}
