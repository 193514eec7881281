package dev.poolscope.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.HdrHistogram.Histogram;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Handler;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolScope;
import dev.poolscope.engine.PoolScopeExecutor;
import dev.poolscope.engine.PoolSnapshot;

/**
 * A pool as every benchmark uses it: submit a no-op, get a future that completes when it has run. Both kinds get
 * the same worker count and the same bounded queue capacity, and neither may lose a request silently: the
 * dispatcher is checked for drops at the end of a trial, and the executor's AbortPolicy throws.
 */
abstract class PoolUnderTest implements AutoCloseable {

    /** The no-op both pools run: hand the payload back. */
    static final Handler NO_OP = request -> request.payload();

    /**
     * Starts {@code kind} with a fixed number of workers: "dispatcher" (typed requests), "tpe" (execute completing
     * a CompletableFuture), "tpe-timed" (the same, measuring each task's queue wait and run time as the dispatcher
     * does), "executor" (PoolScope's ExecutorService) or "tpe-submit" (TPE's submit).
     */
    static PoolUnderTest start(String kind, int workers, int queueCapacity) {
        return switch (kind) {
            case "dispatcher" -> new DispatcherPool(workers, queueCapacity);
            case "tpe" -> new ExecutorPool(workers, queueCapacity);
            case "executor" -> new PoolScopeExecutorPool(workers, queueCapacity);
            case "tpe-timed" -> new TimedExecutorPool(workers, queueCapacity);
            case "tpe-submit" -> new SubmittingExecutorPool(workers, queueCapacity);
            default -> throw new IllegalArgumentException(
                    "pool = " + kind + ": must be dispatcher, tpe, tpe-timed, executor or tpe-submit");
        };
    }

    /** Submits one no-op carrying {@code payload}. */
    abstract CompletableFuture<?> submit(Object payload);

    /** The path the throughput window measures: {@link #submit} here, {@code submit(Callable)} for executors. */
    Future<?> submitTask(Object payload) {
        return submit(payload);
    }

    /** Throws if any request was dropped or left unaccounted for. */
    abstract void checkNothingLost();

    /** Throws if the pool's counters do not add up; drops are allowed (the open-loop benchmark counts them). */
    void checkAccountedFor() {
    }

    @Override
    public abstract void close();

    /** The engine's config for every kind: metrics on (they always are), min = max so the scaler never acts. */
    static PoolConfig fixed(int workers, int queueCapacity) {
        return PoolConfig.builder()
                .workers(workers, workers)
                .loadThreshold(PoolConfig.THRESHOLD_LIMIT)
                .queueCapacity(queueCapacity)
                .build();
    }

    /** Typed requests straight to the engine. */
    static final class DispatcherPool extends PoolUnderTest {
        final Dispatcher pool;

        DispatcherPool(int workers, int queueCapacity) {
            this(Dispatcher.start("bench", fixed(workers, queueCapacity), Map.of("noop", NO_OP)));
        }

        DispatcherPool(Dispatcher pool) {
            this.pool = pool;
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

    /** The same engine behind PoolScope's ExecutorService: each task a Callable, each result a Future. */
    static final class PoolScopeExecutorPool extends PoolUnderTest {
        final PoolScopeExecutor executor;
        final DispatcherPool checks;

        PoolScopeExecutorPool(int workers, int queueCapacity) {
            executor = PoolScope.executor("bench", fixed(workers, queueCapacity));
            checks = new DispatcherPool(executor.dispatcher());
        }

        @Override
        CompletableFuture<?> submit(Object payload) {
            return CompletableFuture.supplyAsync(() -> payload, executor);
        }

        @Override
        Future<?> submitTask(Object payload) {
            return executor.submit(() -> payload);
        }

        @Override
        void checkNothingLost() {
            checks.checkNothingLost();
        }

        @Override
        void checkAccountedFor() {
            checks.checkAccountedFor();
        }

        @Override
        public void close() {
            checks.close();
        }
    }

    /**
     * The JDK baseline made to measure what the dispatcher measures, as a user would add it: each task's queue
     * wait and run time from three {@code System.nanoTime()} readings (submitted, started, ended), recorded into
     * histograms of its worker thread's own, so no lock and no shared write is added. It keeps no counters and
     * offers no snapshot; it prices the readings and the recording alone.
     */
    static final class TimedExecutorPool extends ExecutorPool {

        TimedExecutorPool(int workers, int queueCapacity) {
            super(workers, queueCapacity, TimingThread::new);
        }

        @Override
        CompletableFuture<?> submit(Object payload) {
            CompletableFuture<Object> done = new CompletableFuture<>();
            executor.execute(new TimedTask(payload, System.nanoTime(), done));
            return done;
        }
    }

    /** A worker of {@link TimedExecutorPool}, with the histograms its tasks record into. */
    static final class TimingThread extends Thread {
        final Histogram queueWaits = new Histogram(2);
        final Histogram runTimes = new Histogram(2);

        TimingThread(Runnable worker, String name) {
            super(worker, name);
        }
    }

    /** A no-op task that records its own queue wait and run time, then completes its future. */
    private record TimedTask(Object payload, long submittedAt, CompletableFuture<Object> done) implements Runnable {
        @Override
        public void run() {
            long start = System.nanoTime();
            Object value = payload;
            long ran = System.nanoTime() - start;
            TimingThread worker = (TimingThread) Thread.currentThread();
            worker.queueWaits.recordValue(start - submittedAt);
            worker.runTimes.recordValue(ran);
            done.complete(value);
        }
    }

    /** The JDK baseline for the ExecutorService path: {@code submit(Callable)} returning a FutureTask. */
    static final class SubmittingExecutorPool extends ExecutorPool {

        SubmittingExecutorPool(int workers, int queueCapacity) {
            super(workers, queueCapacity);
        }

        @Override
        Future<?> submitTask(Object payload) {
            return executor.submit(() -> payload);
        }
    }

    /**
     * The JDK baseline, built like {@code Executors.newFixedThreadPool} but with a bounded queue: each task runs
     * the same no-op and completes a {@code CompletableFuture}, which is what the dispatcher does per request.
     */
    static class ExecutorPool extends PoolUnderTest {
        final ThreadPoolExecutor executor;

        ExecutorPool(int workers, int queueCapacity) {
            this(workers, queueCapacity, Thread::new);
        }

        ExecutorPool(int workers, int queueCapacity, BiFunction<Runnable, String, Thread> threads) {
            AtomicInteger ids = new AtomicInteger();
            executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(queueCapacity), r -> {
                        Thread t = threads.apply(r, "tpe-worker-" + ids.incrementAndGet());
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
