package dev.poolscope.view;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;

import dev.poolscope.model.MetricHistory;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Marks scaling decisions on the workers chart: a dot at the new pool size, green for growth, purple for
 * shrinking, with the reason on hover. Decisions closer together than {@link #MIN_GAP_PX} pixels share one
 * marker ({@link ScalingRun}). Points are kept by their run's first decision, so a marker's node (and a tooltip
 * being shown on it) survives redraws while its run is unchanged.
 */
final class ScalingMarkers {

    /** Markers closer than this on screen are merged. */
    static final double MIN_GAP_PX = 12;

    private final XYChart.Series<Number, Number> series;
    private final DoubleSupplier plotWidthPx;
    // Points now in the series, by the sequence of their run's first event and the run's length.
    private final Map<String, XYChart.Data<Number, Number>> shown = new LinkedHashMap<>();

    ScalingMarkers(XYChart.Series<Number, Number> series, DoubleSupplier plotWidthPx) {
        this.series = series;
        this.plotWidthPx = plotWidthPx;
    }

    void redraw(List<MetricHistory.Marker> markers, double windowSeconds) {
        double gapSeconds = windowSeconds / Math.max(100, plotWidthPx.getAsDouble()) * MIN_GAP_PX;
        List<ScalingRun> runs = ScalingRun.merge(markers, gapSeconds);
        Set<String> wanted = new HashSet<>();
        for (ScalingRun r : runs) {
            wanted.add(key(r));
        }
        shown.entrySet().removeIf(e -> {
            boolean gone = !wanted.contains(e.getKey());
            if (gone) {
                series.getData().remove(e.getValue());
            }
            return gone;
        });
        for (ScalingRun r : runs) {
            shown.computeIfAbsent(key(r), k -> {
                XYChart.Data<Number, Number> point = new XYChart.Data<>(r.last().seconds(),
                        r.last().event().sizeAfter());
                point.setNode(marker(r));
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

    private static String key(ScalingRun r) {
        return r.first().event().sequence() + "+" + r.count();
    }

    private static StackPane marker(ScalingRun r) {
        StackPane dot = new StackPane();
        dot.getStyleClass().add(r.isGrowth() ? "scale-up-marker" : "scale-down-marker");
        if (r.count() > 1) {
            dot.getStyleClass().add("merged-marker");
        }
        Tooltip tip = new Tooltip(r.describe());
        tip.setShowDelay(Duration.millis(100));
        Tooltip.install(dot, tip);
        return dot;
    }
}
