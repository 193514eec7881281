package dev.poolscope.view;

import java.util.ArrayList;
import java.util.List;

import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.model.MetricHistory;

/**
 * A run of scaling decisions in the same direction for the same reason, close enough in time to share one marker
 * on the chart: one decision per tick during a burst would otherwise draw a thick chain of dots over the
 * pool-size line.
 *
 * @param first the run's first decision
 * @param last  its last decision, where the marker is drawn
 * @param count decisions in the run
 */
record ScalingRun(MetricHistory.Marker first, MetricHistory.Marker last, int count) {

    /** Merges consecutive markers of one direction and reason that lie less than {@code gapSeconds} apart. */
    static List<ScalingRun> merge(List<MetricHistory.Marker> markers, double gapSeconds) {
        List<ScalingRun> runs = new ArrayList<>();
        ScalingRun open = null;
        for (MetricHistory.Marker m : markers) {
            if (open != null && open.accepts(m, gapSeconds)) {
                open = new ScalingRun(open.first, m, open.count + 1);
            } else {
                if (open != null) {
                    runs.add(open);
                }
                open = new ScalingRun(m, m, 1);
            }
        }
        if (open != null) {
            runs.add(open);
        }
        return runs;
    }

    private boolean accepts(MetricHistory.Marker next, double gapSeconds) {
        ScalingEvent a = last.event();
        ScalingEvent b = next.event();
        return a.isGrowth() == b.isGrowth() && a.reason() == b.reason()
                && next.seconds() - last.seconds() < gapSeconds;
    }

    /** True if the pool grew. */
    boolean isGrowth() {
        return last.event().isGrowth();
    }

    /** Workers added (positive) or retired (negative) over the run. */
    int change() {
        return last.event().sizeAfter() - first.event().sizeBefore();
    }

    /** What happened, in the words on the screen and with the numbers the scaler compared, e.g. for a tooltip. */
    String describe() {
        ScalingEvent e = last.event();
        int n = Math.abs(change());
        String what = (change() >= 0 ? "+" : "−") + n + (n == 1 ? " worker" : " workers");
        if (count > 1) {
            what += String.format(" over %.1f s", last.seconds() - first.seconds());
        }
        String sizes = String.format(" (%,d → %,d)", first.event().sizeBefore(), e.sizeAfter());
        if (!e.explanation().isEmpty()) {
            return what + ": " + e.explanation() + sizes;
        }
        return what + ": " + switch (e.reason()) {
            case LOAD_ABOVE_THRESHOLD -> String.format("queue %,d > threshold %,d", e.queueDepth(), e.threshold());
            // A whole queue depth is below 312.75 exactly when it is below 313, so the band shows as a whole number.
            case LOAD_BELOW_BAND -> String.format("queue %,d < shrink band %,d (%.2f × threshold %,d)",
                    e.queueDepth(), (long) Math.ceil(e.shrinkBelow()), e.shrinkBelow() / e.threshold(),
                    e.threshold());
            case MIN_RAISED -> "min workers raised";
            case MAX_LOWERED -> "max workers lowered, the surplus retires as each finishes";
            case STUCK_REPLACED -> "a stuck worker was abandoned and replaced";
            case STUCK_ABANDONED -> "a stuck worker was abandoned while the pool stopped";
            case WORKER_LOST -> "a worker thread died; the pool was topped up to min";
            case BELOW_MIN_RESTORED -> "the pool was below min and was topped up";
            case POLICY_GREW -> "the scaling policy asked for more workers";
            case POLICY_SHRANK -> "the scaling policy asked for fewer workers";
        } + sizes;
    }
}
