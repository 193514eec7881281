package dev.poolscope.engine;

import java.util.concurrent.CopyOnWriteArrayList;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntervalHistogramProvider;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
import org.HdrHistogram.ValueRecorder;

/**
 * Queue-wait and run-time histograms. Each worker records into its own single-writer recorders, so recording
 * never contends; threads that are not workers (callers under {@link OverflowPolicy#CALLER_RUNS}) share one
 * multi-writer pair. A snapshot merges the interval since the previous one.
 */
final class LatencyRecorders {

    private static final int DIGITS = 2;

    /** One thread's pair of recorders. */
    static final class Pair {
        final ValueRecorder wait;
        final ValueRecorder run;
        private final IntervalHistogramProvider<Histogram> waitIntervals;
        private final IntervalHistogramProvider<Histogram> runIntervals;
        // Scratch copies for interval(); touched only inside the synchronized interval().
        private final Histogram waitScratch = new Histogram(DIGITS);
        private final Histogram runScratch = new Histogram(DIGITS);
        // Set when the owning worker exits; the next snapshot reads it one last time and forgets it.
        volatile boolean retired;

        private Pair(SingleWriterRecorder w, SingleWriterRecorder r) {
            wait = w;
            run = r;
            waitIntervals = w;
            runIntervals = r;
        }

        private Pair(Recorder w, Recorder r) {
            wait = w;
            run = r;
            waitIntervals = w;
            runIntervals = r;
        }

        void recordWait(long nanos) {
            wait.recordValue(Math.max(0, nanos));
        }

        void recordRun(long nanos) {
            run.recordValue(Math.max(0, nanos));
        }
    }

    private final CopyOnWriteArrayList<Pair> pairs = new CopyOnWriteArrayList<>();
    private final Pair shared = new Pair(new Recorder(DIGITS), new Recorder(DIGITS));
    // Reused across snapshots; touched only by the thread inside snapshot(), which is synchronized.
    private final Histogram waitSum = new Histogram(DIGITS);
    private final Histogram runSum = new Histogram(DIGITS);

    LatencyRecorders() {
        pairs.add(shared);
    }

    /** A pair for a new worker; only that worker may record into it. */
    Pair forWorker() {
        Pair p = new Pair(new SingleWriterRecorder(DIGITS), new SingleWriterRecorder(DIGITS));
        pairs.add(p);
        return p;
    }

    /** The pair any thread may record into. */
    Pair shared() {
        return shared;
    }

    /** Wait and run latency recorded since the previous call. */
    synchronized Latency[] interval() {
        waitSum.reset();
        runSum.reset();
        for (Pair p : pairs) {
            boolean last = p.retired;
            // getIntervalHistogramInto overwrites its target, so copy into scratch and add.
            p.waitIntervals.getIntervalHistogramInto(p.waitScratch);
            p.runIntervals.getIntervalHistogramInto(p.runScratch);
            waitSum.add(p.waitScratch);
            runSum.add(p.runScratch);
            if (last) {
                pairs.remove(p);
            }
        }
        return new Latency[] {Latency.of(waitSum), Latency.of(runSum)};
    }
}
