package dev.poolscope.jmx;

/**
 * A PoolScope pool as JMX sees it, registered by {@link PoolJmx#register}.
 *
 * <p><b>Open types.</b> Every attribute is a number, a string or a composite ({@link PoolSnapshotData} and its
 * parts arrive as {@link javax.management.openmbean.CompositeData}), so generic clients need none of PoolScope's
 * classes.
 *
 * <p><b>Consistency.</b> Each attribute is read on its own, so two attributes read one after the other may come
 * from different moments. {@link #getSnapshot()} is one consistent cut of everything in one call: prefer it
 * whenever figures are compared or added up.
 *
 * <p><b>Latency intervals.</b> The {@code ...Millis} latency attributes and {@link #getSnapshot()} cover the
 * pool's whole life. Percentiles cannot be subtracted, so a client that charts interval percentiles opens a reader
 * of its own ({@link #openReader()}) and calls {@link #readInterval(long)}, which covers the time since that
 * reader's previous read; readers never disturb one another, and one unused for {@value PoolJmx#READER_EXPIRY_MINUTES}
 * minutes is closed.
 *
 * <p><b>Writes</b> go through the pool's own setters: a value the engine refuses fails with the engine's
 * {@link IllegalArgumentException} and message (JMX clients see it as the cause of a
 * {@link javax.management.RuntimeMBeanException}, proxies as the exception itself) and changes nothing.
 *
 * <p><b>Notifications</b>: an {@link javax.management.AttributeChangeNotification} for every change of a config
 * attribute, however it was made (JMX, the app, code in the pool's JVM; who made it is not known), with its exact
 * old and new value, in the order the changes took effect (one write that moves two attributes sends one for
 * each); {@link #SCALING_NOTIFICATION} for each scaling decision; and {@link #DROPS_NOTIFICATION} at most once per
 * {@value PoolJmx#TICK_MILLIS} ms while requests are dropped, after the notices of config changes made before its
 * drops were counted (a switch to {@code DROP_OLDEST} is announced before the evictions it causes; a drop counted in
 * the microseconds while a change is being applied may reach a burst sent just before that change's notice).
 */
public interface PoolMXBean {

    /**
     * Notification type of a scaling decision: the message describes it; user data is a composite with the
     * {@link dev.poolscope.engine.ScalingEvent}'s fields (reason as its name, time in epoch milliseconds).
     */
    String SCALING_NOTIFICATION = "dev.poolscope.scaling";
    /** Notification type of a drop burst: user data ({@link DropCounts}) counts drops since the previous one. */
    String DROPS_NOTIFICATION = "dev.poolscope.drops";

    /** What kind of pool this is: {@code PoolScope}. */
    String getKind();

    /** The name it is registered under. */
    String getName();

    /** Lifecycle: RUNNING, DRAINING, STOPPING or TERMINATED. */
    String getState();

    /** Workers never fall below this; raising it starts workers at once. */
    int getMinWorkers();

    void setMinWorkers(int n);

    /** Workers never rise above this; lowering it retires the surplus as each finishes its request. */
    int getMaxWorkers();

    void setMaxWorkers(int n);

    /** Sets min and max workers together, for changes that would cross if made one at a time. */
    void setWorkerRange(int minWorkers, int maxWorkers);

    /** Queued requests above which the pool adds a worker per scaling tick. */
    int getLoadThreshold();

    void setLoadThreshold(int n);

    /** Most requests waiting in the queue. */
    int getQueueCapacity();

    void setQueueCapacity(int n);

    /** What happens to a request that finds the queue full: DROP_NEWEST, DROP_OLDEST, BLOCK or CALLER_RUNS. */
    String getOverflowPolicy();

    void setOverflowPolicy(String policy);

    /** Default time an attempt may run before it is interrupted, in milliseconds; 0 means no limit. */
    long getRequestTimeoutMillis();

    void setRequestTimeoutMillis(long millis);

    /** Default retries after a failed or timed-out attempt. */
    int getMaxRetries();

    void setMaxRetries(int n);

    /** How often the scaler decides, in milliseconds (a sub-millisecond tick set in code reads rounded down). */
    long getScalingTickMillis();

    void setScalingTickMillis(long millis);

    /**
     * The scaling policy in force: threshold, hpa, backlog, capacity or aimd. Writing another name applies that
     * policy with its default parameters; writing the name in force keeps its parameters.
     */
    String getScalingPolicy();

    void setScalingPolicy(String name);

    /** The scaling policy's parameters in one line, as the app shows them. */
    String getScalingPolicySettings();

    /** Live workers, busy or idle. */
    int getPoolSize();

    /** Workers running an attempt right now. */
    int getBusyWorkers();

    /** Requests waiting in the queue for a worker. */
    long getQueueDepth();

    /** Attempts running right now, on workers or (under CALLER_RUNS) on submitters. */
    long getRunning();

    /** Requests holding no worker while they wait out a retry backoff. */
    long getWaitingForRetry();

    /** Requests ever submitted, including dropped and unhandled ones. */
    long getSubmitted();

    /** Requests whose handler returned normally, on any attempt. */
    long getCompleted();

    /** Requests whose last attempt threw, with no retries left. */
    long getFailed();

    /** Requests whose last attempt ran past its timeout, with no retries left. */
    long getTimedOut();

    /** Attempts that were retried (a request retried twice counts two). */
    long getRetriedAttempts();

    /** Requests dropped without running, for any reason. */
    long getDropped();

    /** Requests refused because the queue was full under DROP_NEWEST. */
    long getDroppedQueueFull();

    /** Queued requests pushed out by newer ones under DROP_OLDEST. */
    long getDroppedEvicted();

    /** Submitters that waited the block timeout under BLOCK without finding room. */
    long getDroppedBlockTimeout();

    /** Requests submitted after shutdown began. */
    long getDroppedShuttingDown();

    /** Requests whose type had no handler. */
    long getUnhandled();

    /** Requests still queued at a forced shutdown, handed back unrun. */
    long getReturned();

    /** Requests running or waiting to retry when a forced shutdown stopped them. */
    long getInterrupted();

    /** Workers abandoned because their handler ignored the interrupt past the grace. */
    long getStuckWorkers();

    /** Submitted requests neither finished nor in the pool; the engine guarantees zero. */
    long getUnaccounted();

    /** Median time from enqueue to a worker picking the request up, over the pool's life, in milliseconds. */
    double getQueueWaitP50Millis();

    /** 99th percentile of queue wait over the pool's life, in milliseconds. */
    double getQueueWaitP99Millis();

    /** Longest queue wait over the pool's life, in milliseconds. */
    double getQueueWaitMaxMillis();

    /** Median time a handler ran per attempt, over the pool's life, in milliseconds. */
    double getRunTimeP50Millis();

    /** 99th percentile of run time over the pool's life, in milliseconds. */
    double getRunTimeP99Millis();

    /** Longest run time over the pool's life, in milliseconds. */
    double getRunTimeMaxMillis();

    /** Everything above as one consistent cut, latencies over the pool's whole life; see its components. */
    PoolSnapshotData getSnapshot();

    /** Opens a reader for interval latencies and returns its id; see {@link #readInterval(long)}. */
    long openReader();

    /**
     * A consistent snapshot like {@link #getSnapshot()} whose latencies cover the time since this reader's
     * previous read (or its opening); {@code latencyWindowMillis} says how long that was.
     *
     * @throws IllegalArgumentException if no reader has that id (never opened, closed, or expired unused)
     */
    PoolSnapshotData readInterval(long readerId);

    /** Closes a reader; closing one that is gone does nothing. */
    void closeReader(long readerId);
}
