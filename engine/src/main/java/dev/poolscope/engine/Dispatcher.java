package dev.poolscope.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A self-scaling worker pool: requests wait in a bounded queue, a handler chosen by request type runs each one on
 * a worker, and a scaler keeps between {@code minWorkers} and {@code maxWorkers} workers according to how many
 * requests are queued. Every submitted request ends with exactly one {@link Outcome}.
 *
 * <h2>Tuning</h2>
 * Start from {@code minWorkers} = the load you always have, {@code maxWorkers} = what the downstream can take,
 * and a {@code loadThreshold} of a few hundred milliseconds of work: under the default {@link ThresholdPolicy} the
 * pool grows one worker per {@code scalingTick} while more than that is queued, and shrinks one idle worker per
 * tick once the queue has stayed below {@code shrinkFactor × loadThreshold} for the policy's window; other
 * {@link ScalingPolicy scaling policies} size the pool from queueing maths instead. All settings can change while requests flow; see
 * {@link #reconfigure}.
 *
 * <h2>Threads</h2>
 * Workers are named {@code <name>-worker-N}; one {@code <name>-scheduler} thread runs the scaler, the timeout
 * watchdog and retry timers; shutdown runs on {@code <name>-shutdown}. Submission never blocks except under
 * {@link OverflowPolicy#BLOCK} or {@link OverflowPolicy#CALLER_RUNS}. Futures complete on pool threads, so keep
 * their callbacks short or move them elsewhere with the {@code ...Async} variants. Locks and their order: see
 * the package documentation.
 */
public final class Dispatcher implements AutoCloseable {

    /** How often the watchdog looks for attempts past their deadline. */
    static final long WATCHDOG_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    final String name;
    final RequestQueue queue;
    final Accounting accounting;
    final Workers workers = new Workers(this);
    final Scaler scaler = new Scaler(this);
    private final Finisher finisher;
    final Watchdog watchdog = new Watchdog(this);
    final EventLog events = new EventLog();
    private final Admission admission = new Admission(this);
    final ScheduledThreadPoolExecutor scheduler;
    // Whether worker threads let the JVM exit while they live: yes for typed pools, no for a pool behind an
    // ExecutorService, which must keep the JVM up until its tasks are done, as Executors' pools do.
    final boolean daemonWorkers;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    // Guards config and state changes and the scaler task; see package-info for where it sits in the lock order.
    private final Object configLock = new Object();
    final ShutdownProcess shutdown = new ShutdownProcess(this);
    // Written under configLock; volatile so workers and submitters see changes without locking.
    private volatile PoolConfig config;
    private volatile PoolState state = PoolState.RUNNING;
    // Guarded by configLock.
    private ScheduledFuture<?> scalerTask;

    private Dispatcher(String name, PoolConfig config, Map<String, Handler> initialHandlers,
                       Function<Dispatcher, Finisher> finisherFactory, boolean daemonWorkers) {
        this.name = Objects.requireNonNull(name, "name");
        this.daemonWorkers = daemonWorkers;
        this.config = Objects.requireNonNull(config, "config");
        this.queue = new RequestQueue(config.queueCapacity());
        this.accounting = new Accounting(queue);
        this.finisher = finisherFactory.apply(this);
        handlers.putAll(Objects.requireNonNull(initialHandlers, "handlers"));
        scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name + "-scheduler");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Starts the workers, the scaler and the watchdog once the pool is fully built. */
    private Dispatcher begin() {
        scaler.start();
        synchronized (configLock) {
            workers.rebalance(config, 0);
            scheduleScaler(config);
        }
        scheduler.scheduleWithFixedDelay(guarded("watchdog",
                        () -> watchdog.scan(state.compareTo(PoolState.STOPPING) >= 0)),
                WATCHDOG_PERIOD_NANOS, WATCHDOG_PERIOD_NANOS, TimeUnit.NANOSECONDS);
        return this;
    }

    /** Starts a pool named "poolscope" with the given config and handlers (type → handler). */
    public static Dispatcher start(PoolConfig config, Map<String, Handler> handlers) {
        return start("poolscope", config, handlers);
    }

    /** Starts a pool whose threads are named after {@code name}. */
    public static Dispatcher start(String name, PoolConfig config, Map<String, Handler> handlers) {
        return start(name, config, handlers, Finisher::new);
    }

    /** Starts a pool with its own finisher; tests use it to make settling fail. */
    static Dispatcher start(String name, PoolConfig config, Map<String, Handler> handlers,
                            Function<Dispatcher, Finisher> finisherFactory) {
        return new Dispatcher(name, config, handlers, finisherFactory, true).begin();
    }

    /** Starts a pool for {@link PoolScope#executor}: no handlers, and workers that keep the JVM up. */
    static Dispatcher startForExecutor(String name, PoolConfig config) {
        return new Dispatcher(name, config, Map.of(), Finisher::new, false).begin();
    }

    Finisher finisher() {
        return finisher;
    }

    /** Registers (or replaces) the handler for a request type; takes effect for requests submitted afterwards. */
    public void register(String type, Handler handler) {
        handlers.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler"));
    }

    /** Submits a request of {@code type} with {@code payload} and the pool's default timeout and retries. */
    public CompletableFuture<Outcome> submit(String type, Object payload) {
        return submit(Request.of(type, payload));
    }

    /**
     * Submits a request and returns the future of its outcome. Never throws for a full queue or a stopped pool:
     * those complete the future at once with {@link Outcome.Dropped}; an unknown type completes it with
     * {@link Outcome.Unhandled}.
     */
    public CompletableFuture<Outcome> submit(Request request) {
        Objects.requireNonNull(request, "request");
        if (state != PoolState.RUNNING) {
            return admission.refuse(request, DropReason.SHUTTING_DOWN);
        }
        Handler handler = handlers.get(request.type());
        if (handler == null) {
            accounting.stripe().arrive(Counter.UNHANDLED);
            return CompletableFuture.completedFuture(new Outcome.Unhandled(request.type()));
        }
        PoolConfig c = config;
        Job job = new Job(request, handler);
        job.enqueuedAt = System.nanoTime();
        // An admitted request is counted by the queue as it becomes visible to workers, so no snapshot sees it
        // twice or not at all; a refused one is counted straight into its drop counter.
        admission.enqueue(job, c);
        return job;
    }

    /** The config in force. */
    public PoolConfig config() {
        return config;
    }

    /** The lifecycle state. */
    public PoolState state() {
        return state;
    }

    /** Live workers right now; a cheap read, without taking a snapshot. */
    public int poolSize() {
        return workers.size();
    }

    /**
     * Applies a change to the config in force: the new config is validated as a whole and applied atomically, or
     * an {@link IllegalArgumentException} names the bad field and nothing changes. Returns at once: raising min
     * starts workers now, lowering max retires the surplus as each worker finishes its current request, and the
     * scaler uses the new threshold from its next tick. Listeners hear of each applied change
     * ({@link PoolListener#onConfigChange}) before it returns.
     *
     * @throws IllegalStateException once shutdown has begun
     */
    public PoolConfig reconfigure(UnaryOperator<PoolConfig.Builder> change) {
        List<ScalingEvent> decided;
        PoolConfig next;
        synchronized (configLock) {
            if (state != PoolState.RUNNING) {
                throw new IllegalStateException("the pool is " + state + "; start a new one to change settings");
            }
            PoolConfig.Builder changed = change.apply(config.toBuilder());
            if (changed == null) {
                throw new IllegalArgumentException("reconfigure's change returned no builder: return the one it was "
                        + "given, changed");
            }
            next = changed.build();
            PoolConfig previous = config;
            config = next;
            queue.setCapacity(next.queueCapacity());
            decided = workers.rebalance(next, queue.size());
            if (!next.scalingTick().equals(previous.scalingTick())) {
                scheduleScaler(next);
            }
            // Told under the lock, so that listeners hear one pool's changes in the order they took effect.
            events.configChanged(previous, next);
        }
        decided.forEach(events::publish);
        return next;
    }

    /** Sets the least number of workers; see {@link #reconfigure}. */
    public void setMinWorkers(int n) {
        reconfigure(b -> b.minWorkers(n));
    }

    /** Sets the most workers; see {@link #reconfigure}. */
    public void setMaxWorkers(int n) {
        reconfigure(b -> {
            // The field changed is the one to name, not minWorkers, which the config's own check would.
            int min = config.minWorkers();
            if (n >= 1 && n < min) {
                throw PoolConfig.invalid("maxWorkers", n, "between minWorkers (" + min + ") and "
                        + PoolConfig.WORKER_LIMIT);
            }
            return b.maxWorkers(n);
        });
    }

    /** Sets min and max together, so a change that moves both never passes through an invalid pair. */
    public void setWorkerRange(int min, int max) {
        reconfigure(b -> b.workers(min, max));
    }

    /** Sets the queued-request count above which the pool grows. */
    public void setLoadThreshold(int n) {
        reconfigure(b -> b.loadThreshold(n));
    }

    /** Sets the queue capacity. */
    public void setQueueCapacity(int n) {
        reconfigure(b -> b.queueCapacity(n));
    }

    /** Sets what happens to requests that find the queue full. */
    public void setOverflowPolicy(OverflowPolicy policy) {
        reconfigure(b -> b.overflowPolicy(policy));
    }

    /**
     * Sets the default attempt timeout (zero: none) for every attempt that starts from now on, queued requests
     * included; a request's own timeout still wins.
     */
    public void setRequestTimeout(Duration timeout) {
        reconfigure(b -> b.requestTimeout(timeout));
    }

    /** Sets the default retry limit, read when an attempt fails; a request's own limit still wins. */
    public void setMaxRetries(int n) {
        reconfigure(b -> b.maxRetries(n));
    }

    /** Sets the scaling policy; the scaler asks it from its next tick, with the pool's history so far. */
    public void setScalingPolicy(ScalingPolicy policy) {
        reconfigure(b -> b.scalingPolicy(policy));
    }

    /** The scaling policy's latest decision, with its reason and the size it wants; null before the first tick. */
    public ScalingDecision lastScalingDecision() {
        return scaler.lastDecision();
    }

    /** Sets how often the scaler decides. */
    public void setScalingTick(Duration tick) {
        reconfigure(b -> b.scalingTick(tick));
    }

    // Guarded by configLock.
    private void scheduleScaler(PoolConfig c) {
        long tick = c.scalingTick().toNanos();
        long first = tick;
        if (scalerTask != null) {
            // The next tick comes no later than it was due: a tick changed over and over must not keep
            // pushing it back, leaving the pool unscaled meanwhile.
            first = Math.max(0, Math.min(tick, scalerTask.getDelay(TimeUnit.NANOSECONDS)));
            scalerTask.cancel(false);
        }
        scalerTask = scheduler.scheduleAtFixedRate(guarded("scaler", this::scaleOnce), first, tick,
                TimeUnit.NANOSECONDS);
    }

    /** How long until the scaler's next tick; tests check that retuning the tick does not push it back. */
    long nanosToNextScalingTick() {
        synchronized (configLock) {
            return scalerTask.getDelay(TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A periodic task that survives its own failure: a scheduled executor silently cancels a periodic task that
     * throws, which would leave the pool without a scaler or watchdog (say, after the OS refused a new thread).
     */
    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                System.getLogger(Dispatcher.class.getName()).log(System.Logger.Level.WARNING,
                        name + " " + what + " tick failed; it runs again next tick", e);
            }
        };
    }

    private void scaleOnce() {
        if (state.compareTo(PoolState.STOPPING) >= 0) {
            return;
        }
        ScalingEvent event = scaler.tick();
        if (event != null) {
            events.publish(event);
        }
    }

    /**
     * A consistent snapshot, with latency percentiles over the pool's whole life. Free of side effects: any number
     * of threads may call it. For percentiles over an interval, open a {@link #openReader() reader}.
     */
    public PoolSnapshot snapshot() {
        return snapshot(null);
    }

    /** A reader whose every read returns a snapshot with latencies since its own previous read. */
    public SnapshotReader openReader() {
        return new SnapshotReader(this, accounting.newCursor());
    }

    PoolSnapshot snapshot(Accounting.Cursor cursor) {
        Accounting.Cut cut = accounting.cut(cursor);
        return PoolSnapshot.of(cut.totals(), Instant.now(), cut.nanoTime(), config, state, workers.size(),
                workers.busy(), cut.queueWait(), cut.runTime(), Duration.ofNanos(cut.windowNanos()));
    }

    /** Scaling events with a sequence number above {@code sequence} (the most recent 1024 are kept). */
    public List<ScalingEvent> scalingEventsSince(long sequence) {
        return events.since(sequence);
    }

    /** Scaling decisions taken so far. */
    public long scalingEventCount() {
        return events.count();
    }

    public void addListener(PoolListener listener) {
        events.listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(PoolListener listener) {
        events.listeners.remove(listener);
    }

    /**
     * Begins a graceful shutdown and returns at once: new requests are dropped, queued ones keep running until
     * the queue drains or {@code deadline} passes; then queued requests are handed back and running ones
     * interrupted. Calling it again returns the same future.
     */
    public CompletableFuture<ShutdownReport> shutdownAsync(Duration deadline) {
        return shutdown.begin(deadline);
    }

    /** {@link #shutdownAsync} and wait for its report. */
    public ShutdownReport shutdown(Duration deadline) {
        return shutdownAsync(deadline).join();
    }

    /**
     * Begins a shutdown, or hurries one already under way, as if its deadline were now: queued requests are handed
     * back and running ones interrupted. The future holds the requests handed back and completes once the queue is
     * closed and the running attempts and retry waits have been interrupted, before the interrupted attempts have
     * ended; for {@link PoolScopeExecutor#shutdownNow()}.
     */
    CompletableFuture<List<Request>> stopNow() {
        shutdown.begin(Duration.ZERO);
        shutdown.forceNow();
        return shutdown.handedBack();
    }

    /** Waits until the pool has terminated; true if it did within {@code limit}. */
    public boolean awaitTermination(Duration limit) throws InterruptedException {
        return shutdown.await(Objects.requireNonNull(limit, "limit"));
    }

    /**
     * True once every request has its outcome and the pool's threads have ended, except workers abandoned as stuck
     * (their handler ignored the interrupt; they exit, taking no new work, when it returns).
     */
    public boolean isTerminated() {
        return state == PoolState.TERMINATED;
    }

    /** Shuts down with a five-second deadline and waits for it. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }

    boolean keepWorking(Worker w) {
        return state.compareTo(PoolState.STOPPING) < 0 && !workers.tryRetire(w);
    }

    void moveTo(PoolState next) {
        synchronized (configLock) {
            state = next;
        }
    }
}
