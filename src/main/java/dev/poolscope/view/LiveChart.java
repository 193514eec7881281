package dev.poolscope.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import dev.poolscope.model.Sample;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.util.StringConverter;

/**
 * A scrolling line chart fed from the sample history: animation off, no symbols, time on the x-axis. Each redraw
 * replaces the points of every line with the (already decimated) window, so the chart never holds more points
 * than the window allows, however long the lab runs.
 */
final class LiveChart {

    private record Line(XYChart.Series<Number, Number> series, ToDoubleFunction<Sample> value) {
    }

    private final LineChart<Number, Number> chart;
    private final NumberAxis time;
    private final NumberAxis values;
    private final List<Line> lines = new ArrayList<>();
    private boolean wholeNumbers;

    LiveChart(LineChart<Number, Number> chart) {
        this.chart = chart;
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        values = (NumberAxis) chart.getYAxis();
        values.setLowerBound(0);
        values.setUpperBound(1);
        values.setTickUnit(0.25);
        time = (NumberAxis) chart.getXAxis();
        time.setAutoRanging(false);
        time.setMinorTickVisible(false);
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                long s = Math.max(0, Math.round(seconds.doubleValue()));
                return String.format("%d:%02d", s / 60, s % 60);
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
    }

    /**
     * Adds a line named {@code name} whose y value is read from each sample. The line and its legend sample carry
     * the style class {@code series-<styleName>}, so its colour and dash follow its meaning, not its position.
     */
    XYChart.Series<Number, Number> line(String name, String styleName, ToDoubleFunction<Sample> value) {
        XYChart.Series<Number, Number> series = series(name, styleName);
        lines.add(new Line(series, value));
        return series;
    }

    /** Adds a series that {@link #redraw} leaves alone, for points that do not come from samples. */
    XYChart.Series<Number, Number> extraSeries(String name, String styleName) {
        return series(name, styleName);
    }

    /** Integer ticks only, for counts such as workers: no "2.5 workers" on the axis. */
    LiveChart wholeNumbers() {
        wholeNumbers = true;
        values.setMinorTickVisible(false);
        values.setTickLabelFormatter(new NumberAxis.DefaultFormatter(values) {
            @Override
            public String toString(Number n) {
                return String.format("%,d", Math.round(n.doubleValue()));
            }
        });
        return this;
    }

    private XYChart.Series<Number, Number> series(String name, String styleName) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        chart.getData().add(series);
        String styleClass = "series-" + styleName;
        series.getNode().getStyleClass().add(styleClass);
        // The legend shows each line's own stroke and dash instead of a colour dot.
        for (Node item : chart.lookupAll(".chart-legend-item")) {
            if (item instanceof Label label && name.equals(label.getText())) {
                javafx.scene.shape.Line sample = new javafx.scene.shape.Line(0, 0, 22, 0);
                sample.getStyleClass().addAll("legend-line", styleClass);
                label.setGraphic(sample);
            }
        }
        return series;
    }

    /** Redraws every line over {@code window}, scrolling the time axis to end at its newest sample. */
    void redraw(List<Sample> window, double windowSeconds) {
        if (window.isEmpty()) {
            return;
        }
        double to = window.get(window.size() - 1).seconds();
        double from = Math.max(0, to - windowSeconds);
        time.setLowerBound(from);
        time.setUpperBound(Math.max(to, from + 1));
        time.setTickUnit(niceTickUnit(windowSeconds));
        double highest = 0;
        for (Line line : lines) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(window.size());
            for (Sample s : window) {
                double y = line.value.applyAsDouble(s);
                highest = Math.max(highest, y);
                points.add(new XYChart.Data<>(s.seconds(), y));
            }
            line.series.getData().setAll(points);
        }
        if (wholeNumbers) {
            int unit = wholeTickUnit(highest);
            values.setAutoRanging(false);
            values.setLowerBound(0);
            values.setTickUnit(unit);
            values.setUpperBound(Math.max(unit, Math.ceil((highest + 0.5) / unit) * unit));
        } else {
            // An all-zero chart (no drops yet, say) keeps a 0–1 axis instead of collapsing to a single "0.0" label.
            values.setAutoRanging(highest > 0);
        }
    }

    /** Hides a line's points without removing it from the legend. */
    void clear(XYChart.Series<Number, Number> series) {
        series.getData().clear();
    }

    /** Empties every line and puts the axes back to their start, for a fresh pool. */
    void reset() {
        for (Line line : lines) {
            line.series.getData().clear();
        }
        values.setAutoRanging(false);
        values.setLowerBound(0);
        values.setUpperBound(1);
        values.setTickUnit(wholeNumbers ? 1 : 0.25);
        time.setLowerBound(0);
        time.setUpperBound(1);
    }

    /** 1, 2, 5, 10, 20, 50 … so that at most about six ticks show {@code highest}. */
    static int wholeTickUnit(double highest) {
        for (int unit = 1; ; unit *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                if (highest / (unit * step) <= 6) {
                    return unit * step;
                }
            }
        }
    }

    private static double niceTickUnit(double windowSeconds) {
        for (double unit : new double[] {5, 10, 15, 30, 60, 120}) {
            if (windowSeconds / unit <= 7) {
                return unit;
            }
        }
        return 300;
    }
}
