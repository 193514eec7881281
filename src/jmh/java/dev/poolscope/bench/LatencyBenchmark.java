package dev.poolscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import dev.poolscope.engine.Outcome;

/**
 * Submit-to-completion latency at a fixed open-loop rate. Each invocation sends {@code rate} requests over one
 * second on a fixed schedule (request i is due at start + i / rate, whatever happened to the earlier ones) and
 * measures each from its <em>due</em> time to the moment its completion callback runs, so a producer held up by
 * a slow pool shows up as latency instead of hiding it (no coordinated omission). The producer spins between
 * sends, since parking is far too coarse for 10 µs gaps, so it holds one of the machine's cores for itself.
 *
 * <p>Both pools get a queue of {@value #QUEUE_CAPACITY} (over a second of backlog at the top rate), so a stall
 * of the machine shows up as latency rather than as drops. A request that is dropped all the same (the
 * dispatcher's {@code QUEUE_FULL}, the executor's rejection) is counted in the {@code dropped} column and left
 * out of the percentiles, whose fast failure would otherwise flatter them.
 *
 * <p>The harness keeps two timestamps per request and nothing else: each completion stamps its slot and counts
 * down the window's latch, and no future outlives its request. Keeping every future of a window would measure the
 * young collections that copy them as much as the pool: the pool with the larger future would pay for the
 * harness's memory.
 *
 * <p>JMH's own score here, the time of one invocation, only says that each window took its second. The result
 * is the latency distribution of every measured request of a fork (warm-up windows excluded): printed when the
 * fork ends and appended to {@code target/latency.csv} (or the file named by {@code -Dbench.latency.csv}), one
 * row per fork, in microseconds.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class LatencyBenchmark {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Sleep until this close to the next due time, then spin. */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final Object PAYLOAD = "payload";
    private static final String HEADER = "pool,rate,workers,fork,requests,dropped,p50,p90,p99,p99.9,max";
    /** Queue capacity for both pools: more than one second of backlog at 100,000 requests/s. */
    static final int QUEUE_CAPACITY = 1 << 17;
    /** Marks a request that never ran in {@link #done}. */
    private static final long DROPPED = Long.MIN_VALUE;

    @Param({"dispatcher", "tpe"})
    public String pool;

    @Param({"10000", "100000"})
    public int rate;

    @Param({"2"})
    public int workers;

    private PoolUnderTest target;
    private long[] due;
    private long[] done;
    private CountDownLatch settled;
    private final Histogram measured = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private boolean warmingUp;
    private long dropped;

    @Setup(Level.Trial)
    public void start() {
        target = PoolUnderTest.start(pool, workers, QUEUE_CAPACITY);
        int n = requestsPerWindow();
        due = new long[n];
        done = new long[n];
    }

    @Setup(Level.Iteration)
    public void nextWindow(IterationParams iteration) {
        warmingUp = iteration.getType() == IterationType.WARMUP;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        target.checkAccountedFor();
        target.close();
        report();
    }

    @Benchmark
    public void openLoop() throws InterruptedException {
        int n = requestsPerWindow();
        settled = new CountDownLatch(n);
        long period = WINDOW_NANOS / rate;
        long start = System.nanoTime() + SPIN_NANOS;
        for (int i = 0; i < n; i++) {
            long dueAt = start + i * period;
            waitUntil(dueAt);
            due[i] = dueAt;
            try {
                target.submit(PAYLOAD).whenComplete(new Completion(i));
            } catch (RejectedExecutionException full) {
                done[i] = DROPPED;
                settled.countDown();
            }
        }
        settled.await();
        if (!warmingUp) {
            for (int i = 0; i < n; i++) {
                if (done[i] == DROPPED) {
                    dropped++;
                } else {
                    measured.recordValue(Math.min(measured.getHighestTrackableValue(), Math.max(0, done[i] - due[i])));
                }
            }
        }
    }

    private int requestsPerWindow() {
        return (int) (rate * WINDOW_NANOS / TimeUnit.SECONDS.toNanos(1));
    }

    private void report() throws IOException {
        String row = String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f", pool, rate, workers,
                ProcessHandle.current().pid(), measured.getTotalCount() + dropped, dropped, micros(50), micros(90),
                micros(99), micros(99.9), measured.getMaxValue() / 1e3);
        System.out.println();
        System.out.println("latency µs: " + HEADER);
        System.out.println("latency µs: " + row);
        Path csv = Path.of(System.getProperty("bench.latency.csv", "target/latency.csv"));
        if (csv.getParent() != null) {
            Files.createDirectories(csv.getParent());
        }
        if (Files.notExists(csv)) {
            Files.writeString(csv, HEADER + "\n");
        }
        Files.writeString(csv, row + "\n", StandardOpenOption.APPEND);
    }

    private double micros(double percentile) {
        return measured.getValueAtPercentile(percentile) / 1e3;
    }

    private static void waitUntil(long dueAt) {
        long left;
        while ((left = dueAt - System.nanoTime()) > 0) {
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Stamps the moment request {@code index} completed, on whichever thread completed it, and counts it settled;
     * the latch publishes the stamp to the producer.
     */
    private final class Completion implements BiConsumer<Object, Throwable> {
        private final int index;

        Completion(int index) {
            this.index = index;
        }

        @Override
        public void accept(Object value, Throwable error) {
            done[index] = value instanceof Outcome.Dropped ? DROPPED : System.nanoTime();
            settled.countDown();
        }
    }
}
