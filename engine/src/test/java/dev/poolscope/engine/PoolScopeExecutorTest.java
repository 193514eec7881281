package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What PoolScope's executor adds to the contract: counters, timeouts, retries, caller-runs and a shared pool. */
@Timeout(10)
class PoolScopeExecutorTest {

    /** How long the engine lets a cancelled caller-run task go on before it gives up on it. */
    private static final Duration STUCK_GRACE = Duration.ofMillis(50);

    private final CountDownLatch release = new CountDownLatch(1);
    private PoolScopeExecutor executor;

    private PoolScopeExecutor start(PoolConfig.Builder config) {
        executor = PoolScope.executor(Pools.uniqueName(), config.build());
        return executor;
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        if (executor != null) {
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
            assertTrue(executor.dispatcher().snapshot().invariantHolds());
        }
    }

    private void occupy(PoolScopeExecutor e, int workers) {
        CountDownLatch started = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            e.execute(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> started.getCount() == 0);
    }

    @Test
    void rejectedTasksAreCountedAsDroppedByReason() {
        PoolScopeExecutor e = start(Pools.quiet().workers(1, 1).queueCapacity(1));
        occupy(e, 1);
        e.execute(() -> { });
        assertThrows(RejectedExecutionException.class, () -> e.execute(() -> { }));
        e.shutdown();
        assertThrows(RejectedExecutionException.class, () -> e.submit(() -> "late"));
        PoolSnapshot s = e.dispatcher().snapshot();
        assertEquals(1, s.dropped(DropReason.QUEUE_FULL));
        assertEquals(1, s.dropped(DropReason.SHUTTING_DOWN));
        assertTrue(s.invariantHolds());
    }

    @Test
    void shutdownNowHandsBackAsManyTasksAsThePoolCountsReturned() throws InterruptedException {
        PoolScopeExecutor e = start(Pools.quiet().workers(2, 2).queueCapacity(100));
        occupy(e, 2);
        for (int i = 0; i < 10; i++) {
            e.execute(() -> { });
        }
        List<Runnable> back = e.shutdownNow();
        assertTrue(e.awaitTermination(5, TimeUnit.SECONDS));
        PoolSnapshot s = e.dispatcher().snapshot();
        assertEquals(10, back.size());
        assertEquals(back.size(), s.returned());
        // The two running tasks caught the interrupt and returned, so they completed, as their futures say.
        assertEquals(2, s.completed());
        assertEquals(0, s.interrupted());
        assertTrue(s.invariantHolds());
    }

    @Test
    void aCancelledQueuedTaskIsCountedOnceAsCompleted() throws InterruptedException {
        PoolScopeExecutor e = start(Pools.quiet().workers(1, 1));
        occupy(e, 1);
        e.submit(() -> "never").cancel(true);
        release.countDown();
        e.shutdown();
        assertTrue(e.awaitTermination(5, TimeUnit.SECONDS));
        PoolSnapshot s = e.dispatcher().snapshot();
        assertEquals(2, s.submitted());
        assertEquals(2, s.completed());
        assertTrue(s.invariantHolds());
    }

