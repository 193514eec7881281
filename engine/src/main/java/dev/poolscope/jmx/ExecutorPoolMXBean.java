package dev.poolscope.jmx;

/**
 * A plain {@link java.util.concurrent.ThreadPoolExecutor} as JMX sees it, registered by {@link PoolJmx#monitor}.
 * Attributes that mean the same as a {@link PoolMXBean}'s have the same name (Kind, Name, State, PoolSize,
 * BusyWorkers, QueueDepth), so one client reads both kinds alike; Completed shares the name but counts every task
 * that finished, normally or by throwing (the executor does not tell them apart), where a PoolScope pool's counts
 * only those whose handler returned. The figures are the executor's own, which it documents as approximate while
 * tasks run.
 */
public interface ExecutorPoolMXBean {

    /** What kind of pool this is: {@code ThreadPoolExecutor}. */
    String getKind();

    /** The name it is registered under. */
    String getName();

    /** Lifecycle: RUNNING, SHUTDOWN (draining), TERMINATING or TERMINATED. */
    String getState();

    /** Threads the executor keeps even when idle (unless it lets core threads time out). */
    int getCorePoolSize();

    /** Sets the core size; refused if above the maximum (set both with {@link #setPoolSizes}). */
    void setCorePoolSize(int core);

    /** Most threads the executor may have; it grows past core only when its queue refuses a task. */
    int getMaximumPoolSize();

    /** Sets the maximum size; refused if below the core size (set both with {@link #setPoolSizes}). */
    void setMaximumPoolSize(int max);

    /** Sets core and maximum together, in whichever order keeps core at most max throughout. */
    void setPoolSizes(int core, int max);

    /** Threads in the pool right now. */
    int getPoolSize();

    /** The most threads the pool has ever had at once. */
    int getLargestPoolSize();

    /** Threads running a task right now (the executor's active count). */
    int getBusyWorkers();

    /** Tasks waiting in the queue. */
    long getQueueDepth();

    /** Tasks the queue could still take without blocking; {@code Integer.MAX_VALUE} for an unbounded queue. */
    long getQueueRemainingCapacity();

    /** Tasks that have finished, normally or by throwing. */
    long getCompleted();

    /** Tasks ever scheduled: finished, running and queued. */
    long getTaskCount();

    /** Tasks handed to the rejection handler since monitoring began: queue full, or executor shut down. */
    long getRejected();
}
