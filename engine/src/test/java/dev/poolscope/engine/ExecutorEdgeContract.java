package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract at its edges, where a {@code CompletableFuture} or careless arithmetic would differ from
 * {@code FutureTask} and {@code ThreadPoolExecutor}: exceptions that look like cancellation, a second cancel,
 * timeouts at the extremes of a {@code long}, and what has happened by the time {@code shutdownNow()} returns.
 */
@Timeout(10)
abstract class ExecutorEdgeContract extends ExecutorContract {

    @Test
    void aTaskThatThrowsCancellationExceptionFailsAndIsNotCancelled() throws Exception {
        CompletableFuture<String> upstream = new CompletableFuture<>();
        upstream.cancel(false);
        Future<String> f = executor().submit(upstream::join);
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertSame(CancellationException.class, e.getCause().getClass());
        assertTrue(f.isDone());
        assertFalse(f.isCancelled());
        assertFalse(f.cancel(true), "a task that ended cannot be cancelled");
        assertFalse(f.isCancelled());
    }

    @Test
    void aTaskThatThrowsCompletionExceptionKeepsThatLayerAsTheCause() {
        CompletionException thrown = new CompletionException(new IllegalStateException("down"));
        Future<String> f = executor().submit(() -> {
            throw thrown;
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertSame(thrown, e.getCause());
        assertFalse(f.isCancelled());
    }

    @Test
    void onlyTheCancelThatCancelledARunningTaskCountsOrInterrupts() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Future<?> running = executor().submit(() -> {
            started.countDown();
            try {
                letGo.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            ended.countDown();
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertTrue(running.cancel(false));
        assertFalse(running.cancel(true), "already cancelled");
        assertFalse(running.cancel(false), "already cancelled");
        letGo.countDown();
        assertTrue(ended.await(5, TimeUnit.SECONDS));
        assertFalse(interrupted.get(), "a cancel that cancelled nothing interrupted the task");
        assertTrue(running.isCancelled());
    }

    @Test
    void cancellingACancelledQueuedTaskAgainReturnsFalse() throws Exception {
        occupyWorker();
        Future<String> queued = executor().submit(() -> "never");
        assertTrue(queued.cancel(true));
        assertFalse(queued.cancel(true));
        assertFalse(queued.cancel(false));
        assertTrue(queued.isCancelled());
    }

    @Test
    void timedInvokeAnyWithAHugeNegativeTimeoutTimesOutAtOnce() throws Exception {
        List<Callable<String>> tasks = List.of(() -> {
            new CountDownLatch(1).await();
            return "never";
        });
        assertThrows(TimeoutException.class, () -> executor().invokeAny(tasks, Long.MIN_VALUE, TimeUnit.NANOSECONDS));
        assertThrows(TimeoutException.class, () -> executor().invokeAny(tasks, -Long.MAX_VALUE, TimeUnit.SECONDS));
        assertEquals("free", executor().submit(() -> "free").get(5, TimeUnit.SECONDS), "each call cancelled its task");
    }

    @Test
    void timedInvokeAnyWithAHugeTimeoutWaitsForTheResult() throws Exception {
        List<Callable<String>> tasks = List.of(() -> "done");
        assertEquals("done", executor().invokeAny(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        assertEquals("done", executor().invokeAny(tasks, Long.MAX_VALUE, TimeUnit.DAYS));
    }

    @Test
    void timedInvokeAllAtTheExtremesCancelsEverythingOrWaitsForEverything() throws Exception {
        List<Callable<String>> tasks = List.of(() -> "a", () -> "b");
        for (long negative : List.of(Long.MIN_VALUE, -Long.MAX_VALUE)) {
            for (Future<String> f : executor().invokeAll(tasks, negative, TimeUnit.NANOSECONDS)) {
                assertTrue(f.isCancelled());
            }
        }
        for (TimeUnit unit : List.of(TimeUnit.NANOSECONDS, TimeUnit.DAYS)) {
            List<Future<String>> futures = executor().invokeAll(tasks, Long.MAX_VALUE, unit);
            assertEquals("a", futures.get(0).get());
            assertEquals("b", futures.get(1).get());
        }
    }

    @Test
    void awaitTerminationAtTheExtremesAnswersAtOnceOrWaitsForTheEnd() throws Exception {
        occupyWorker();
        assertFalse(executor().awaitTermination(Long.MIN_VALUE, TimeUnit.NANOSECONDS));
        assertFalse(executor().awaitTermination(-Long.MAX_VALUE, TimeUnit.SECONDS));
        executor().shutdownNow();
        assertTrue(executor().awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS));
        assertTrue(executor().awaitTermination(Long.MIN_VALUE, TimeUnit.NANOSECONDS), "terminated is terminated");
    }

    /**
     * The interrupt races the caller's return from {@code shutdownNow()} only when it is sent late, so each round
     * is a fresh chance to catch that; the task spins rather than waits, so nothing but the interrupt can set it.
     */
    @RepeatedTest(20)
    void theRunningTaskIsInterruptedByTheTimeShutdownNowReturns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] runner = new Thread[1];
        executor().execute(() -> {
            runner[0] = Thread.currentThread();
            started.countDown();
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        executor().shutdownNow();
        boolean interrupted = runner[0].isInterrupted();
        stop.set(true);
        assertTrue(interrupted, "shutdownNow returned before it interrupted the running task");
    }
}
