package dev.poolscope.engine;

/**
 * Runs the pool's scaling policy once per tick, on the scheduler thread: reads the pool without locks (size, busy
 * workers, queue depth), refreshes the flows it measures through its own {@link SnapshotReader} at most every
 * {@value #MEASURE_MILLIS} ms, asks the policy, records the recommendation in the {@link ScalingHistory}, and hands
 * the decision to {@link Workers#resize}. The policy runs before any lock is taken (package-info's lock order is
 * untouched); only the resize takes {@code Workers.lock}.
 *
 * <p>Fields other than {@link #lastDecision} are owned by the scheduler thread (or a test calling {@link #tick}
 * while the scaler's own ticks are far apart).
 */
final class Scaler {

    /** Flows are measured over windows of at least this long, so a 1 ms tick does not read a snapshot each time. */
    static final long MEASURE_MILLIS = 100;
    private static final long MEASURE_NANOS = MEASURE_MILLIS * 1_000_000;
    /**
     * A window closes once this many attempts ended in it, or once it is {@value #LONGEST_WINDOW_SECONDS} s long:
     * at 100 requests/s a 100 ms window holds ten run times, too few for a mean or a p99.
     */
    static final int ENOUGH_SAMPLES = CapacityPolicy.MIN_SAMPLES;
    static final double LONGEST_WINDOW_SECONDS = 1;

    private final Dispatcher pool;
    private final ScalingHistory history = new ScalingHistory();
    private SnapshotReader reader;
    private PoolSnapshot previous;
    // The running attempts' time so far at the previous read (System.nanoTime's clock, as the attempts' starts).
    private long previousRunning;
    private double windowSeconds;
    private double arrivalsPerSecond;
    private double meanServiceSeconds;
    private double meanBusyWorkers;
    private long runP99Nanos;
    private long serviceSamples;
    private long timeouts;
    private final Window open = new Window();
    // Written by the scaling thread, read by anyone.
    private volatile ScalingDecision lastDecision;

    Scaler(Dispatcher pool) {
        this.pool = pool;
    }

    /** Opens the reader whose first window starts now; call once the pool is built. */
    void start() {
        reader = pool.openReader();
        previous = reader.read();
        previousRunning = pool.workers.runningNanos(System.nanoTime());
    }

    /** The policy's latest decision, or null before the first tick. */
    ScalingDecision lastDecision() {
        return lastDecision;
    }

    /** One tick at the current time with the queue's own depth. */
    ScalingEvent tick() {
        return tick(System.nanoTime(), pool.queue.size());
    }

    /** One tick as if {@code queueDepth} requests were queued; tests drive decisions with it. */
    ScalingEvent tick(int queueDepth) {
        return tick(System.nanoTime(), queueDepth);
    }

    /**
     * One tick as if the clock read {@code now}: tests pick a time before or after the measurement window is due
     * instead of waiting for it (the flows themselves are still measured between real snapshots).
     */
    ScalingEvent tick(long now, int queueDepth) {
        PoolConfig config = pool.config();
        if (now - previous.nanoTime() >= MEASURE_NANOS * 9 / 10) {
            measure();
        }
        ScalingInput input = new ScalingInput(now, config, pool.workers.effectiveSize(), pool.workers.busy(),
                queueDepth, windowSeconds, arrivalsPerSecond, meanServiceSeconds, meanBusyWorkers, runP99Nanos,
                serviceSamples, timeouts);
        ScalingDecision decision = config.scalingPolicy().decide(input, history);
        history.recommend(now, decision.recommended());
        lastDecision = decision;
        ScalingEvent event = pool.workers.resize(config, decision, queueDepth);
        if (event != null && event.sizeAfter() != event.sizeBefore()) {
            history.changed(now, event.isGrowth());
        }
        return event;
    }

    /**
     * Reads the flows since the previous read into the open window, and publishes the window once it holds enough
     * attempts or time: counts add up across reads; percentiles cannot, so the window keeps the highest p99 read.
     */
    private void measure() {
        PoolSnapshot now = reader.read();
        long running = pool.workers.runningNanos(System.nanoTime());
        PoolRates rates = now.minus(previous);
        previous = now;
        // Busy time in the window: attempts that ended in it, plus what running ones added since the last read
        // (an attempt longer than a window would otherwise count as idle until it ends, and then all at once).
        open.add(rates, now.runTime(), running - previousRunning);
        previousRunning = running;
        if (open.samples < ENOUGH_SAMPLES && open.seconds < LONGEST_WINDOW_SECONDS) {
            return;
        }
        windowSeconds = open.seconds;
        arrivalsPerSecond = open.arrivals / open.seconds;
        serviceSamples = open.samples;
        meanServiceSeconds = open.samples == 0 ? 0 : open.runNanos / 1e9 / open.samples;
        meanBusyWorkers = Math.max(0, open.busyNanos / 1e9 / open.seconds);
        runP99Nanos = open.p99Nanos;
        timeouts = open.timeouts;
        open.clear();
    }

    /** Flows summed over the reads of one measurement window. */
    private static final class Window {
        double seconds;
        long arrivals;
        long samples;
        double runNanos;
        double busyNanos;
        long p99Nanos;
        long timeouts;

        void add(PoolRates rates, Latency runs, long runningGrowth) {
            seconds += rates.seconds();
            arrivals += rates.submitted() - rates.unhandled() + rates.retriedAttempts();
            samples += runs.count();
            runNanos += runs.totalNanos();
            busyNanos += runs.totalNanos() + runningGrowth;
            p99Nanos = Math.max(p99Nanos, runs.p99Nanos());
            timeouts += rates.timedOut();
        }

        void clear() {
            seconds = 0;
            arrivals = 0;
            samples = 0;
            runNanos = 0;
            busyNanos = 0;
            p99Nanos = 0;
            timeouts = 0;
        }
    }
}
