package dev.poolscope.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
            while (live.size() - retireQuota < config.minWorkers()) {
                if (retireQuota > 0) {
                    retireQuota--;
                } else {
                    startLocked();
                }
            }
            int after = live.size() - retireQuota;
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

    /**
     * One scaling decision, taken at every tick:
     * 1. above the threshold and below max: add one worker (or cancel a pending retirement);
     * 2. below the band and above min, with an idle worker to spare: retire one;
     * 3. otherwise leave the pool as it is.
     */
    ScalingEvent tick(PoolConfig config, int queueDepth) {
        ScalingEvent event = null;
        lock.lock();
        try {
            int effective = live.size() - retireQuota;
            if (queueDepth > config.loadThreshold() && effective < config.maxWorkers()) {
                if (retireQuota > 0) {
                    retireQuota--;
                } else {
                    startLocked();
                }
                event = event(effective, effective + 1, queueDepth, config, ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD);
            } else if (queueDepth < config.shrinkBelow() && effective > config.minWorkers()
                    && live.size() - busy() > retireQuota) {
                retireQuota++;
                event = event(effective, effective - 1, queueDepth, config, ScalingEvent.Reason.LOAD_BELOW_BAND);
            }
            publishLocked();
        } finally {
            lock.unlock();
        }
        if (event != null && event.reason() == ScalingEvent.Reason.LOAD_BELOW_BAND) {
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

    /** Gives up on a worker whose handler ignored the interrupt, and starts a replacement so capacity holds. */
    ScalingEvent abandon(Worker w, int queueDepth) {
        w.abandoned = true;
        lock.lock();
        try {
            if (!live.remove(w)) {
                return null;
            }
            int before = live.size();
            boolean replace = pool.state() == PoolState.RUNNING || pool.state() == PoolState.DRAINING;
            if (replace) {
                startLocked();
            }
            publishLocked();
            return replace ? event(before + 1, live.size(), queueDepth, pool.config(),
                    ScalingEvent.Reason.STUCK_REPLACED) : null;
        } finally {
            lock.unlock();
        }
    }

    /** A worker's thread is ending, for whatever reason. */
    void exited(Worker w) {
        lock.lock();
        try {
            if (live.remove(w)) {
                publishLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    private void startLocked() {
        int id = nextId++;
        Worker w = Worker.pooled(id, pool);
        live.add(w);
        w.start(pool.name + "-worker-" + id);
    }

    private void publishLocked() {
        view = live.toArray(new Worker[0]);
        retireHint = retireQuota;
    }

    private ScalingEvent event(int before, int after, int queueDepth, PoolConfig config, ScalingEvent.Reason reason) {
        return new ScalingEvent(0, Instant.now(), before, after, queueDepth, config.loadThreshold(), reason);
    }
}
