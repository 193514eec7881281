package dev.poolscope.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code invokeAny} for {@link PoolScopeExecutor}. The JDK's version wraps each task in a {@code FutureTask} of its
 * own, which would hide the pool's timeouts and retries from the task's future, so this one watches the
 * executor's own futures finish instead.
 */
final class InvokeAny {

    private InvokeAny() {
    }

    /**
     * Submits every task and returns the first successful result; cancels the rest however it returns.
     * With {@code timed}, gives up after {@code nanos} with a {@link TimeoutException}.
     */
    static <T> T run(PoolScopeExecutor executor, Collection<? extends Callable<T>> tasks, boolean timed, long nanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("invokeAny needs at least one task");
        }
        long start = System.nanoTime();
        List<TaskFuture<T>> futures = new ArrayList<>(tasks.size());
        BlockingQueue<TaskFuture<T>> finished = new LinkedBlockingQueue<>();
        try {
            for (Callable<T> callable : tasks) {
                TaskFuture<T> f = TaskFuture.of(Objects.requireNonNull(callable, "task"));
                futures.add(f);
                f.whenDone(() -> finished.add(f));
                executor.execute(f);
            }
            ExecutionException last = null;
            for (int left = futures.size(); left > 0; left--) {
                TaskFuture<T> f = timed
                        ? finished.poll(DurationBounds.nanosLeft(nanos, start, System.nanoTime()), TimeUnit.NANOSECONDS)
                        : finished.take();
                if (f == null) {
                    throw new TimeoutException("no task succeeded within the timeout");
                }
                try {
                    return f.get();
                } catch (ExecutionException e) {
                    last = e;
                } catch (CancellationException e) {
                    last = new ExecutionException(e);
                }
            }
            throw last;
        } finally {
            for (TaskFuture<T> f : futures) {
                f.cancel(true);
            }
        }
    }
}
