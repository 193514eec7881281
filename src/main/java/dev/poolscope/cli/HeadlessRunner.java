package dev.poolscope.cli;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolListener;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.engine.ShutdownReport;
import dev.poolscope.engine.SnapshotReader;
import dev.poolscope.http.HttpPath;
import dev.poolscope.jmx.PoolJmx;
import dev.poolscope.jmx.PoolRegistration;
import dev.poolscope.load.LoadGenerator;
import dev.poolscope.load.LoadSettings;
import dev.poolscope.load.SnapshotCsv;
import dev.poolscope.model.CapacityAdvice;
import dev.poolscope.model.QueueReading;
import dev.poolscope.model.QueueWindow;

/**
 * Runs one scenario without a window:
 * 1. starts a pool with the options' config (registered for JMX under {@code --jmx}'s name, if given) and a seeded
 *    load generator following the scenario;
 * 2. samples the pool every interval until the duration is up, writing one CSV row per sample if asked;
 * 3. reads the samples from the settle time on as a queueing model would ({@link CapacityAdvice}), when they span at
 *    least one interval;
 * 4. stops the generator, shuts the pool down with a {@value #SHUTDOWN_DEADLINE_SECONDS} s deadline, and takes a
 *    last snapshot once every request has its outcome, for the invariant check; an HTTP scenario's path stays
 *    open until then, so requests already sent finish against a live backend, and closes last.
 *
 * <p>Sampling waits for fixed due times (start + k × interval) rather than sleeping an interval after each sample,
 * so rows do not drift later and later over a long run.
 */
public final class HeadlessRunner {

    /** How long shutdown may drain the queue before it hands requests back and interrupts running ones. */
    public static final long SHUTDOWN_DEADLINE_SECONDS = 2;
    /** The P(wait) the summary's advisor sizes the pool for: the capacity policy's default. */
    public static final double ADVISOR_WAIT_TARGET = 0.2;

    /** Makes the run's load generator; tests swap in one that fails. */
    interface Generators {
        LoadGenerator seeded(Dispatcher pool, LoadSettings settings, long seed);
    }

    private final Options options;
    private final Generators generators;

    /** A runner for {@code options}; nothing starts until {@link #run()}. */
    public HeadlessRunner(Options options) {
        this(options, LoadGenerator::seeded);
    }

    HeadlessRunner(Options options, Generators generators) {
        this.options = Objects.requireNonNull(options, "options");
        this.generators = Objects.requireNonNull(generators, "generators");
    }

    /**
     * Runs the scenario and returns what it measured; the CSV file, if any, is complete when this returns.
     *
     * @throws IOException if the CSV file cannot be created or written, with {@link SnapshotCsv#cannotWrite}'s
     *                     message; the pool is shut down regardless
     */
    public RunReport run() throws IOException {
        Writer csvFile = options.csv() == null ? null : SnapshotCsv.open(options.csv());
        try {
            return run(csvFile);
        } catch (IOException e) {
            throw new IOException(SnapshotCsv.cannotWrite(options.csv(), e), e);
        }
    }

