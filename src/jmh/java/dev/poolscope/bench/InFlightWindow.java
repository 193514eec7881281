package dev.poolscope.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One producer's closed-loop window: at most a window of its requests are in flight. Each operation first
 * waits for the request it submitted a window ago, then submits a new one, so in steady state the
 * operation rate is the completion rate. The window is sized per producer, so that all producers' windows
 * together fill at most half the queue: any number of JMH threads ({@code -t}) runs without a drop.
 */
@State(Scope.Thread)
public class InFlightWindow {

    /** Queue capacity for every pool in the throughput benchmarks. */
    static final int QUEUE_CAPACITY = 4096;
    /** The most requests one producer keeps in flight. */
    static final int MAX_WINDOW = 1024;

    private static final Object PAYLOAD = "payload";

    private Future<?>[] inFlight;
    private int mask;
    private int next;

    @Setup(Level.Trial)
    public void size(BenchmarkParams params) {
        int share = QUEUE_CAPACITY / 2 / params.getThreads();
        int size = Math.min(MAX_WINDOW, Integer.highestOneBit(Math.max(1, share)));
        inFlight = new Future<?>[size];
        mask = size - 1;
    }

    /** Waits for the oldest request in the window if the window is full, then submits a new one. */
    void submitOne(PoolUnderTest pool) {
        Future<?> oldest = inFlight[next];
        if (oldest != null) {
            await(oldest);
        }
        inFlight[next] = pool.submitTask(PAYLOAD);
        next = (next + 1) & mask;
    }

    /** Lets every request of this iteration finish outside the timed region. */
    @TearDown(Level.Iteration)
    public void drain() {
        for (int i = 0; i < inFlight.length; i++) {
            if (inFlight[i] != null) {
                await(inFlight[i]);
                inFlight[i] = null;
            }
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a request", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a no-op request failed", e.getCause());
        }
    }
}
