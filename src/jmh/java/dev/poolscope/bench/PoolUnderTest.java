package dev.poolscope.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Handler;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;

/**
 * A pool as every benchmark uses it: submit a no-op, get a future that completes when it has run. Both kinds get
 * the same worker count and the same bounded queue capacity, and neither may lose a request silently: the
 * dispatcher is checked for drops at the end of a trial, and the executor's AbortPolicy throws.
 */
abstract class PoolUnderTest implements AutoCloseable {

    /** The no-op both pools run: hand the payload back. */
    static final Handler NO_OP = request -> request.payload();

    /** Starts {@code kind} ("dispatcher" or "tpe") with a fixed number of workers. */
    static PoolUnderTest start(String kind, int workers, int queueCapacity) {
        return switch (kind) {
            case "dispatcher" -> new DispatcherPool(workers, queueCapacity);
            case "tpe" -> new ExecutorPool(workers, queueCapacity);
            default -> throw new IllegalArgumentException("pool = " + kind + ": must be dispatcher or tpe");
        };
    }

    /** Submits one no-op carrying {@code payload}. */
    abstract CompletableFuture<?> submit(Object payload);

    /** Throws if any request was dropped or left unaccounted for. */
    abstract void checkNothingLost();

    /** Throws if the pool's counters do not add up; drops are allowed (the open-loop benchmark counts them). */
    void checkAccountedFor() {
    }

    @Override
    public abstract void close();

    /** The engine with every metric on (they always are), min = max so the scaler never acts. */
    static final class DispatcherPool extends PoolUnderTest {
        final Dispatcher pool;

        DispatcherPool(int workers, int queueCapacity) {
            PoolConfig config = PoolConfig.builder()
                    .workers(workers, workers)
                    .loadThreshold(PoolConfig.THRESHOLD_LIMIT)
                    .queueCapacity(queueCapacity)
                    .build();
            pool = Dispatcher.start("bench", config, Map.of("noop", NO_OP));
        }

        @Override
        CompletableFuture<?> submit(Object payload) {
            return pool.submit("noop", payload);
        }

        @Override
        void checkNothingLost() {
            PoolSnapshot s = pool.snapshot();
            if (s.droppedTotal() != 0 || !s.invariantHolds() || s.failed() != 0) {
                throw new IllegalStateException("the harness lost requests: submitted " + s.submitted()
                        + ", completed " + s.completed() + ", dropped " + s.dropped());
            }
        }

        @Override
        void checkAccountedFor() {
            PoolSnapshot s = pool.snapshot();
            if (!s.invariantHolds() || s.completed() + s.droppedTotal() != s.submitted()) {
                throw new IllegalStateException("requests unaccounted for: submitted " + s.submitted()
                        + ", completed " + s.completed() + ", dropped " + s.dropped());
            }
        }

        @Override
        public void close() {
            pool.shutdown(Duration.ofSeconds(10));
        }
    }

    /**
     * The JDK baseline, built like {@code Executors.newFixedThreadPool} but with a bounded queue: each task runs
     * the same no-op and completes a {@code CompletableFuture}, which is what the dispatcher does per request.
     */
    static final class ExecutorPool extends PoolUnderTest {
        final ThreadPoolExecutor executor;

        ExecutorPool(int workers, int queueCapacity) {
            AtomicInteger ids = new AtomicInteger();
            executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(queueCapacity), r -> {
                        Thread t = new Thread(r, "tpe-worker-" + ids.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }, new ThreadPoolExecutor.AbortPolicy());
            executor.prestartAllCoreThreads();
        }

        @Override
        CompletableFuture<?> submit(Object payload) {
            CompletableFuture<Object> done = new CompletableFuture<>();
            executor.execute(() -> done.complete(payload));
            return done;
        }

        @Override
        void checkNothingLost() {
            // AbortPolicy throws on a full queue, which fails the benchmark; nothing can be lost quietly.
        }

        @Override
        public void close() {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
