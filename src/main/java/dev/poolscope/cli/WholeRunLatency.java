package dev.poolscope.cli;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import dev.poolscope.engine.Outcome;

/**
 * Wait and run time over a whole run, from the outcomes of completed requests. The engine's snapshots only give
 * percentiles per interval, which cannot be combined into a run's percentiles (the largest interval p99 is an
 * upper bound, not the p99), so the runner records every completed request here as well.
 *
 * <p>Wait is a request's total time in the queue across its attempts; run is its successful attempt's run time.
 * Recording is wait-free and safe from any thread, so it can sit on the pool's completion path.
 */
public final class WholeRunLatency {

    private static final int DIGITS = 2;

    private final Recorder wait = new Recorder(DIGITS);
    private final Recorder run = new Recorder(DIGITS);

    /** Records {@code outcome} if it is a completion; ignores every other outcome. */
    public void record(Outcome outcome) {
        if (outcome instanceof Outcome.Completed done) {
            wait.recordValue(Math.max(0, done.queueWait().toNanos()));
            run.recordValue(Math.max(0, done.runTime().toNanos()));
        }
    }

    /** The percentiles recorded since the previous call (or since creation), in milliseconds. */
    public Summary summary() {
        Histogram w = wait.getIntervalHistogram();
        Histogram r = run.getIntervalHistogram();
        return new Summary(w.getTotalCount(), millis(w, 50), millis(w, 99), millis(r, 50), millis(r, 99),
                w.getTotalCount() == 0 ? 0 : w.getMaxValue() / 1e6);
    }

    private static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e6;
    }

    /**
     * Percentiles over the completed requests of a run, in milliseconds.
     *
     * @param count     completed requests recorded
     * @param waitP50   median queue wait
     * @param waitP99   99th percentile queue wait
     * @param runP50    median run time
     * @param runP99    99th percentile run time
     * @param waitMax   longest queue wait
     */
    public record Summary(long count, double waitP50, double waitP99, double runP50, double runP99, double waitMax) {
    }
}
