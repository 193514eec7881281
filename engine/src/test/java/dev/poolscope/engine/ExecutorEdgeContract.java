package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
}
