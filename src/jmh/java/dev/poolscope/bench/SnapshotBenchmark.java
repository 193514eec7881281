package dev.poolscope.bench;

import java.util.concurrent.CompletableFuture;
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
import org.openjdk.jmh.annotations.Warmup;

import dev.poolscope.engine.PoolSnapshot;

/**
 * What one {@code snapshot()} costs the caller: locking every counter stripe, merging every worker's interval
 * histograms and computing percentiles. The pool has run 200,000 requests first, so its histograms are sized as
 * in real use; it is idle while measured, so this is the snapshot's own cost, not time spent waiting for locks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SnapshotBenchmark {

    @Param({"2", "8"})
    public int workers;

    private PoolUnderTest.DispatcherPool target;

    @Setup(Level.Trial)
    public void start() {
        target = new PoolUnderTest.DispatcherPool(workers, InFlightWindow.QUEUE_CAPACITY);
        CompletableFuture<?>[] batch = new CompletableFuture<?>[1000];
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < batch.length; i++) {
                batch[i] = target.submit(i);
            }
            CompletableFuture.allOf(batch).join();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        target.checkNothingLost();
        target.close();
    }

    @Benchmark
    public PoolSnapshot snapshot() {
        return target.pool.snapshot();
    }
}
