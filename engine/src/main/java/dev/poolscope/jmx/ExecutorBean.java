package dev.poolscope.jmx;

import java.util.concurrent.ThreadPoolExecutor;

/**
 * A {@link ThreadPoolExecutor} as an {@link ExecutorPoolMXBean}. The executor refuses a core size above its
 * maximum (and a maximum below its core) with a bare {@link IllegalArgumentException}; this bean refuses them
 * first, with a message that names the attributes as JMX shows them and says why and what to do.
 */
final class ExecutorBean implements ExecutorPoolMXBean {

    private final ThreadPoolExecutor executor;
    private final String name;
    private final CountingRejections rejections;

    ExecutorBean(ThreadPoolExecutor executor, String name, CountingRejections rejections) {
        this.executor = executor;
        this.name = name;
        this.rejections = rejections;
    }

    @Override
    public String getKind() {
        return PoolJmx.KIND_THREAD_POOL_EXECUTOR;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getState() {
        if (executor.isTerminated()) {
            return "TERMINATED";
        }
        if (executor.isTerminating()) {
            return "TERMINATING";
        }
        return executor.isShutdown() ? "SHUTDOWN" : "RUNNING";
    }

    @Override
    public int getCorePoolSize() {
        return executor.getCorePoolSize();
    }

    // Sizes change under this bean's monitor, so two clients' writes cannot interleave between check and set.
    @Override
    public synchronized void setCorePoolSize(int core) {
        int max = executor.getMaximumPoolSize();
        checkCore(core);
        if (core > max) {
            throw new IllegalArgumentException("CorePoolSize = " + core + " is not allowed: must be at most"
                    + " MaximumPoolSize (" + max + "); to raise both, use setPoolSizes(core, max)");
        }
        executor.setCorePoolSize(core);
    }

    @Override
    public int getMaximumPoolSize() {
        return executor.getMaximumPoolSize();
    }

    @Override
    public synchronized void setMaximumPoolSize(int max) {
        int core = executor.getCorePoolSize();
        checkMax(max);
        if (max < core) {
            throw new IllegalArgumentException("MaximumPoolSize = " + max + " is not allowed: must be at least"
                    + " CorePoolSize (" + core + "); to lower both, use setPoolSizes(core, max)");
        }
        executor.setMaximumPoolSize(max);
    }

    @Override
    public synchronized void setPoolSizes(int core, int max) {
        checkCore(core);
        checkMax(max);
        if (core > max) {
            throw new IllegalArgumentException("CorePoolSize = " + core + " is not allowed: must be at most"
                    + " MaximumPoolSize (" + max + ")");
        }
        // Move whichever side keeps core ≤ max at every step.
        if (core > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(max);
            executor.setCorePoolSize(core);
        } else {
            executor.setCorePoolSize(core);
            executor.setMaximumPoolSize(max);
        }
    }

    private static void checkCore(int core) {
        if (core < 0) {
            throw new IllegalArgumentException("CorePoolSize = " + core + " is not allowed: must be at least 0");
        }
    }

    private static void checkMax(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("MaximumPoolSize = " + max + " is not allowed: must be at least 1");
        }
    }

    @Override
    public int getPoolSize() {
        return executor.getPoolSize();
    }

    @Override
    public int getLargestPoolSize() {
        return executor.getLargestPoolSize();
    }

    @Override
    public int getBusyWorkers() {
        return executor.getActiveCount();
    }

    @Override
    public long getQueueDepth() {
        return executor.getQueue().size();
    }

    @Override
    public long getQueueRemainingCapacity() {
        return executor.getQueue().remainingCapacity();
    }

    @Override
    public long getCompleted() {
        return executor.getCompletedTaskCount();
    }

    @Override
    public long getTaskCount() {
        return executor.getTaskCount();
    }

    @Override
    public long getRejected() {
        return rejections.rejected();
    }
}
