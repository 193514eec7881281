package dev.poolscope.view;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.poolscope.compare.Figure;
import dev.poolscope.compare.Score;
import dev.poolscope.compare.Side;
import dev.poolscope.compare.Verdict;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The running score: one row per {@link Figure} (plus the requests each pool received, to show they are equal), one
 * column per pool, the better figure of each row ticked, the leader's column marked and the verdict's reason below.
 */
final class ScoreTable {

    private final Map<Side, Label> headers = new EnumMap<>(Side.class);
    private final Map<Figure, Map<Side, Label>> cells = new EnumMap<>(Figure.class);
    private final Map<Side, Label> received = new EnumMap<>(Side.class);
    private final Label verdict = new Label();

    ScoreTable(VBox pane) {
        Label title = new Label("Score so far");
        title.getStyleClass().add("chart-title");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("score-table");
        grid.setHgap(12);
        grid.setVgap(3);
        ColumnConstraints names = new ColumnConstraints();
        names.setHgrow(Priority.SOMETIMES);
        grid.getColumnConstraints().add(names);
        for (Side side : Side.values()) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHalignment(HPos.RIGHT);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
            Label header = cell("score-header", side);
            header.setId("scoreHeader" + side);
            headers.put(side, header);
            grid.add(header, side.ordinal() + 1, 0);
        }
        int row = 1;
        for (Figure figure : Figure.values()) {
            grid.add(name(figure.label()), 0, row);
            Map<Side, Label> pair = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                Label value = cell("score-value", side);
                value.setId("score" + side + "-" + figure.name());
                pair.put(side, value);
                grid.add(value, side.ordinal() + 1, row);
            }
            cells.put(figure, pair);
            row++;
        }
        grid.add(name("requests received"), 0, row);
        for (Side side : Side.values()) {
            Label value = cell("score-value", side);
            value.setId("received" + side);
            received.put(side, value);
            grid.add(value, side.ordinal() + 1, row);
        }
        verdict.setId("verdict");
        verdict.getStyleClass().add("score-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        Label order = new Label("Ranked as --tournament: fewest lost, then p99 wait, worker-seconds, events.");
        order.setTooltip(new Tooltip("The leader has fewer requests lost (drops + timeouts); "
                + "at equal losses the lower p99 queue wait to the millisecond; then fewer worker-seconds (to the "
                + "tenth shown); then fewer scaling events. The score covers the load so far and is frozen at Stop."));
        order.getStyleClass().add("score-order");
        order.setWrapText(true);
        order.setMinHeight(Region.USE_PREF_SIZE);
        pane.getChildren().setAll(title, grid, verdict, order);
    }

    /** Shows both scores and the verdict; {@code policies} names each side's scaling policy for the headers. */
    void show(Map<Side, Score> scores, Verdict v, Map<Side, String> policies) {
        for (Side side : Side.values()) {
            Label header = headers.get(side);
            boolean leads = v.leader() == side;
            header.setText((leads ? "★ " : "") + side + " · " + policies.get(side));
            header.getStyleClass().remove("leader");
            if (leads) {
                header.getStyleClass().add("leader");
            }
            received.get(side).setText(Format.count(scores.get(side).received()));
        }
        for (Figure figure : Figure.values()) {
            Side better = figure.better(scores.get(Side.A), scores.get(Side.B));
            for (Side side : Side.values()) {
                Label cell = cells.get(figure).get(side);
                cell.setText(text(figure, scores.get(side)) + (better == side ? " ✔" : "  "));
                cell.getStyleClass().remove("better");
                if (better == side) {
                    cell.getStyleClass().add("better");
                }
            }
        }
        verdict.setText(v.reason());
    }

    private static String text(Figure figure, Score s) {
        return switch (figure) {
            case WAIT_P99 -> Format.millis(s.waitP99Millis()) + " ms";
            case WORKER_SECONDS -> String.format("%,.1f", s.workerSeconds());
            default -> Format.count((long) figure.of(s));
        };
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("score-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label cell(String styleClass, Side side) {
        Label label = new Label();
        label.getStyleClass().addAll(styleClass, "side-" + side.name().toLowerCase(Locale.ROOT));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
