package dev.poolscope.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.poolscope.compare.Side;
import dev.poolscope.model.Sample;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.TilePane;

/**
 * A chart that overlays pool A's and pool B's lines on one pair of axes, each side fed from its own sample history
 * (the two samplers tick in the same pulse, so their time axes agree). Like {@link LiveChart}: animation off, no
 * symbols, every redraw replaces the points with the decimated window; each line carries a style class
 * {@code series-<styleName>}, so colour says which pool and dash says which figure.
 */
final class PairChart {

    private record Line(XYChart.Series<Number, Number> series, Side side, ToDoubleFunction<Sample> value) {
    }

    private final LineChart<Number, Number> chart;
    private final NumberAxis time;
    private final NumberAxis values;
    private final boolean wholeNumbers;
    private final List<Line> lines = new ArrayList<>();
    private final Map<XYChart.Series<Number, Number>, String> styleClasses = new LinkedHashMap<>();

    PairChart(LineChart<Number, Number> chart, boolean wholeNumbers) {
        this.chart = chart;
        this.wholeNumbers = wholeNumbers;
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.widthProperty().addListener(o -> fitLegend());
        values = (NumberAxis) chart.getYAxis();
        time = (NumberAxis) chart.getXAxis();
        time.setAutoRanging(false);
        time.setMinorTickVisible(false);
        LiveChart.labelAsClock(time);
        if (wholeNumbers) {
            LiveChart.labelAsWholeNumbers(values);
        }
        reset();
    }

    /** Adds a line named {@code name} for {@code side}, its y value read from each of that side's samples. */
    void line(String name, String styleName, Side side, ToDoubleFunction<Sample> value) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        chart.getData().add(series);
        styleClasses.put(series, "series-" + styleName);
        // Adding a series re-assigns every line's classes and rebuilds the legend, so all are styled again.
        styleClasses.forEach((s, styleClass) -> {
            if (!s.getNode().getStyleClass().contains(styleClass)) {
                s.getNode().getStyleClass().add(styleClass);
            }
        });
        styleLegend();
        lines.add(new Line(series, side, value));
    }

    /**
     * A chart hides a legend wider than itself; on a narrow window the legend wraps into columns instead. The title
     * wraps at word boundaries rather than ending in "…".
     */
    private void fitLegend() {
        if (chart.lookup(".chart-title") instanceof Label title && !title.isWrapText()) {
            title.setWrapText(true);
        }
        if (chart.lookup(".chart-legend") instanceof TilePane legend && legend.getTileWidth() > 0) {
            int columns = (int) Math.max(1, Math.floor((chart.getWidth() - 24) / (legend.getTileWidth()
                    + legend.getHgap())));
            legend.setPrefColumns(Math.min(columns, styleClasses.size()));
        }
    }

    /** The legend shows each line's own stroke and dash instead of a colour dot. */
    private void styleLegend() {
        for (Node item : chart.lookupAll(".chart-legend-item")) {
            if (item instanceof Label label) {
                styleClasses.forEach((series, styleClass) -> {
                    if (series.getName().equals(label.getText())) {
                        // Written in full: Line alone means this class's own record.
                        javafx.scene.shape.Line sample = new javafx.scene.shape.Line(0, 0, 16, 0);
                        sample.getStyleClass().addAll("legend-line", styleClass);
                        label.setGraphic(sample);
                    }
                });
            }
        }
    }

    /** Redraws every line over its side's window, the time axis ending at the newer of the two last samples. */
    void redraw(Map<Side, List<Sample>> windows, double windowSeconds) {
        double to = windows.values().stream().filter(w -> !w.isEmpty()).mapToDouble(w -> w.get(w.size() - 1).seconds())
                .max().orElse(Double.NaN);
        if (Double.isNaN(to)) {
            return;
        }
        double from = Math.max(0, to - windowSeconds);
        time.setLowerBound(from);
        time.setUpperBound(Math.max(to, from + 1));
        time.setTickUnit(LiveChart.niceTickUnit(windowSeconds));
        double highest = 0;
        for (Line line : lines) {
            List<Sample> window = windows.getOrDefault(line.side, List.of());
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(window.size());
            for (Sample s : window) {
                double y = line.value.applyAsDouble(s);
                if (Double.isNaN(y)) {
                    continue; // no value at this sample: a gap, not a zero
                }
                highest = Math.max(highest, y);
                points.add(new XYChart.Data<>(s.seconds(), y));
            }
            line.series.getData().setAll(points);
        }
        if (wholeNumbers) {
            int unit = LiveChart.wholeTickUnit(highest);
            values.setAutoRanging(false);
            values.setLowerBound(0);
            values.setTickUnit(unit);
            values.setUpperBound(Math.max(unit, Math.ceil((highest + 0.5) / unit) * unit));
        } else {
            // An all-zero chart keeps a 0–1 axis instead of collapsing to a single "0.0" label.
            values.setAutoRanging(highest > 0);
        }
    }

    /** Empties every line and puts the axes back to their start, for a fresh run. */
    void reset() {
        lines.forEach(line -> line.series.getData().clear());
        values.setAutoRanging(false);
        values.setLowerBound(0);
        values.setUpperBound(1);
        values.setTickUnit(wholeNumbers ? 1 : 0.25);
        time.setLowerBound(0);
        time.setUpperBound(1);
    }
}
