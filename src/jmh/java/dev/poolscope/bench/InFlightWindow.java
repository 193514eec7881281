package dev.poolscope.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One producer's closed-loop window: at most {@link #SIZE} of its requests are in flight. Each operation first
 * waits for the request it submitted {@code SIZE} operations ago, then submits a new one, so in steady state the
 * operation rate is the completion rate, and the queue never holds more than producers × {@code SIZE} requests.
 */
@State(Scope.Thread)
public class InFlightWindow {

    /** Requests one producer keeps in flight; a power of two. */
    static final int SIZE = 1024;
    /** Queue capacity for every pool in the throughput benchmarks: room for two full windows and then some. */
    static final int QUEUE_CAPACITY = 4 * SIZE;

    private static final Object PAYLOAD = "payload";

    private final Future<?>[] inFlight = new Future<?>[SIZE];
    private int next;

    /** Waits for the oldest request in the window if the window is full, then submits a new one. */
    void submitOne(PoolUnderTest pool) {
        Future<?> oldest = inFlight[next];
        if (oldest != null) {
            await(oldest);
        }
        inFlight[next] = pool.submitTask(PAYLOAD);
        next = (next + 1) & (SIZE - 1);
    }

    /** Lets every request of this iteration finish outside the timed region. */
    @TearDown(Level.Iteration)
    public void drain() {
        for (int i = 0; i < SIZE; i++) {
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
