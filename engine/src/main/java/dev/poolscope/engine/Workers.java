package dev.poolscope.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The set of workers and every decision about its size: scaling ticks, min/max changes, retirement and the
 * replacement of stuck workers.
 *
 * <p>All size changes happen under {@link #lock}, so the count is never read and written racily; scans by the
 * watchdog and snapshots read {@link #view}, an immutable copy republished on every change. Retiring never
 * interrupts anybody: it sets a quota that idle workers (woken through the queue) or busy ones (after their
 * current request) use up.
 */
final class Workers {

    private final Dispatcher pool;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final List<Worker> live = new ArrayList<>();
    private int retireQuota;
    // Guarded by lock: workers given up on as stuck whose threads have not ended yet (still in their handler).
    private final Set<Worker> abandonedRunning = new HashSet<>();
    private int nextId = 1;
    // Published copies for lock-free readers.
    private volatile Worker[] view = new Worker[0];
    private volatile int retireHint;

    Workers(Dispatcher pool) {
        this.pool = pool;
    }

    /** Live workers, busy or idle. */
    int size() {
        return view.length;
    }

    Worker[] view() {
        return view;
    }

    /**
     * How long the attempts running now have run so far, summed, at {@code now} ({@link System#nanoTime()}): with
     * the run times of attempts that ended, the time workers spent busy, long attempts included before they end.
     */
    long runningNanos(long now) {
        long sum = 0;
        for (Worker w : view) {
            if (w.current != null) {
                sum += Math.max(0, now - w.attemptStart());
            }
        }
        return sum;
    }

    int busy() {
        int n = 0;
        for (Worker w : view) {
            if (w.current != null) {
                n++;
            }
        }
        return n;
    }

    /** Applies a new config: starts workers up to min at once, and asks the surplus above max to retire. */
    List<ScalingEvent> rebalance(PoolConfig config, int queueDepth) {
        List<ScalingEvent> events = new ArrayList<>(1);
        lock.lock();
        try {
            int before = live.size() - retireQuota;
            retireQuota = Math.max(0, Math.min(retireQuota, live.size() - config.minWorkers()));
            retireQuota = Math.max(retireQuota, live.size() - config.maxWorkers());
            int after = topUpLocked(config);
            publishLocked();
            if (after > before) {
                events.add(event(before, after, queueDepth, config, ScalingEvent.Reason.MIN_RAISED));
            } else if (after < before) {
                events.add(event(before, after, queueDepth, config, ScalingEvent.Reason.MAX_LOWERED));
            }
        } finally {
            lock.unlock();
        }
        if (retireHint > 0) {
            pool.queue.wakeAll();
        }
        return events;
    }

    /** Workers live and not due to retire, from the published copies; exact only under {@link #lock}. */
    int effectiveSize() {
        return Math.max(0, view.length - retireHint);
    }

    /**
     * Moves the pool toward a scaling policy's decision, taken at every tick on {@code config}; none if another
     * config came into force since (its min and max apply through {@link #rebalance}, and a decision on the old ones
     * could shrink the pool below a min already raised):
     * 1. below min (a worker died, or could not be started): top up to min, whatever the policy says;
     * 2. the decision's next size above the pool: cancel pending retirements, then start workers, up to max;
     * 3. below the pool: retire as many as asked, but only workers idle now, never below min;
     * 4. otherwise leave the pool as it is.
     */
    ScalingEvent resize(PoolConfig config, ScalingDecision decision, int queueDepth) {
        ScalingEvent event = null;
        boolean retiring = false;
        boolean threshold = config.scalingPolicy() instanceof ThresholdPolicy;
        lock.lock();
        try {
            if (config != pool.config()) {
                return null;
            }
            int effective = live.size() - retireQuota;
            int target = Math.max(config.minWorkers(), Math.min(config.maxWorkers(), decision.next(effective)));
            if (effective < config.minWorkers()) {
                // Whatever the queue says: a pool below min never waits for load to bring it back.
                int restored = topUpLocked(config);
                event = event(effective, restored, queueDepth, config, ScalingEvent.Reason.BELOW_MIN_RESTORED, "");
            } else if (target > effective) {
                int after = effective;
                while (after < target) {
                    if (retireQuota > 0) {
                        retireQuota--;
                    } else if (!startLocked()) {
                        break;
                    }
                    after++;
                }
                if (after > effective) {
                    event = event(effective, after, queueDepth, config, threshold
                            ? ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD : ScalingEvent.Reason.POLICY_GREW,
                            decision.reason());
                }
            } else if (target < effective) {
                int retire = Math.min(effective - target, live.size() - busy() - retireQuota);
                if (retire > 0) {
                    retireQuota += retire;
                    retiring = true;
                    event = event(effective, effective - retire, queueDepth, config, threshold
                            ? ScalingEvent.Reason.LOAD_BELOW_BAND : ScalingEvent.Reason.POLICY_SHRANK,
                            decision.reason());
                }
            }
            publishLocked();
        } finally {
            lock.unlock();
        }
        if (retiring) {
            pool.queue.wakeAll();
        }
        return event;
    }

    /** Called by a worker between requests: true if it took one unit of the retire quota and must exit. */
    boolean tryRetire(Worker w) {
        if (retireHint == 0) {
            return false;
        }
        lock.lock();
        try {
            if (retireQuota == 0 || !live.contains(w)) {
                return false;
            }
            retireQuota--;
            live.remove(w);
            publishLocked();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives up on a worker whose handler ignored the interrupt, and starts a replacement so capacity holds. The
     * claim on the stuck attempt ({@code job.takeOver}) is taken under {@link #lock}, in the same step that removes
     * the worker: the worker learns it lost from its own failed claim, so it never takes new work, and its exit
     * (which also takes the lock) can never be mistaken for a death needing a second replacement. Returns the
     * event to publish if the claim was won, null if the worker returned first and kept its attempt.
     */
    ScalingEvent abandon(Worker w, Job job, int word, int queueDepth) {
        lock.lock();
        try {
            if (!job.takeOver(word)) {
                return null;
            }
            int before = live.size() - retireQuota;
            boolean replaced = false;
            abandonedRunning.add(w);
            if (live.remove(w) && acceptsWork(pool.state())) {
                replaced = startLocked();
            }
            publishLocked();
            return event(before, live.size() - retireQuota, queueDepth, pool.config(),
                    replaced ? ScalingEvent.Reason.STUCK_REPLACED : ScalingEvent.Reason.STUCK_ABANDONED);
        } finally {
            lock.unlock();
        }
    }

    /** Whether a worker given up on as stuck is still running its handler; its thread ends when that returns. */
    boolean anyAbandonedRunning() {
        lock.lock();
        try {
            return !abandonedRunning.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A worker's thread is ending. Retired and abandoned workers have already left {@link #live}; one still in it
     * is ending because the pool stops or because something outside its handler threw. In the latter case the
     * pool is topped up to min at once, as {@code ThreadPoolExecutor.processWorkerExit} does; returns the event
     * that says so, or null.
     */
    ScalingEvent exited(Worker w, Throwable cause) {
        lock.lock();
        try {
            if (!live.remove(w)) {
                abandonedRunning.remove(w);
                return null;
            }
            boolean running = acceptsWork(pool.state());
            boolean died = cause != null || running;
            int before = live.size() + 1 - retireQuota;
            int after = running ? topUpLocked(pool.config()) : live.size() - retireQuota;
            publishLocked();
            return died ? event(before, after, pool.queue.size(), pool.config(), ScalingEvent.Reason.WORKER_LOST)
                    : null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Cancels pending retirements, then starts workers, until min are live or due; returns the resulting effective
     * size. A thread that cannot be started (the OS refused) is left to the next tick, never counted as live.
     */
    private int topUpLocked(PoolConfig config) {
        while (live.size() - retireQuota < config.minWorkers()) {
            if (retireQuota > 0) {
                retireQuota--;
            } else if (!startLocked()) {
                break;
            }
        }
        publishLocked();
        return live.size() - retireQuota;
    }

    /** True while queued requests still need workers: running, or draining before the deadline. */
    private static boolean acceptsWork(PoolState state) {
        return state == PoolState.RUNNING || state == PoolState.DRAINING;
    }

    /** Starts one worker; false, with nothing counted, if its thread could not be started. */
    private boolean startLocked() {
        int id = nextId++;
        Worker w = Worker.pooled(id, pool);
        live.add(w);
        try {
            w.start(pool.name + "-worker-" + id);
            return true;
        } catch (RuntimeException | OutOfMemoryError e) {
            live.remove(w);
            System.getLogger(Workers.class.getName()).log(System.Logger.Level.WARNING,
                    pool.name + ": could not start a worker thread; the scaler tries again next tick", e);
            return false;
        }
    }

    private void publishLocked() {
        view = live.toArray(new Worker[0]);
        retireHint = retireQuota;
    }

    private ScalingEvent event(int before, int after, int queueDepth, PoolConfig config, ScalingEvent.Reason reason) {
        return event(before, after, queueDepth, config, reason, "");
    }

    private ScalingEvent event(int before, int after, int queueDepth, PoolConfig config, ScalingEvent.Reason reason,
                               String explanation) {
        return new ScalingEvent(0, Instant.now(), before, after, queueDepth, config.loadThreshold(),
                config.shrinkBelow(), reason, explanation);
    }
}
