package dev.poolscope.view;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.scene.layout.Pane;
import javafx.scene.shape.Polyline;

/** A tiny line of a figure's last {@value #POINTS} values, for the connect overview's rows. */
final class Sparkline extends Pane {

    static final int POINTS = 40;
    private static final double WIDTH = 90;
    private static final double HEIGHT = 18;

    private final Deque<Double> values = new ArrayDeque<>();
    private final Polyline line = new Polyline();

    Sparkline() {
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        line.getStyleClass().add("sparkline");
        getChildren().add(line);
    }

    /** Adds a value and redraws, scaled to the largest value shown. */
    void add(double v) {
        values.addLast(v);
        while (values.size() > POINTS) {
            values.removeFirst();
        }
        double top = Math.max(1, values.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        line.getPoints().clear();
        int i = 0;
        for (double x : values) {
            line.getPoints().addAll(i++ * WIDTH / (POINTS - 1), HEIGHT - x / top * (HEIGHT - 2) - 1);
        }
    }
}
