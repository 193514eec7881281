package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A task's future on its own, without a pool: what it hands back, whom it tells of a failure, run and cancel. */
@Timeout(10)
class TaskFutureTest {

    @Test
    void shutdownNowHandsBackTheCallersRunnableForExecuteAndTheFutureForSubmit() {
        Runnable task = () -> { };
        assertSame(task, TaskFuture.forExecute(task).handedBack);
        TaskFuture<String> submitted = TaskFuture.of(() -> "v");
        assertSame(submitted, submitted.handedBack);
    }

    @Test
    void onlyAFailedExecuteTaskReportsItsExceptionAsUncaught() {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            IllegalStateException submitted = new IllegalStateException("the caller holds the future");
            TaskFuture.of(() -> "v").settle(new Outcome.Failed(submitted, 1));
            assertTrue(reported.isEmpty(), reported.toString());
            IllegalStateException executed = new IllegalStateException("nobody holds a future");
            TaskFuture.forExecute(() -> { }).settle(new Outcome.Failed(executed, 1));
            assertEquals(List.of(executed), reported);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void runningItInTheCallerSettlesItOnceAndACancelledOneNeverRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        TaskFuture<Integer> f = TaskFuture.of(runs::incrementAndGet);
        AtomicInteger done = new AtomicInteger();
        f.whenDone(done::incrementAndGet);
        f.run();
        assertEquals(1, f.get(1, TimeUnit.SECONDS));
        assertEquals(1, done.get(), "told once it was done");
        assertFalse(f.cancel(true), "too late to cancel");
        TaskFuture<Integer> cancelled = TaskFuture.of(runs::incrementAndGet);
        assertTrue(cancelled.cancel(false));
        cancelled.run();
        assertEquals(1, runs.get(), "the cancelled task never ran");
        assertTrue(cancelled.isCancelled());
        assertNull(TaskFuture.of(() -> null).attempt(true));
    }

    @Test
    void aCancellationExceptionTheTaskThrewFailsTheFutureForGetJoinAndDependents() throws Exception {
        CancellationException thrown = new CancellationException("upstream was cancelled");
        TaskFuture<String> ranHere = TaskFuture.of(() -> {
            throw thrown;
        });
        CompletableFuture<Throwable> seenByDependent = ranHere.handle((v, e) -> e);
        ranHere.run();
        TaskFuture<String> settled = TaskFuture.of(() -> "v");
        settled.settle(new Outcome.Failed(thrown, 1));
        for (TaskFuture<String> f : List.of(ranHere, settled)) {
            assertSame(thrown, assertThrows(ExecutionException.class, f::get).getCause());
            assertSame(thrown, assertThrows(CompletionException.class, f::join).getCause());
            assertFalse(f.isCancelled());
            assertTrue(f.isCompletedExceptionally());
            assertFalse(f.cancel(true));
        }
        assertSame(thrown, seenByDependent.get(1, TimeUnit.SECONDS).getCause());
    }

    @Test
    void anOrdinaryFailureReachesExceptionallyUnwrapped() {
        IllegalStateException thrown = new IllegalStateException("boom");
        TaskFuture<String> f = TaskFuture.of(() -> "v");
        f.settle(new Outcome.Failed(thrown, 1));
        assertEquals("boom", f.exceptionally(Throwable::getMessage).join());
    }
}
