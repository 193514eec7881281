package dev.poolscope.bench;

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
 * No-op requests completed per second, dispatcher against {@code ThreadPoolExecutor}, with one, two or four producer
 * threads (the JMH threads) each keeping an {@link InFlightWindow} of requests in flight. The same harness,
 * worker count and queue capacity apply to both pools, and no request is ever rejected, so every operation
 * counted is a request that ran and completed its future. {@code tpe-timed} is the executor measuring each task's
 * queue wait and run time as the dispatcher does, which prices those measurements on their own. {@code executor}
 * against {@code tpe-submit} measures the {@code ExecutorService} path, {@code submit(Callable)} and
 * {@code Future.get}, on each pool.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ThroughputBenchmark {

    /** Typed requests, TPE's execute (plain and timed), and the ExecutorService path on both pools. */
    @Param({"dispatcher", "tpe", "tpe-timed", "executor", "tpe-submit"})
    public String pool;

    @Param({"2", "8", "16"})
    public int workers;

    private PoolUnderTest target;

    @Setup(Level.Trial)
    public void start() {
        target = PoolUnderTest.start(pool, workers, InFlightWindow.QUEUE_CAPACITY);
    }

    @TearDown(Level.Trial)
    public void stop() {
        target.checkNothingLost();
        target.close();
    }

    @Benchmark
    @Threads(1)
    public void oneProducer(InFlightWindow window) {
        window.submitOne(target);
    }

    @Benchmark
    @Threads(2)
    public void twoProducers(InFlightWindow window) {
        window.submitOne(target);
    }

    @Benchmark
    @Threads(4)
    public void fourProducers(InFlightWindow window) {
        window.submitOne(target);
    }
}