    private RunReport run(Writer csvFile) throws IOException {
        long seed = options.seed() != null ? options.seed() : ThreadLocalRandom.current().nextLong();
        Dispatcher pool = Dispatcher.start("poolscope", options.pool(), Map.of());
        // Unregisters itself when the pool terminates, so the run's own shutdown ends it.
        PoolRegistration jmx = options.jmxName() == null ? null : PoolJmx.register(pool, options.jmxName());
        ScalingCounts scaling = new ScalingCounts(pool.poolSize(), options.settle().toNanos());
        pool.addListener(scaling);
        LoadGenerator generator = generators.seeded(pool, options.scenario().baseSettings(), seed);
        generator.setScenario(options.scenario());
        if (options.rate() != null) {
            generator.setSettings(generator.settings().withRatePerSecond(options.rate()));
        }
        if (options.backend() != null) {
            generator.setBackendSettings(options.backend());
        }
        WholeRunLatency latency = new WholeRunLatency();
        generator.setOutcomeListener(latency::record);

        SnapshotCsv csv = null;
        try {
            // CSV rows carry each interval's latencies, read through a reader of their own.
            SnapshotReader reader = pool.openReader();
            PoolSnapshot first = reader.read();
            csv = csvFile == null ? null : new SnapshotCsv(csvFile, first);
            generator.start();
            Sampling sampling = sample(reader, first, csv, generator);
            long loadEnd = System.nanoTime();
            double loadSeconds = (loadEnd - first.nanoTime()) / 1e9;
            PoolSnapshot endOfLoad = pool.snapshot();
            ScalingSummary scalingSummary = scaling.summary(loadEnd);
            ShutdownReport report = pool.shutdown(Duration.ofSeconds(SHUTDOWN_DEADLINE_SECONDS));
            HttpPath path = generator.httpPath();
            if (path != null) {
                // The front answers the last requests (their outcomes, 503s for those handed back) just after the
                // pool stops, and requests still waiting at the front reach the pool only now (refused: it is
                // shutting down); read both ends once they are in, so that they add up. Any request still without
                // an answer at the limit is shown as such.
                try {
                    path.awaitAnswers(Duration.ofSeconds(SHUTDOWN_DEADLINE_SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            PoolSnapshot last = pool.snapshot();
            HttpFigures http = path == null ? null : HttpFigures.of(path, generator.backendSettings());
            QueueReading reading = sampling.spansAnInterval(options.interval().toNanos())
                    ? sampling.settled.reading() : null;
            CapacityAdvice advice = reading == null ? null : CapacityAdvice.of(reading, ADVISOR_WAIT_TARGET);
            return new RunReport(options, seed, loadSeconds, generator.generated(), generator.failure(), endOfLoad,
                    last, report, latency.summary(), scaling.grew.sum(), scaling.shrank.sum(),
                    sampling.smallestPool, sampling.largestPool, scalingSummary, http, advice);
        } finally {
            generator.stop();
            pool.shutdown(Duration.ofSeconds(SHUTDOWN_DEADLINE_SECONDS));
            if (jmx != null) {
                jmx.close();
            }
            if (csv != null) {
                csv.close();
            } else if (csvFile != null) {
                csvFile.close();
            }
        }
    }

    /** Pool sizes seen at the samples, and the samples from the settle time on folded for the advisor. */
    private static final class Sampling {
        final QueueWindow settled = new QueueWindow();
        int smallestPool = Integer.MAX_VALUE;
        int largestPool;
        /** When the first and the latest settled sample were due, in nanoTime; the first is -1 until there is one. */
        private long settledFrom = -1;
        private long settledTo;

        /** Notes sample {@code s}, due at {@code due}; it joins the advisor's window if taken after settling. */
        void saw(PoolSnapshot s, long due, boolean afterSettling) {
            smallestPool = Math.min(smallestPool, s.poolSize());
            largestPool = Math.max(largestPool, s.poolSize());
            if (afterSettling) {
                settled.add(s);
                settledFrom = settledFrom == -1 ? due : settledFrom;
                settledTo = due;
            }
        }

        /**
         * True when the settled samples were due at least one full interval apart. Due times, not the times taken,
         * so a sample a little late does not shorten the span; the last one is due at the run's end, which may cut
         * its interval short.
         */
        boolean spansAnInterval(long interval) {
            return settledFrom != -1 && settledTo - settledFrom >= interval;
        }
    }

    /** Samples until the run's end, where it stops {@code generator} before the last sample. */
    private Sampling sample(SnapshotReader reader, PoolSnapshot first, SnapshotCsv csv, LoadGenerator generator)
            throws IOException {
        Sampling sampling = new Sampling();
        long start = first.nanoTime();
        long end = start + options.duration().toNanos();
        long interval = options.interval().toNanos();
        long settled = start + options.settle().toNanos();
        // The window opens at the first sample at or after the settle time: none of the settling is read.
        sampling.saw(first, start, first.nanoTime() >= settled);
        for (long due = start + interval; ; due += interval) {
            long at = Math.min(due, end);
            if (!parkUntil(at)) {
                at = end; // interrupted: take the last sample now and wind down
            }
            if (at == end) {
                // The last row then holds every request of the load, as the summary does.
                generator.stopGenerating();
            }
            PoolSnapshot now = reader.read();
            sampling.saw(now, at, now.nanoTime() >= settled);
            if (csv != null) {
                csv.append(now);
                csv.flush();
            }
            if (at == end) {
                return sampling;
            }
        }
    }

    /** Waits until {@code deadline} on the nanoTime clock; false if interrupted first. */
    private static boolean parkUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(left);
        }
        return true;
    }

    /**
     * Counts scaling decisions as the pool takes them, and integrates the pool's size over time (worker-seconds,
     * the cost). Events in the first {@code settleNanos} count toward grew and shrank but not toward the settled
     * figures (events after settling, direction changes).
     */
    private static final class ScalingCounts implements PoolListener {
        final LongAdder grew = new LongAdder();
        final LongAdder shrank = new LongAdder();
        private final long startNanos = System.nanoTime();
        private final long settleNanos;
        // Guarded by this: listeners may be called from the scheduler and from the thread that reconfigures.
        private int size;
        private long sizeSince = startNanos;
        private double workerNanos;
        private long settledEvents;
        private long directionChanges;
        private int lastDirection;

        ScalingCounts(int initialSize, long settleNanos) {
            this.size = initialSize;
            this.settleNanos = settleNanos;
        }

        @Override
        public void onScaling(ScalingEvent event) {
            int direction = Integer.compare(event.sizeAfter(), event.sizeBefore());
            if (direction > 0) {
                grew.increment();
            } else if (direction < 0) {
                shrank.increment();
            }
            long now = System.nanoTime();
            synchronized (this) {
                workerNanos += (double) size * (now - sizeSince);
                size = event.sizeAfter();
                sizeSince = now;
                if (direction == 0 || now - startNanos < settleNanos) {
                    return;
                }
                settledEvents++;
                if (lastDirection != 0 && direction != lastDirection) {
                    directionChanges++;
                }
                lastDirection = direction;
            }
        }

        synchronized ScalingSummary summary(long endNanos) {
            double workerSeconds = (workerNanos + (double) size * (endNanos - sizeSince)) / 1e9;
            double countedSeconds = Math.max(0, (endNanos - startNanos - settleNanos) / 1e9);
            return new ScalingSummary(workerSeconds, settledEvents, directionChanges, countedSeconds);
        }
    }
}
