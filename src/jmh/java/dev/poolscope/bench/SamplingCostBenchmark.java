package dev.poolscope.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What watching the pool costs the work: the dispatcher throughput harness of {@link ThroughputBenchmark}
 * (one producer), with and without a background thread that takes a snapshot every 100 ms, as the dashboard does.
 * Iterations are 2 s long so each one spans 20 snapshots.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SamplingCostBenchmark {

    @Param({"none", "10Hz"})
    public String sampling;

    @Param({"2"})
    public int workers;

    private PoolUnderTest.DispatcherPool target;
    private ScheduledExecutorService sampler;
    private volatile Object lastSnapshot;

    @Setup(Level.Trial)
    public void start() {
        target = new PoolUnderTest.DispatcherPool(workers, InFlightWindow.QUEUE_CAPACITY);
        if (sampling.equals("10Hz")) {
            sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-sampler");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleAtFixedRate(() -> lastSnapshot = target.pool.snapshot(), 100, 100, TimeUnit.MILLISECONDS);
        } else if (!sampling.equals("none")) {
            throw new IllegalArgumentException("sampling = " + sampling + ": must be none or 10Hz");
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        if (sampler != null) {
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.SECONDS);
        }
        target.checkNothingLost();
        target.close();
    }

    @Benchmark
    @Threads(1)
    public void oneProducer(InFlightWindow window) {
        window.submitOne(target);
    }
}
