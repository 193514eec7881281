package dev.poolscope.model;

import java.util.List;

import dev.poolscope.engine.Latency;
import dev.poolscope.engine.PoolSnapshot;

/**
 * Folds consecutive snapshots of one pool into a {@link QueueReading}. Each snapshot's latencies must cover the time
 * since the one before (a {@code SnapshotReader}'s reads, or the sampler's); the first snapshot only marks the
 * window's start. Snapshots carry each interval's percentiles, not its histogram, so the window's median and p99
 * are estimated from the intervals' percentile points merged into one distribution ({@link MergedPercentiles}).
 * Not thread-safe; plain Java, so the headless runner uses it too.
 */
public final class QueueWindow {

    private PoolSnapshot first;
    private PoolSnapshot last;
    private long served;
    private double serviceNanos;
    private final MergedPercentiles serviceTimes = new MergedPercentiles();
    private long waited;
    private double waitNanos;
    private final MergedPercentiles waits = new MergedPercentiles();
    private double queuedSum;
    private double queuedSquares;
    private double inPoolSum;
    private double inPoolSquares;
    private int levels;
    private int fewestWorkers = Integer.MAX_VALUE;
    private int mostWorkers;
    private int fullSamples;
    private double countSquaresOverSeconds;
    private double slowestRate = Double.NaN;
    private double fastestRate = Double.NaN;

    /** The reading over {@code snapshots}, oldest first; null with fewer than two. */
    public static QueueReading over(List<PoolSnapshot> snapshots) {
        QueueWindow w = new QueueWindow();
        snapshots.forEach(w::add);
        return w.reading();
    }

    /** Adds the next snapshot, taken after every one added before. */
    public void add(PoolSnapshot s) {
        fewestWorkers = Math.min(fewestWorkers, s.poolSize());
        mostWorkers = Math.max(mostWorkers, s.poolSize());
        if (first == null) {
            first = s;
            last = s;
            return;
        }
        addArrivals(offered(s) - offered(last), (s.nanoTime() - last.nanoTime()) / 1e9);
        last = s;
        Latency run = s.runTime();
        served += run.count();
        serviceNanos += run.totalNanos();
        serviceTimes.add(run);
        Latency wait = s.queueWait();
        waited += wait.count();
        waitNanos += wait.totalNanos();
        waits.add(wait);
        long inPool = s.queued() + s.running();
        queuedSum += s.queued();
        queuedSquares += (double) s.queued() * s.queued();
        inPoolSum += inPool;
        inPoolSquares += (double) inPool * inPool;
        // A capacity of 0 is one a watched pool does not report.
        if (s.queueCapacity() > 0 && s.queued() >= s.queueCapacity()) {
            fullSamples++;
        }
        levels++;
    }

    /** The reading so far; null until two snapshots have been added. */
    public QueueReading reading() {
        if (levels == 0) {
            return null;
        }
        double seconds = (last.nanoTime() - first.nanoTime()) / 1e9;
        long arrivals = offered(last) - offered(first);
        return new QueueReading(seconds, arrivals, served, serviceNanos, serviceTimes.quantile(0.5),
                serviceTimes.quantile(0.99), waited, waitNanos, waits.quantile(0.5), queuedSum / levels,
                inPoolSum / levels, levels, standardError(queuedSum, queuedSquares),
                standardError(inPoolSum, inPoolSquares), last.poolSize(), fewestWorkers, mostWorkers,
                ArrivalRates.of(levels, arrivals, seconds, countSquaresOverSeconds, slowestRate, fastestRate),
                new Overflow(last.droppedTotal() - first.droppedTotal(), fullSamples, last.queueCapacity(),
                        last.config().overflowPolicy()));
    }

    /** One interval's arrivals, for how steady the rate was; an interval of no length says nothing. */
    private void addArrivals(long count, double seconds) {
        if (seconds <= 0) {
            return;
        }
        double rate = count / seconds;
        countSquaresOverSeconds += (double) count * count / seconds;
        slowestRate = Double.isNaN(slowestRate) ? rate : Math.min(slowestRate, rate);
        fastestRate = Double.isNaN(fastestRate) ? rate : Math.max(fastestRate, rate);
    }

    /** Attempts offered so far, counted as the scaler counts its λ. */
    private static long offered(PoolSnapshot s) {
        return s.submitted() - s.unhandled() + s.retriedAttempts();
    }

    /**
     * The standard error of the mean of {@link #levels} samples, from their sum and sum of squares; NaN below two.
     * It treats the samples as independent, which they nearly are when the interval is long next to the service.
     */
    private double standardError(double sum, double squares) {
        if (levels < 2) {
            return Double.NaN;
        }
        double mean = sum / levels;
        double variance = Math.max(0, (squares - levels * mean * mean) / (levels - 1));
        return Math.sqrt(variance / levels);
    }
}
