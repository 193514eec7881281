package dev.poolscope.engine;

import java.time.Duration;

/**
 * Factories for adopting the pool in code that expects an {@link java.util.concurrent.ExecutorService}: replace
 * {@code Executors.newFixedThreadPool(16)} with {@code PoolScope.executor("orders", config)} and keep every call
 * site.
 */
public final class PoolScope {

    private PoolScope() {
    }

    /**
     * A new pool named {@code name} (threads {@code name-worker-N}) as a plain executor: no timeouts or retries.
     * Its workers are not daemon threads, as in {@code Executors}' pools: after {@code shutdown()} the JVM stays up
     * until every queued task has run, and a pool never shut down keeps it up.
     */
    public static PoolScopeExecutor executor(String name, PoolConfig config) {
        return executor(name, config, Duration.ZERO, 0);
    }

    /**
     * A new pool as an executor whose tasks are interrupted after {@code taskTimeout} (zero: never) and retried up
     * to {@code taskRetries} times.
     */
    public static PoolScopeExecutor executor(String name, PoolConfig config, Duration taskTimeout, int taskRetries) {
        // Before the pool starts, so that a refused limit leaves no threads behind.
        PoolScopeExecutor.checkTaskLimits(taskTimeout, taskRetries);
        return new PoolScopeExecutor(Dispatcher.startForExecutor(name, config), taskTimeout, taskRetries);
    }

    /**
     * An executor for plain tasks on an existing pool, beside its typed requests; its shutdown stops the pool. The
     * pool's workers stay daemon threads, as {@link Dispatcher#start} made them.
     */
    public static PoolScopeExecutor executor(Dispatcher pool) {
        return new PoolScopeExecutor(pool, Duration.ZERO, 0);
    }

    /** An executor on an existing pool with its own task timeout (zero: never) and retries. */
    public static PoolScopeExecutor executor(Dispatcher pool, Duration taskTimeout, int taskRetries) {
        return new PoolScopeExecutor(pool, taskTimeout, taskRetries);
    }
}
