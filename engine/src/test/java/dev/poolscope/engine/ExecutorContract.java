package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code ExecutorService} and {@code Future} contract, written from their javadoc and run against every
 * implementation that extends it: a fixed pool of {@link #WORKERS} threads with a queue of {@link #CAPACITY}
 * that refuses tasks when full. Wherever the javadoc makes a promise, both implementations must keep it alike.
 */
@Timeout(10)
abstract class ExecutorContract {

    static final int WORKERS = 1;
    static final int CAPACITY = 4;

    /** A fresh executor with {@link #WORKERS} threads, a queue of {@link #CAPACITY} and abort-on-full. */
    abstract ExecutorService newExecutor();

    private ExecutorService executor;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch blockerStarted = new CountDownLatch(1);

    ExecutorService executor() {
        if (executor == null) {
            executor = newExecutor();
        }
        return executor;
    }

    @AfterEach
    void stopExecutor() throws InterruptedException {
        release.countDown();
        if (executor != null) {
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "terminated after the test");
        }
    }

    /** Occupies the only worker until the test ends or {@link #release} opens. */
    Future<?> occupyWorker() throws InterruptedException {
        Future<?> f = executor().submit(() -> {
            blockerStarted.countDown();
            release.await();
            return null;
        });
        assertTrue(blockerStarted.await(5, TimeUnit.SECONDS));
        return f;
    }

    @Test
    void executeRunsTheTask() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        executor().execute(ran::countDown);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
    }

    @Test
    void submitCallableReturnsItsResult() throws Exception {
        assertEquals("done", executor().submit(() -> "done").get());
    }

    @Test
    void submitRunnableReturnsNullOrTheGivenResult() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        assertNull(executor().submit((Runnable) runs::incrementAndGet).get());
        assertEquals("given", executor().submit(runs::incrementAndGet, "given").get());
        assertEquals(2, runs.get());
    }

    @Test
    void aThrowingTaskSurfacesItsExceptionAsTheCauseOfExecutionException() {
        IllegalStateException boom = new IllegalStateException("boom");
        Future<?> f = executor().submit(() -> {
            throw boom;
        });
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        assertSame(boom, e.getCause());
        assertTrue(f.isDone());
        assertFalse(f.isCancelled());
    }

    @Test
    void anExceptionFromAnExecutedTaskReachesTheUncaughtExceptionHandler() throws InterruptedException {
        IllegalStateException boom = new IllegalStateException("nobody holds a future for this");
        AtomicReference<Throwable> caught = new AtomicReference<>();
        CountDownLatch reported = new CountDownLatch(1);
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (e == boom) {
                caught.set(e);
                reported.countDown();
            }
        });
        try {
            executor().execute(() -> {
                throw boom;
            });
            assertTrue(reported.await(5, TimeUnit.SECONDS));
            assertSame(boom, caught.get());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void nullTasksThrowNullPointerException() {
        assertThrows(NullPointerException.class, () -> executor().execute(null));
        assertThrows(NullPointerException.class, () -> executor().submit((Runnable) null));
        assertThrows(NullPointerException.class, () -> executor().submit((Callable<?>) null));
        assertThrows(NullPointerException.class, () -> executor().invokeAll(null));
        assertThrows(NullPointerException.class, () -> executor().invokeAny(null));
    }

    @Test
    void rejectsATaskWhenTheQueueIsFull() throws InterruptedException {
        occupyWorker();
        for (int i = 0; i < CAPACITY; i++) {
            executor().execute(() -> { });
        }
        assertThrows(RejectedExecutionException.class, () -> executor().execute(() -> { }));
        assertThrows(RejectedExecutionException.class, () -> executor().submit(() -> "x"));
    }

    @Test
    void rejectsTasksAfterShutdown() {
        executor().shutdown();
        assertTrue(executor().isShutdown());
        assertThrows(RejectedExecutionException.class, () -> executor().execute(() -> { }));
        assertThrows(RejectedExecutionException.class, () -> executor().submit(() -> "x"));
    }

    @Test
    void isRunningUntilShutdown() {
        assertFalse(executor().isShutdown());
        assertFalse(executor().isTerminated());
    }

    @Test
    void shutdownLetsQueuedAndRunningTasksFinish() throws Exception {
        Future<?> running = occupyWorker();
        Future<String> queued = executor().submit(() -> "queued");
        executor().shutdown();
        assertTrue(executor().isShutdown());
        assertFalse(executor().isTerminated(), "a task still runs");
        assertFalse(executor().awaitTermination(0, TimeUnit.MILLISECONDS));
        release.countDown();
        assertTrue(executor().awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(executor().isTerminated());
        assertNull(running.get());
        assertEquals("queued", queued.get());
    }

    @Test
    void shutdownTwiceIsHarmless() throws InterruptedException {
        executor().shutdown();
        executor().shutdown();
        assertTrue(executor().awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(executor().isTerminated());
    }

    @Test
    void shutdownNowReturnsExactlyTheTasksThatNeverStartedAndInterruptsRunningOnes() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        executor().execute(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        AtomicBoolean queuedRan = new AtomicBoolean();
        Runnable first = () -> queuedRan.set(true);
        Runnable second = () -> queuedRan.set(true);
        executor().execute(first);
        executor().execute(second);

        List<Runnable> neverStarted = executor().shutdownNow();

        assertEquals(2, neverStarted.size());
        assertSame(first, neverStarted.get(0));
        assertSame(second, neverStarted.get(1));
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the running task was interrupted");
        assertTrue(executor().awaitTermination(5, TimeUnit.SECONDS));
        assertFalse(queuedRan.get(), "a task handed back never runs");
        assertTrue(executor().shutdownNow().isEmpty(), "a second call has nothing left to hand back");
    }

    @Test
    void aTaskThatReturnsInSpiteOfShutdownNowKeepsItsResult() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Future<String> running = executor().submit(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
                return "never";
            } catch (InterruptedException e) {
                return "fallback";
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        executor().shutdownNow();
        assertTrue(executor().awaitTermination(5, TimeUnit.SECONDS));
        assertEquals("fallback", running.get(), "what the task returned is its result");
    }

    @Test
    void anInterruptATaskLeavesSetDoesNotReachTheNextTask() throws Exception {
        occupyWorker();
        executor().execute(() -> Thread.currentThread().interrupt());
        Future<Boolean> next = executor().submit(() -> Thread.currentThread().isInterrupted());
        release.countDown();
        assertFalse(next.get(5, TimeUnit.SECONDS), "the next task on the same worker starts uninterrupted");
    }

    @Test
    void shutdownNowHandsBackTheFuturesOfSubmittedTasksStillPending() throws Exception {
        occupyWorker();
        Future<String> queued = executor().submit(() -> "never");
        List<Runnable> neverStarted = executor().shutdownNow();
        assertEquals(List.of(queued), neverStarted);
        assertFalse(queued.isDone(), "still pending, for the caller to run or cancel");
        ((Runnable) queued).run();
        assertEquals("never", queued.get(), "the caller may run a handed-back task itself");
    }

    @Test
    void shutdownNowAfterShutdownStillHandsBackTheQueue() throws Exception {
        occupyWorker();
        Runnable queued = () -> { };
        executor().execute(queued);
        executor().shutdown();
        assertEquals(List.of(queued), executor().shutdownNow());
    }

    @Test
    void awaitTerminationIsFalseUntilShutdown() throws InterruptedException {
        assertFalse(executor().awaitTermination(10, TimeUnit.MILLISECONDS));
        assertFalse(executor().isTerminated());
    }

    @Test
    void cancellingAQueuedTaskMeansItNeverRuns() throws Exception {
        occupyWorker();
        AtomicBoolean ran = new AtomicBoolean();
        Future<?> queued = executor().submit(() -> ran.set(true));
        assertTrue(queued.cancel(false));
        assertTrue(queued.isCancelled());
        assertTrue(queued.isDone());
        assertThrows(CancellationException.class, queued::get);
        CountDownLatch later = new CountDownLatch(1);
        executor().execute(later::countDown);
        release.countDown();
        assertTrue(later.await(5, TimeUnit.SECONDS));
        executor().shutdown();
        assertTrue(executor().awaitTermination(5, TimeUnit.SECONDS));
        assertFalse(ran.get());
    }

    @Test
    void cancelWithInterruptStopsARunningTaskAndFreesItsWorkerWithoutLeakingTheInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Future<?> running = executor().submit(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertTrue(running.cancel(true));
        assertTrue(interrupted.await(5, TimeUnit.SECONDS));
        assertThrows(CancellationException.class, running::get);
        // The only worker is free again, and the interrupt was meant for the cancelled task only.
        Future<Boolean> next = executor().submit(() -> Thread.currentThread().isInterrupted());
        assertFalse(next.get(5, TimeUnit.SECONDS));
    }

    @Test
    void cancelWithoutInterruptLetsTheRunningTaskEnd() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        Future<?> running = executor().submit(() -> {
            started.countDown();
            release.await();
            sawInterrupt.set(Thread.currentThread().isInterrupted());
            finished.countDown();
            return null;
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertTrue(running.cancel(false));
        assertTrue(running.isCancelled());
        release.countDown();
        assertTrue(finished.await(5, TimeUnit.SECONDS));
        assertFalse(sawInterrupt.get());
        assertThrows(CancellationException.class, running::get);
    }

    @Test
    void cancellingADoneTaskFails() throws Exception {
        Future<String> f = executor().submit(() -> "x");
        assertEquals("x", f.get());
        assertFalse(f.cancel(true));
        assertFalse(f.isCancelled());
        assertEquals("x", f.get());
    }

    @Test
    void timedGetThrowsTimeoutExceptionWhileTheTaskRuns() throws Exception {
        Future<?> running = occupyWorker();
        assertThrows(TimeoutException.class, () -> running.get(10, TimeUnit.MILLISECONDS));
        assertFalse(running.isDone());
    }

    @Test
    void getIsInterruptible() throws Exception {
        Future<?> running = occupyWorker();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                running.get();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        waiter.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.WAITING);
        waiter.interrupt();
        waiter.join();
        assertInstanceOf(InterruptedException.class, thrown.get());
    }

    @Test
    void awaitTerminationIsInterruptible() throws Exception {
        occupyWorker();
        executor().shutdown();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                executor().awaitTermination(1, TimeUnit.MINUTES);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        waiter.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
        waiter.interrupt();
        waiter.join();
        assertInstanceOf(InterruptedException.class, thrown.get());
    }

    @Test
    void anInterruptedInvokeAllThrowsAndCancelsWhatItStarted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        List<Callable<String>> tasks = List.of(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "never";
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                executor().invokeAll(tasks);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join();
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the task it started was cancelled with an interrupt");
    }

    @Test
    void invokeAllWithANullTaskThrowsNullPointerException() {
        List<Callable<Integer>> tasks = new ArrayList<>();
        tasks.add(() -> 1);
        tasks.add(null);
        assertThrows(NullPointerException.class, () -> executor().invokeAll(tasks));
        assertThrows(NullPointerException.class, () -> executor().invokeAll(tasks, 5, TimeUnit.SECONDS));
    }

    @Test
    void invokeAllReturnsEveryFutureDoneInTaskOrder() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Callable<String>> tasks = List.of(() -> "a", () -> {
            throw boom;
        }, () -> "c");
        List<Future<String>> futures = executor().invokeAll(tasks);
        assertEquals(3, futures.size());
        futures.forEach(f -> assertTrue(f.isDone()));
        assertEquals("a", futures.get(0).get());
        assertSame(boom, assertThrows(ExecutionException.class, futures.get(1)::get).getCause());
        assertEquals("c", futures.get(2).get());
        assertTrue(executor().invokeAll(List.of()).isEmpty());
    }

    @Test
    void timedInvokeAllCancelsWhatDidNotFinish() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        List<Callable<String>> tasks = List.of(() -> "quick", () -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "never";
        });
        List<Future<String>> futures = executor().invokeAll(tasks, 50, TimeUnit.MILLISECONDS);
        assertEquals("quick", futures.get(0).get());
        assertTrue(futures.get(1).isCancelled());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the unfinished task was interrupted");
    }

    @Test
    void invokeAnyReturnsTheResultOfATaskThatSucceeded() throws Exception {
        List<Callable<String>> tasks = List.of(() -> {
            throw new IllegalStateException("first fails");
        }, () -> "second");
        assertEquals("second", executor().invokeAny(tasks));
        assertEquals("second", executor().invokeAny(tasks, 5, TimeUnit.SECONDS));
    }

    @Test
    void invokeAnyThrowsExecutionExceptionWhenEveryTaskFails() {
        List<Callable<String>> tasks = List.of(() -> {
            throw new IllegalStateException("a");
        }, () -> {
            throw new IllegalStateException("b");
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> executor().invokeAny(tasks));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void timedInvokeAnyThrowsTimeoutExceptionAndCancelsTheTasks() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        List<Callable<String>> tasks = List.of(() -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "never";
        });
        assertThrows(TimeoutException.class, () -> executor().invokeAny(tasks, 20, TimeUnit.MILLISECONDS));
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the task still running was cancelled");
    }

    @Test
    void invokeAnyOfNoTasksThrowsIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> executor().invokeAny(List.of()));
    }

    @Test
    void tasksRunOnPoolThreadsNotTheCaller() throws Exception {
        Thread caller = Thread.currentThread();
        assertFalse(executor().submit(() -> Thread.currentThread() == caller).get());
    }
}
