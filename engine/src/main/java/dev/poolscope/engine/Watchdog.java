package dev.poolscope.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces attempt deadlines. A periodic scan (every few milliseconds, on the scheduler thread) interrupts attempts
 * past their timeout and abandons workers whose handler ignored the interrupt past the grace period. Scanning the
 * workers costs nothing per request, unlike scheduling a timer per attempt.
 */
final class Watchdog {

    private final Dispatcher pool;
    // Submitter threads running a request themselves under CALLER_RUNS. Guarded by this for add and close, so
    // that once shutdown has closed it no new caller attempt can start unseen; scans iterate it without locking.
    private final Set<Worker> callers = ConcurrentHashMap.newKeySet();
    private boolean callersClosed;

    Watchdog(Dispatcher pool) {
        this.pool = pool;
    }

    /** Registers a submitter about to run a request itself; false once shutdown has begun. */
    synchronized boolean addCaller(Worker w) {
        if (callersClosed) {
            return false;
        }
        callers.add(w);
        return true;
    }

    void removeCaller(Worker w) {
        callers.remove(w);
    }

    /** From now on no submitter may run a request itself; the ones running go on until they end or are given up. */
    synchronized void closeCallers() {
        callersClosed = true;
    }

    /** True while a submitter still runs a request of this pool. */
    boolean anyCallerRunning() {
        return !callers.isEmpty();
    }

    /** One scan; with {@code stopping} true, every running attempt is cancelled for shutdown. */
    void scan(boolean stopping) {
        scan(stopping, System.nanoTime());
    }

    /**
     * One scan as if the clock read {@code now}: tests pass a time just before or after a deadline or a grace
     * instead of waiting for it (with timeouts of an hour the periodic scan never acts on its own meanwhile).
     */
    void scan(boolean stopping, long now) {
        long grace = pool.config().stuckGrace().toNanos();
        for (Worker w : pool.workers.view()) {
            check(w, now, grace, stopping);
            handBackOldClaim(w);
        }
        for (Worker w : callers) {
            check(w, now, grace, stopping);
        }
    }

    /**
     * A claim holds about 0.1 ms of work; one still not empty at the next scan after it was filled (at least one scan
     * period later) is held up, by a long attempt of its worker or by claimed requests longer than the worker's
     * last one, while other workers may be idle. It goes back to the front of the queue, where they can take it.
     */
    private void handBackOldClaim(Worker w) {
        int fills = w.claim.fills();
        if (fills == w.watchedFills && w.claim.left() > 0) {
            pool.queue.handBack(w.claim);
        }
        w.watchedFills = fills;
    }

    /**
     * Shutdown's last resort once the scheduler has stopped: cancels every attempt still running and gives up on
     * it at once, without waiting out the grace, so TERMINATED never leaves a request without its outcome.
     */
    void giveUpOnAll() {
        long now = System.nanoTime();
        for (Worker w : pool.workers.view()) {
            forceEnd(w, now);
        }
        for (Worker w : callers) {
            forceEnd(w, now);
        }
    }

    private void forceEnd(Worker w, long now) {
        Job job = w.current;
        if (job == null) {
            return;
        }
        int word = job.state();
        if (Job.phase(word) == Job.RUNNING) {
            cancel(w, job, word, Job.CancelReason.SHUTDOWN, now);
            word = job.state();
        }
        if (Job.phase(word) == Job.CANCELLED && w.current == job) {
            giveUpOn(w, job, word);
        }
    }

    private void check(Worker w, long now, long grace, boolean stopping) {
        Job job = w.current;
        if (job == null) {
            return;
        }
        int word = job.state();
        switch (Job.phase(word)) {
            case Job.RUNNING -> {
                if (stopping) {
                    cancel(w, job, word, Job.CancelReason.SHUTDOWN, now);
                } else if (w.overdue(now)) {
                    cancel(w, job, word, Job.CancelReason.TIMEOUT, now);
                }
            }
            case Job.CANCELLED -> {
                // A caller thread cannot be replaced; it keeps its request until it ends or the pool stops.
                if (now - job.cancellation.at() > grace && w.current == job && (w.pooled || stopping)) {
                    giveUpOn(w, job, word);
                }
            }
            default -> {
                // DONE, CANCELLING or FINALIZED: somebody else is settling this attempt.
            }
        }
    }

    /** Cancels {@code w}'s attempt of {@code job} (state {@code word}) for shutdown; its worker calls it as it starts. */
    void cancelForShutdown(Worker w, Job job, int word) {
        cancel(w, job, word, Job.CancelReason.SHUTDOWN, System.nanoTime());
    }

    private void cancel(Worker w, Job job, int word, Job.CancelReason reason, long now) {
        if (job.beginCancel(word, reason, now, w.attemptTimeout())) {
            Thread t = w.thread();
            if (t != null) {
                t.interrupt();
            }
            job.markCancelled(word);
        }
    }

    /**
     * Ends a stuck attempt without its handler: the request is settled (interrupted or timed out) and a pooled
     * worker is replaced; the event is published before the future completes, so an observer of the outcome has
     * already seen it. Nothing happens if the handler returned first and kept its attempt.
     */
    private void giveUpOn(Worker w, Job job, int word) {
        Accounting.Stripe stripe = pool.accounting.stripe();
        if (w.pooled) {
            ScalingEvent abandoned = pool.workers.abandon(w, job, word, pool.queue.size());
            if (abandoned == null) {
                return;
            }
            stripe.increment(Counter.STUCK_WORKERS);
            pool.events.publish(abandoned);
        } else if (!job.takeOver(word)) {
            return;
        }
        // The handler never returned, so its run time is unknown; its queue wait was measured when it started.
        try {
            pool.finisher().attemptCancelled(job, w.attemptWait(job), Accounting.UNKNOWN, stripe, null);
        } catch (RuntimeException | Error e) {
            pool.finisher().lastResort(job, e, stripe);
            throw e;
        }
    }
}