    @Test
    void aTaskPastItsTimeoutIsInterruptedAndItsFutureFailsWithTimeoutException() throws Exception {
        executor = PoolScope.executor(Pools.uniqueName(), Pools.quiet().build(), Duration.ofMillis(20), 0);
        CountDownLatch interrupted = new CountDownLatch(1);
        Future<?> f = executor.submit(() -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException ie) {
                interrupted.countDown();
            }
            return null;
        });
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, thrown.getCause());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS));
        assertEquals(1, executor.dispatcher().snapshot().timedOut());
    }

    @Test
    void retriesAreOptInPerExecutor() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        PoolConfig retryingPool = Pools.quiet().maxRetries(3).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1))
                .build();
        executor = PoolScope.executor(Pools.uniqueName(), retryingPool);
        Future<?> plain = executor.submit(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("once");
        });
        assertThrows(ExecutionException.class, () -> plain.get(5, TimeUnit.SECONDS));
        assertEquals(1, calls.get(), "a plain executor ignores the pool's default retries");
        executor.shutdownNow();

        executor = PoolScope.executor(Pools.uniqueName(), retryingPool, Duration.ZERO, 1);
        AtomicInteger attempts = new AtomicInteger();
        Future<String> flaky = executor.submit(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
            return "second";
        });
        assertEquals("second", flaky.get(5, TimeUnit.SECONDS));
        assertEquals(1, executor.dispatcher().snapshot().retriedAttempts());
    }

    @Test
    void callerRunsTasksRunInTheSubmitterAndDelayTermination() throws Exception {
        StuckCaller stuck = stuckCallerRun();
        PoolScopeExecutor e = stuck.executor();
        e.shutdown();
        assertFalse(e.awaitTermination(10, TimeUnit.MILLISECONDS), "the pool waits for a caller-runs task to drain");
        e.shutdownNow();
        stuck.letEngineGiveUp();
        assertFalse(e.isTerminated(), "a caller-runs task is still running");
        assertFalse(e.awaitTermination(10, TimeUnit.MILLISECONDS));
        stuck.letGo().countDown();
        assertTrue(e.awaitTermination(5, TimeUnit.SECONDS));
        stuck.submitter().join();
    }

    @Test
    void aWaitForTerminationEndsAsSoonAsTheLastCallerRunTaskDoes() throws Exception {
        StuckCaller stuck = stuckCallerRun();
        PoolScopeExecutor e = stuck.executor();
        e.shutdownNow();
        stuck.letEngineGiveUp();
        CompletableFuture<Boolean> terminated = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                terminated.complete(e.awaitTermination(1, TimeUnit.HOURS));
            } catch (InterruptedException ex) {
                terminated.completeExceptionally(ex);
            }
        }, "the-waiter");
        waiter.start();
        await().atMost(Duration.ofSeconds(2)).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
        stuck.letGo().countDown();
        assertTrue(terminated.get(2, TimeUnit.SECONDS), "woken by the caller-run task's end, not its hour");
        stuck.submitter().join(2000);
    }

    @Test
    void describesItselfByItsPoolAndState() {
        PoolScopeExecutor e = start(Pools.quiet());
        assertEquals("PoolScopeExecutor[" + e.dispatcher().name + ", RUNNING]", e.toString());
    }

    @Test
    void anExecutorOnAnExistingPoolRunsItsTasksThere() throws Exception {
        Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of());
        PoolScopeExecutor e = PoolScope.executor(pool);
        assertSame(pool, e.dispatcher());
        assertEquals("done", e.submit(() -> "done").get(2, TimeUnit.SECONDS));
        PoolScopeExecutor retrying = PoolScope.executor(pool, Duration.ZERO, 1);
        AtomicInteger calls = new AtomicInteger();
        assertEquals("second", retrying.submit(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first");
            }
            return "second";
        }).get(2, TimeUnit.SECONDS), "its own retry count");
        pool.shutdownAsync(Duration.ZERO).get(2, TimeUnit.SECONDS);
    }

    @Test
    void anEvictedTaskFailsItsFutureWithRejectedExecutionException() throws Exception {
        PoolScopeExecutor e = start(Pools.quiet().workers(1, 1).queueCapacity(1)
                .overflowPolicy(OverflowPolicy.DROP_OLDEST));
        occupy(e, 1);
        Future<String> oldest = e.submit(() -> "old");
        Future<String> newest = e.submit(() -> "new");
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> oldest.get(5, TimeUnit.SECONDS));
        assertInstanceOf(RejectedExecutionException.class, thrown.getCause());
        release.countDown();
        assertEquals("new", newest.get(5, TimeUnit.SECONDS));
        assertEquals(1, e.dispatcher().snapshot().dropped(DropReason.EVICTED));
    }

    @Test
    void typedRequestsAndPlainTasksShareOnePool() throws Exception {
        Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of("echo", r -> r.payload()));
        executor = PoolScope.executor(pool);
        assertEquals("typed", ((Outcome.Completed) pool.submit("echo", "typed").get()).value());
        assertEquals("plain", executor.submit(() -> "plain").get());
        assertEquals(2, pool.snapshot().completed());
    }

    @Test
    void servesAsTheExecutorOfCompletableFutures() {
        PoolScopeExecutor e = start(Pools.quiet());
        String result = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), e)
                .thenApplyAsync(name -> name.startsWith(e.name() + "-worker-") ? "on the pool" : name, e)
                .join();
        assertEquals("on the pool", result);
        // The task completes its stage from inside the pool's attempt, just before the pool counts it.
        await().atMost(Duration.ofSeconds(5)).until(() -> e.dispatcher().snapshot().completed() == 2);
    }

    @Test
    void aCompletableFuturesTaskIsNotRetried() {
        executor = PoolScope.executor(Pools.uniqueName(), Pools.quiet().build(), Duration.ZERO, 2);
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Object> f = CompletableFuture.supplyAsync(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("supplier failed");
        }, executor);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertEquals("supplier failed", failed.getCause().getMessage());
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.dispatcher().snapshot().completed() == 1);
        assertEquals(1, calls.get(), "the supplier ran once");
        assertEquals(0, executor.dispatcher().snapshot().retriedAttempts(), "a spent task is not run again");
    }

    @Test
    void underCallerRunsATaskGivenToExecuteThrowsToTheCallerAsThreadPoolExecutorDoes() {
        PoolScopeExecutor e = start(Pools.quiet().workers(1, 1).queueCapacity(1)
                .overflowPolicy(OverflowPolicy.CALLER_RUNS));
        occupy(e, 1);
        e.execute(() -> { });
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        Thread.setDefaultUncaughtExceptionHandler((t, x) -> reported.add(x));
        try {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> e.execute(() -> {
                throw new IllegalStateException("order 42 failed");
            }));
            assertEquals("order 42 failed", thrown.getMessage());
            assertEquals(List.of(), reported, "thrown to the caller, not reported as uncaught as well");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertEquals(1, e.dispatcher().snapshot().failed());
    }

    @Test
    void anExecutorsOwnPoolKeepsTheJvmUpAsExecutorsPoolsDo() throws Exception {
        PoolScopeExecutor e = start(Pools.quiet());
        assertFalse(e.submit(() -> Thread.currentThread().isDaemon()).get(5, TimeUnit.SECONDS));
        try (Dispatcher typed = Pools.start(Pools.quiet().build(), Map.of("daemon?", r -> Thread.currentThread()
                .isDaemon()))) {
            assertEquals(true, ((Outcome.Completed) typed.submit("daemon?", 1).get(5, TimeUnit.SECONDS)).value(),
                    "a typed pool's workers let the JVM exit");
        }
    }

    @Test
    void workerThreadsAreNamedAfterThePool() throws Exception {
        PoolScopeExecutor e = start(Pools.quiet());
        assertTrue(e.submit(() -> Thread.currentThread().getName()).get().startsWith(e.name() + "-worker-"));
    }

    @Test
    void aTaskCancelledWhileRunningLeavesNoInterruptForTheWorkersNextTask() throws Exception {
        PoolScopeExecutor e = start(Pools.quiet().workers(1, 1));
        CountDownLatch running = new CountDownLatch(1);
        Future<?> first = e.submit(() -> {
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException keepTheFlag) {
                Thread.currentThread().interrupt();
            }
        });
        running.await();
        assertTrue(first.cancel(true));
        Future<Boolean> next = e.submit(() -> Thread.currentThread().isInterrupted());
        assertFalse(next.get(5, TimeUnit.SECONDS), "the cancelled task's interrupt stayed with it");
    }

    @Test
    void aTaskSaysWhetherItIsPendingDoneOrCancelled() {
        TaskFuture<String> pending = TaskFuture.of(() -> "v");
        assertEquals("TaskFuture[pending]", pending.toString());
        pending.settle(Outcome.Completed.of("v", 1, 0, 0));
        assertEquals("TaskFuture[done]", pending.toString());
        TaskFuture<String> cancelled = TaskFuture.of(() -> "v");
        assertTrue(cancelled.cancel(false));
        assertEquals("TaskFuture[cancelled]", cancelled.toString());
    }

    /** A one-worker caller-runs pool, full, whose submitter runs a task that ignores interrupts; see below. */
    private record StuckCaller(PoolScopeExecutor executor, CountDownLatch letGo, Thread submitter, HandClock clock) {

        /**
         * After shutdownNow: the engine gives up waiting for the stubborn caller after twice the grace and a second,
         * by its hand-driven clock, and terminates while the caller still runs.
         */
        void letEngineGiveUp() {
            Dispatcher pool = executor.dispatcher();
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.state() == PoolState.STOPPING);
            clock.awaitReadsAfter(clock.set(clock.now()), 2);
            clock.set(clock.now() + STUCK_GRACE.multipliedBy(2).plusSeconds(1).toNanos());
            await().atMost(Duration.ofSeconds(5)).until(pool::isTerminated);
        }
    }

    private StuckCaller stuckCallerRun() throws InterruptedException {
        PoolScopeExecutor e = start(Pools.quiet().workers(1, 1).queueCapacity(1)
                .overflowPolicy(OverflowPolicy.CALLER_RUNS).stuckGrace(STUCK_GRACE));
        occupy(e, 1);
        e.execute(() -> { });
        CountDownLatch letGo = new CountDownLatch(1);
        Thread submitter = stubbornCallerRun(e, letGo);
        HandClock clock = new HandClock();
        e.dispatcher().shutdown.useClock(clock);
        return new StuckCaller(e, letGo, submitter, clock);
    }

    /**
     * Starts a submitter whose task runs in it (the pool is full under caller-runs) and ignores interrupts until
     * {@code letGo} opens, so only this executor's own count of caller-run tasks sees it; returns once it runs.
     */
    private static Thread stubbornCallerRun(PoolScopeExecutor e, CountDownLatch letGo) throws InterruptedException {
        CountDownLatch inCaller = new CountDownLatch(1);
        Thread submitter = new Thread(() -> e.execute(() -> {
            inCaller.countDown();
            boolean done = false;
            while (!done) {
                try {
                    done = letGo.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException ignoredLikeAStubbornTask) {
                    // Keeps running after shutdownNow's interrupt.
                }
            }
        }), "the-submitter");
        submitter.start();
        assertTrue(inCaller.await(5, TimeUnit.SECONDS));
        return submitter;
    }

    @Test
    void refusedTaskLimitsNameTheirParameterAndStartNoPool() {
        String name = Pools.uniqueName();
        PoolConfig config = Pools.quiet().workers(3, 3).build();
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
                () -> PoolScope.executor(name, config, Duration.ofHours(2), 0));
        assertEquals("taskTimeout = 7200000 ms is not allowed: must be between 0 ms and 3600000 ms",
                timeout.getMessage());
        IllegalArgumentException retries = assertThrows(IllegalArgumentException.class,
                () -> PoolScope.executor(name, config, Duration.ZERO, -1));
        assertEquals("taskRetries = -1 is not allowed: must be between 0 and " + PoolConfig.RETRY_LIMIT,
                retries.getMessage());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(name + "-")),
                "no thread of a pool that was refused");
    }

    @Test
    void awaitTerminationWaitsForATaskThatIgnoredShutdownNow() throws Exception {
        PoolScopeExecutor e = start(Pools.quiet().workers(1, 1).stuckGrace(STUCK_GRACE));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        e.execute(() -> {
            started.countDown();
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        e.shutdownNow();
        // The pool gives up on the stuck worker and terminates without it; the task still runs.
        await().atMost(Duration.ofSeconds(8)).until(() -> e.dispatcher().isTerminated());
        assertFalse(e.isTerminated(), "a task of the pool still runs");
        assertFalse(e.awaitTermination(0, TimeUnit.SECONDS));
        stop.set(true);
        assertTrue(e.awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(e.isTerminated());
    }
}
