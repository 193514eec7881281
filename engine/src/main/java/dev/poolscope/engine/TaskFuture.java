package dev.poolscope.engine;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The future of one plain task run by a {@link PoolScopeExecutor}. Unlike a {@code FutureTask}, running the task
 * does not settle the future: the pool's {@link Outcome} does, so a timed-out attempt ends in a
 * {@link TimeoutException} and a failed one can be retried. {@link #run()} is only for a caller that got the task
 * back from {@code shutdownNow()} and runs it itself.
 *
 * <p>Cancellation follows {@code FutureTask}: a task cancelled before a worker reaches it never runs; one cancelled
 * while running is interrupted if asked, and its result is discarded.
 */
final class TaskFuture<V> extends CompletableFuture<V> implements RunnableFuture<V> {

    private final Callable<V> callable;
    /** What {@code shutdownNow()} hands back: the caller's own Runnable for execute, this future for submit. */
    final Runnable handedBack;
    // Guarded by this: the thread running an attempt, so cancel(true) interrupts only while it runs.
    private Thread runner;
    // The submitting thread that last ran an attempt itself (CALLER_RUNS); its failure is thrown to it, not reported.
    private volatile Thread callerRunner;

    private TaskFuture(Callable<V> callable, Runnable handedBack) {
        this.callable = Objects.requireNonNull(callable, "task");
        this.handedBack = handedBack == null ? this : handedBack;
    }

    static <V> TaskFuture<V> of(Callable<V> callable) {
        return new TaskFuture<>(callable, null);
    }

    static <V> TaskFuture<V> of(Runnable task, V value) {
        return new TaskFuture<>(Executors.callable(task, value), null);
    }

    /** Wraps a task given to {@code execute}; it is handed back as itself if it never runs. */
    static TaskFuture<Void> forExecute(Runnable task) {
        return new TaskFuture<>(Executors.callable(task, null), task);
    }

    /**
     * Runs one attempt for the pool and returns or throws what the task did, leaving the future to the outcome.
     * A cancelled task does not run, and one cancelled during the attempt returns normally, so the pool neither
     * retries it nor counts it as failed.
     */
    Object attempt(boolean onPoolWorker) throws Exception {
        synchronized (this) {
            if (isDone()) {
                return null;
            }
            runner = Thread.currentThread();
        }
        if (!onPoolWorker) {
            callerRunner = Thread.currentThread();
        }
        try {
            return callable.call();
        } catch (Exception | Error e) {
            if (isCancelled()) {
                return null;
            }
            throw e;
        } finally {
            synchronized (this) {
                runner = null;
            }
            // cancel(true) interrupts under the lock, so no interrupt of this task can arrive after this point;
            // a worker must not carry it into its next task. A caller thread keeps it, as with FutureTask.
            if (onPoolWorker && isCancelled()) {
                Thread.interrupted();
            }
        }
    }

    /** Settles the future from the pool's outcome for this task. */
    @SuppressWarnings("unchecked")
    void settle(Outcome outcome) {
        if (outcome instanceof Outcome.Completed c) {
            complete((V) c.value());
        } else if (outcome instanceof Outcome.Failed f) {
            fail(f.cause());
            if (handedBack != this && !failedInThisThread()) {
                reportUncaught(f.cause());
            }
        } else if (outcome instanceof Outcome.TimedOut t) {
            completeExceptionally(new TimeoutException(
                    "the task ran past its timeout of " + t.timeout().toMillis() + " ms and was interrupted"));
        } else if (outcome instanceof Outcome.Interrupted) {
            completeExceptionally(new InterruptedException("the task was interrupted by shutdownNow"));
        } else if (outcome instanceof Outcome.Dropped d) {
            completeExceptionally(new RejectedExecutionException("the task was dropped: " + d.reason()));
        } else if (outcome instanceof Outcome.Unhandled u) {
            completeExceptionally(new IllegalStateException("no handler for " + u.type()));
        }
        // Returned: like a FutureTask that shutdownNow hands back, it stays pending until the caller runs or
        // cancels it.
    }

    /**
     * Whether the calling thread ran the task's last attempt itself, under {@code CALLER_RUNS}: {@code execute}
     * then throws its failure to it, as {@code ThreadPoolExecutor.CallerRunsPolicy} does.
     */
    boolean failedInThisThread() {
        return callerRunner == Thread.currentThread() && isCompletedExceptionally();
    }

    /**
     * Nobody holds a future for a task given to {@code execute}, so its exception goes where a
     * {@code ThreadPoolExecutor}'s default threads send it: the thread group, which passes it to the default
     * uncaught-exception handler or prints it. Not to the worker's own handler, which reports a dying worker, and
     * this one lives on.
     */
    private static void reportUncaught(Throwable cause) {
        Thread t = Thread.currentThread();
        t.getThreadGroup().uncaughtException(t, cause);
    }

    /** Runs the task in the calling thread and settles the future with its result, unless already done. */
    @Override
    public void run() {
        try {
            Object value = attempt(false);
            if (!isDone()) {
                @SuppressWarnings("unchecked")
                V v = (V) value;
                complete(v);
            }
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    /**
     * Fails the future with what the task threw, so that {@code get()} throws an {@code ExecutionException} with
     * exactly that cause, as a {@code FutureTask} does. CompletableFuture reads a stored CancellationException as
     * cancellation and unwraps a CompletionException in {@code get()}, so those two are wrapped in one
     * CompletionException, which {@code get()} takes off again and {@code join()} and dependents see as usual.
     */
    private void fail(Throwable thrown) {
        boolean misread = thrown instanceof CancellationException || thrown instanceof CompletionException;
        completeExceptionally(misread ? new CompletionException(thrown) : thrown);
    }

    /**
     * Cancels the task unless it is done; true only for the call that cancelled it, and only that call may
     * interrupt it, as with {@code FutureTask}.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        // CompletableFuture.cancel also answers true when the future was cancelled before; this is the same
        // completion, but answers only for this call.
        if (!completeExceptionally(new CancellationException())) {
            return false;
        }
        if (mayInterruptIfRunning) {
            synchronized (this) {
                if (runner != null) {
                    runner.interrupt();
                }
            }
        }
        return true;
    }

    /** Calls {@code action} once the future is done, on the thread that completes it. */
    void whenDone(Runnable action) {
        whenComplete((v, e) -> action.run());
    }

    @Override
    public String toString() {
        return "TaskFuture[" + (isCancelled() ? "cancelled" : isDone() ? "done" : "pending") + "]";
    }
}
