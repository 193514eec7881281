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
    // Submitter threads running a request themselves under CALLER_RUNS.
    private final Set<Worker> callers = ConcurrentHashMap.newKeySet();

    Watchdog(Dispatcher pool) {
        this.pool = pool;
    }

    void addCaller(Worker w) {
        callers.add(w);
    }

    void removeCaller(Worker w) {
        callers.remove(w);
    }

    /** One scan; with {@code stopping} true, every running attempt is cancelled for shutdown. */
    void scan(boolean stopping) {
        long now = System.nanoTime();
        long grace = pool.config().stuckGrace().toNanos();
        for (Worker w : pool.workers.view()) {
            check(w, now, grace, stopping);
        }
        for (Worker w : callers) {
            check(w, now, grace, stopping);
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
                } else if (job.hasTimeout() && now - job.deadline > 0) {
                    cancel(w, job, word, Job.CancelReason.TIMEOUT, now);
                }
            }
            case Job.CANCELLED -> {
                // A caller thread cannot be replaced; it stays with its own request however long it takes.
                if (w.pooled && now - job.cancelledAt > grace && w.current == job && job.takeOver(word)) {
                    giveUpOn(w, job);
                }
            }
            default -> {
                // DONE, CANCELLING or FINALIZED: somebody else is settling this attempt.
            }
        }
    }

    private void cancel(Worker w, Job job, int word, Job.CancelReason reason, long now) {
        if (job.beginCancel(word, reason, now)) {
            Thread t = w.thread();
            if (t != null) {
                t.interrupt();
            }
            job.markCancelled(word);
        }
    }

    private void giveUpOn(Worker w, Job job) {
        Accounting.Stripe stripe = pool.accounting.stripe();
        stripe.increment(Counter.STUCK_WORKERS);
        ScalingEvent replaced = pool.workers.abandon(w, pool.queue.size());
        // The handler never returned, so its run time is unknown; its queue wait was measured when it started.
        pool.finisher.attemptCancelled(job, job.attemptWaitNanos, Accounting.UNKNOWN, stripe);
        if (replaced != null) {
            pool.events.publish(replaced);
        }
    }
}
