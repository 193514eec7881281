package dev.poolscope.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.poolscope.engine.Latency;
import dev.poolscope.model.Sample;
import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.TilePane;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/**
 * A scrolling line chart fed from the sample history: animation off, no symbols, time on the x-axis. Each redraw
 * replaces the points of every line with the (already decimated) window, so the chart never holds more points
 * than the window allows, however long the lab runs. A line whose value is NaN at a sample has no point there.
 */
final class LiveChart {

    private record Line(XYChart.Series<Number, Number> series, ToDoubleFunction<Sample> value) {
    }

    private final LineChart<Number, Number> chart;
    private final NumberAxis time;
    private final NumberAxis values;
    /** The plot height under which JavaFX hides a bottom legend, and the plot width for a side one (Chart). */
    private static final double PLOT_MIN_HEIGHT_PX = 150;
    private static final double PLOT_MIN_WIDTH_PX = 200;
    /** Room for rounding and the legend's own padding. */
    private static final double SLACK_PX = 8;

    private final List<Line> lines = new ArrayList<>();
    private final Map<XYChart.Series<Number, Number>, String> styleClasses = new LinkedHashMap<>();
    private boolean wholeNumbers;
    // The y-axis label as written, shown again whenever the axis is long enough for it.
    private final String valuesLabel;

    LiveChart(LineChart<Number, Number> chart) {
        this.chart = chart;
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.widthProperty().addListener(o -> fitLegend());
        chart.heightProperty().addListener(o -> fitLegend());
        chart.sceneProperty().addListener(o -> fitLegend());
        if (chart.lookup(".chart-legend") instanceof TilePane legend) {
            // A zoom changes the legend's size but not the chart's.
            legend.tileWidthProperty().addListener(o -> fitLegend());
            legend.tileHeightProperty().addListener(o -> fitLegend());
        }
        values = (NumberAxis) chart.getYAxis();
        valuesLabel = values.getLabel();
        values.heightProperty().addListener(o -> fitValuesLabel());
        values.setLowerBound(0);
        values.setUpperBound(1);
        values.setTickUnit(0.25);
        time = (NumberAxis) chart.getXAxis();
        time.setAutoRanging(false);
        time.setMinorTickVisible(false);
        labelAsClock(time);
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
        labelAsWholeNumbers(values);
        return this;
    }

    private XYChart.Series<Number, Number> series(String name, String styleName) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        chart.getData().add(series);
        styleClasses.put(series, "series-" + styleName);
        // Adding a series re-assigns every line's classes and rebuilds the legend, so all are styled again.
        styleClasses.forEach(LiveChart::styleLine);
        styleLegend();
        return series;
    }

    private static void styleLine(XYChart.Series<Number, Number> series, String styleClass) {
        if (!series.getNode().getStyleClass().contains(styleClass)) {
            series.getNode().getStyleClass().add(styleClass);
        }
    }

    /**
     * Keeps the legend shown. JavaFX hides a bottom legend that leaves the plot under 150 px and a side one that
     * leaves it under 200 px wide, so the legend goes below while the chart is tall enough for it (wrapped into as
     * many columns as fit) and at the right otherwise; and the chart's minimum width is what a side legend needs,
     * so a window too narrow for it scrolls (DashboardController) instead of dropping the legend. The title wraps
     * at word boundaries rather than ending in "…".
     */
    private void fitLegend() {
        if (chart.lookup(".chart-title") instanceof Label title && !title.isWrapText()) {
            title.setWrapText(true);
        }
        if (!(chart.lookup(".chart-legend") instanceof TilePane legend) || legend.getTileWidth() <= 0) {
            return;
        }
        Insets in = chart.getInsets();
        Insets legendIn = legend.getInsets();
        double inner = chart.getWidth() - in.getLeft() - in.getRight();
        long items = legend.getChildren().stream().filter(Node::isManaged).count();
        int columns = (int) Math.max(1, Math.min(items, Math.floor((inner - legendIn.getLeft() - legendIn.getRight()
                - SLACK_PX + legend.getHgap()) / (legend.getTileWidth() + legend.getHgap()))));
        legend.setPrefColumns(columns);
        double titleHeight = chart.lookup(".chart-title") instanceof Label title && title.isVisible()
                ? title.prefHeight(inner) : 0;
        long rows = (items + columns - 1) / columns;
        double bottomLegend = rows * legend.getTileHeight() + Math.max(0, rows - 1) * legend.getVgap()
                + legendIn.getTop() + legendIn.getBottom();
        double room = chart.getHeight() - in.getTop() - in.getBottom() - titleHeight;
        chart.setLegendSide(room - bottomLegend >= PLOT_MIN_HEIGHT_PX + SLACK_PX
                ? Side.BOTTOM : Side.RIGHT);
        double sideLegend = legend.getTileWidth() + legendIn.getLeft() + legendIn.getRight();
        chart.setMinWidth(Math.ceil(in.getLeft() + in.getRight() + PLOT_MIN_WIDTH_PX + sideLegend + SLACK_PX));
    }

    /**
     * A y-axis label longer than the axis would show cut ("per sec…") when four rows of charts share a short
     * window; the axis goes without it then, the title and legend still saying what is counted.
     */
    private void fitValuesLabel() {
        if (valuesLabel == null || valuesLabel.isEmpty()) {
            return;
        }
        Text probe = new Text(valuesLabel);
        if (values.lookup(".axis-label") instanceof Label label) {
            probe.setFont(label.getFont());
        }
        values.setLabel(probe.getLayoutBounds().getWidth() + 4 <= values.getHeight() ? valuesLabel : null);
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
                if (Double.isNaN(y)) {
                    continue; // no value at this sample: a gap, not a zero
                }
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

    /**
     * Shows or hides a line and its legend entry; a hidden line keeps its place, so showing it again puts it back
     * where it was in the legend.
     */
    void show(XYChart.Series<Number, Number> series, boolean shown) {
        if (!shown) {
            series.getData().clear();
        }
        for (Node item : chart.lookupAll(".chart-legend-item")) {
            if (item instanceof Label label && series.getName().equals(label.getText())) {
                label.setVisible(shown);
                label.setManaged(shown);
            }
        }
        fitLegend();
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

    /** Labels a time axis, in seconds since the start, as minutes:seconds. */
    static void labelAsClock(NumberAxis time) {
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

    /** Labels a count axis with whole numbers and thousands separators, without minor ticks. */
    static void labelAsWholeNumbers(NumberAxis values) {
        values.setMinorTickVisible(false);
        values.setTickLabelFormatter(new NumberAxis.DefaultFormatter(values) {
            @Override
            public String toString(Number n) {
                return String.format("%,d", Math.round(n.doubleValue()));
            }
        });
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

    /** A latency's p99 in milliseconds, or NaN (no point) when nothing ran over its window: a gap, not a zero. */
    static double p99Millis(Latency latency) {
        return latency.count() == 0 ? Double.NaN : latency.p99Millis();
    }

    static double niceTickUnit(double windowSeconds) {
        for (double unit : new double[] {5, 10, 15, 30, 60, 120}) {
            if (windowSeconds / unit <= 7) {
                return unit;
            }
        }
        return 300;
    }
}
