package dev.poolscope.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@link java.util.concurrent.ExecutorService} backed by a {@link Dispatcher}: plain tasks become requests of
 * type {@link #TASK_TYPE}, so they scale, queue, drop, show in snapshots and can be retuned live like any request,
 * and they can share one pool with typed requests. Create one with {@link PoolScope#executor}.
 *
 * <p>Behaves as the {@code ExecutorService} and {@code Future} javadoc promise:
 * <ul>
 *   <li>a task the pool refuses (queue full under {@code DROP_NEWEST} or {@code BLOCK}, or submitted after
 *       shutdown) throws {@link RejectedExecutionException}, and the pool still counts it as dropped by reason;
 *       under {@code DROP_OLDEST} the evicted task's future fails with a {@code RejectedExecutionException};</li>
 *   <li>{@code Future.cancel(true)} interrupts a running task; a task cancelled while queued never runs (the
 *       pool counts it as completed when a worker reaches it, as {@code ThreadPoolExecutor} does);</li>
 *   <li>{@link #shutdownNow()} returns the tasks that never started (the Runnables given to {@code execute}, the
 *       futures made by {@code submit}), which the pool counts as returned, and interrupts running ones before it
 *       returns; a task that returns in spite of the interrupt within the pool's
 *       {@link PoolConfig#stuckGrace() stuckGrace} (1 s by default; lengthen it with
 *       {@link PoolConfig.Builder#stuckGrace}, up to an hour) keeps its result. Unlike
 *       {@code ThreadPoolExecutor}, one still running when the grace runs out is given up on: its future fails with
 *       an {@link InterruptedException} as the cause and what it returns later is discarded, so that the shutdown
 *       ends; {@link #awaitTermination} still waits for such a task to return;</li>
 *   <li>timeouts and retries apply only if this executor was given them, whatever the pool's defaults: a task
 *       past its timeout is interrupted and its future fails with a {@link TimeoutException}.</li>
 * </ul>
 */
public final class PoolScopeExecutor extends AbstractExecutorService {

    /** The request type of plain tasks; the executor registers its handler under it. */
    public static final String TASK_TYPE = "executor-task";
    /** A graceful shutdown waits for the queue to drain, however long that takes. */
    private static final Duration UNTIL_DRAINED = Duration.ofDays(365L * 100);
    /** How often {@link #awaitTermination} looks again for a stuck task's thread to end. */
    private static final long ABANDONED_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Dispatcher pool;
    private final Duration taskTimeout;
    private final int taskRetries;
    // Guarded by this: tasks running in a submitter's thread under CALLER_RUNS, which the pool does not wait for.
    private int callerRuns;
    // Guarded by this: whether shutdownNow() has already handed the unstarted tasks back.
    private boolean handedBack;

    PoolScopeExecutor(Dispatcher pool, Duration taskTimeout, int taskRetries) {
        checkTaskLimits(taskTimeout, taskRetries);
        this.pool = Objects.requireNonNull(pool, "pool");
        this.taskTimeout = taskTimeout;
        this.taskRetries = taskRetries;
        pool.register(TASK_TYPE, this::runTask);
    }

    /**
     * Checks an executor's own task limits, named as {@link PoolScope#executor} takes them: the pool's defaults
     * never apply to its tasks, so there is no "use the default" value.
     */
    static void checkTaskLimits(Duration taskTimeout, int taskRetries) {
        PoolConfig.checkDuration("taskTimeout", taskTimeout, Duration.ZERO, PoolConfig.DURATION_LIMIT);
        if (taskRetries < 0 || taskRetries > PoolConfig.RETRY_LIMIT) {
            throw PoolConfig.invalid("taskRetries", taskRetries, "between 0 and " + PoolConfig.RETRY_LIMIT);
        }
    }

    /** The pool behind this executor, for snapshots, events, retuning and its shutdown report. */
    public Dispatcher dispatcher() {
        return pool;
    }

    /** The pool's name, which its threads carry. */
    public String name() {
        return pool.name;
    }

    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        TaskFuture<?> task = command instanceof TaskFuture<?> own ? own : TaskFuture.forExecute(command);
        // CompletableFuture's async tasks complete their own future and never throw: a retry would run a spent
        // task and count it as completed, so they get none.
        int retries = command instanceof CompletableFuture.AsynchronousCompletionTask ? 0 : taskRetries;
        // The task's future follows the outcome as the pool settles it (Job.complete).
        Outcome now = pool.submit(new Request(TASK_TYPE, task, taskTimeout, retries)).getNow(null);
        // EVICTED means it was admitted and then pushed out by a newer task; only a refusal is the caller's error.
        if (now instanceof Outcome.Dropped d && d.reason() != DropReason.EVICTED) {
            throw rejected(d.reason());
        }
        // A task given to execute that failed in this thread (CALLER_RUNS): the caller gets its exception.
        if (now instanceof Outcome.Failed f && task.handedBack != task && task.failedInThisThread()) {
            if (f.cause() instanceof RuntimeException e) {
                throw e;
            }
            if (f.cause() instanceof Error e) {
                throw e;
            }
            throw new RuntimeException(f.cause());
        }
    }

    private RejectedExecutionException rejected(DropReason reason) {
        String why = reason.toString();
        if (reason == DropReason.QUEUE_FULL && pool.config().overflowPolicy() == OverflowPolicy.BLOCK
                && Thread.currentThread().isInterrupted()) {
            why += " (the submitting thread was interrupted while it waited for room)";
        }
        return new RejectedExecutionException("task rejected by pool " + pool.name + ": " + why);
    }

    private Object runTask(Request request) throws Exception {
        TaskFuture<?> task = (TaskFuture<?>) request.payload();
        // Not on one of the pool's workers: CALLER_RUNS is running it in the submitter's thread.
        return Worker.isWorkerOf(pool) ? task.attempt(true) : runInCaller(task);
    }

    /** Runs a task in the thread that submitted it, counted so termination waits for it. */
    private Object runInCaller(TaskFuture<?> task) throws Exception {
        synchronized (this) {
            callerRuns++;
        }
        try {
            return task.attempt(false);
        } finally {
            synchronized (this) {
                callerRuns--;
                notifyAll();
            }
        }
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return TaskFuture.of(callable);
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return TaskFuture.of(runnable, value);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return InvokeAny.run(this, tasks, false, 0);
        } catch (TimeoutException cannotHappen) {
            throw new AssertionError(cannotHappen);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return InvokeAny.run(this, tasks, true, unit.toNanos(timeout));
    }

    /** Refuses new tasks and lets every queued and running one finish; returns at once. */
    @Override
    public void shutdown() {
        pool.shutdownAsync(UNTIL_DRAINED);
    }

    /**
     * Refuses new tasks, interrupts running ones and returns the queued ones, which never start; returns once
     * the queue is closed and the running tasks have been interrupted, without waiting for them to end.
     */
    @Override
    public List<Runnable> shutdownNow() {
        List<Request> back = pool.stopNow().join();
        List<Runnable> tasks = new ArrayList<>();
        synchronized (this) {
            if (handedBack) {
                return tasks;
            }
            handedBack = true;
        }
        for (Request r : back) {
            if (r.payload() instanceof TaskFuture<?> task && TASK_TYPE.equals(r.type())) {
                tasks.add(task.handedBack);
            }
        }
        return tasks;
    }

    @Override
    public boolean isShutdown() {
        return pool.state() != PoolState.RUNNING;
    }

    /**
     * True once the pool has terminated and no task of it still runs: none in a submitter's thread, and none in a
     * worker the pool gave up on as stuck (the pool itself terminates without waiting for those).
     */
    @Override
    public boolean isTerminated() {
        if (!pool.isTerminated() || pool.workers.anyAbandonedRunning()) {
            return false;
        }
        synchronized (this) {
            return callerRuns == 0;
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long start = System.nanoTime();
        long timeoutNanos = unit.toNanos(timeout);
        if (!pool.awaitTermination(Duration.ofNanos(Math.max(0, timeoutNanos)))) {
            return false;
        }
        synchronized (this) {
            long left;
            while (callerRuns > 0) {
                left = DurationBounds.nanosLeft(timeoutNanos, start, System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        // Rare (a task ignored every interrupt), so a short poll rather than a signal on every worker's exit.
        while (pool.workers.anyAbandonedRunning()) {
            long left = DurationBounds.nanosLeft(timeoutNanos, start, System.nanoTime());
            if (left <= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(this, Math.min(left, ABANDONED_POLL_NANOS));
        }
        return true;
    }

    @Override
    public String toString() {
        return "PoolScopeExecutor[" + pool.name + ", " + pool.state() + "]";
    }
}
