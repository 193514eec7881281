package dev.poolscope.compare;

import java.util.function.ToDoubleFunction;

/** The figures of a {@link Score} that are compared, each better when lower, in the score table's order. */
public enum Figure {
    WAIT_P99("p99 wait", Score::waitP99Millis),
    DROPS("drops", s -> s.dropped()),
    TIMEOUTS("timeouts", s -> s.timedOut()),
    WORKER_SECONDS("worker-seconds", Score::workerSeconds),
    SCALING_EVENTS("scaling events", s -> s.scalingEvents());

    private final String label;
    private final ToDoubleFunction<Score> value;

    Figure(String label, ToDoubleFunction<Score> value) {
        this.label = label;
        this.value = value;
    }

    /** The row's name in the score table. */
    public String label() {
        return label;
    }

    /** This figure of {@code score}. */
    public double of(Score score) {
        return value.applyAsDouble(score);
    }

    /** The side with the lower figure, or null when they are equal. */
    public Side better(Score a, Score b) {
        int c = Double.compare(of(a), of(b));
        return c < 0 ? Side.A : c > 0 ? Side.B : null;
    }
}
