package dev.poolscope.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Decides what happens after an attempt: a final outcome, or a retry after backoff. Counters move before the
 * future completes, so whoever waits on the future sees them already updated.
 */
final class Finisher {

    private final Dispatcher pool;
    // Requests waiting out a backoff. Whoever removes a job from this set owns it: the retry timer, or shutdown.
    private final Set<Job> waitingForRetry = ConcurrentHashMap.newKeySet();

    Finisher(Dispatcher pool) {
        this.pool = pool;
    }

    /**
     * An attempt ended on its own, returning {@code value} or throwing {@code error}; its queue wait and run time
     * are recorded with its counter move.
     */
    void attemptEnded(Job job, Object value, Throwable error, long waitedNanos, long ranNanos,
                      Accounting.Stripe stripe) {
        if (error == null) {
            stripe.settle(Counter.COMPLETED, waitedNanos, ranNanos);
            job.future.complete(new Outcome.Completed(value, job.attempts, Duration.ofNanos(job.waitNanos),
                    Duration.ofNanos(ranNanos)));
        } else if (mayRetry(job)) {
            scheduleRetry(job, stripe, waitedNanos, ranNanos);
        } else {
            stripe.settle(Counter.FAILED, waitedNanos, ranNanos);
            job.future.complete(new Outcome.Failed(error, job.attempts));
        }
    }

    /**
     * An attempt was cancelled by the watchdog (timeout) or by a forced shutdown; {@code ranNanos} is
     * {@link Accounting#UNKNOWN} when the handler never returned.
     */
    void attemptCancelled(Job job, long waitedNanos, long ranNanos, Accounting.Stripe stripe) {
        if (job.cancelReason == Job.CancelReason.SHUTDOWN) {
            stripe.settle(Counter.INTERRUPTED, waitedNanos, ranNanos);
            job.future.complete(new Outcome.Interrupted(job.attempts));
        } else if (mayRetry(job)) {
            scheduleRetry(job, stripe, waitedNanos, ranNanos);
        } else {
            stripe.settle(Counter.TIMED_OUT, waitedNanos, ranNanos);
            job.future.complete(new Outcome.TimedOut(Duration.ofNanos(job.timeoutNanos), job.attempts));
        }
    }

    private boolean mayRetry(Job job) {
        return job.attempts <= job.maxRetries && pool.state().compareTo(PoolState.STOPPING) < 0;
    }

    private void scheduleRetry(Job job, Accounting.Stripe stripe, long waitedNanos, long ranNanos) {
        stripe.settle(Counter.WAITING_RETRY, waitedNanos, ranNanos);
        waitingForRetry.add(job);
        long delay = backoffNanos(pool.config(), job.attempts);
        try {
            pool.scheduler.schedule(() -> retryNow(job), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // The scheduler is gone only after shutdown's last sweep, which no attempt can follow; be safe anyway.
            if (waitingForRetry.remove(job)) {
                interruptWaiting(job);
            }
        }
    }

    /**
     * Backoff before the retry that follows attempt {@code attempt}: the base doubled per earlier retry, capped,
     * then scaled by a random factor in [0.5, 1] so that requests failing together do not retry together.
     */
    static long backoffNanos(PoolConfig config, int attempt) {
        long base = config.retryBackoff().toNanos();
        long cap = config.retryBackoffMax().toNanos();
        long exp = base << Math.min(30, attempt - 1);
        long capped = (exp <= 0 || exp > cap) ? cap : exp;
        return (long) (capped * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble()));
    }

    private void retryNow(Job job) {
        if (!waitingForRetry.remove(job)) {
            return;
        }
        job.enqueuedAt = System.nanoTime();
        // Accepted, the queue counts it from waiting to queued; refused, it never left waiting.
        if (!pool.queue.offerRetry(job)) {
            interruptWaiting(job);
        }
    }

    /** Ends every request still waiting out a backoff as interrupted; returns how many. */
    long interruptAllWaiting() {
        long n = 0;
        for (Job job : waitingForRetry) {
            if (waitingForRetry.remove(job)) {
                interruptWaiting(job);
                n++;
            }
        }
        return n;
    }

    private void interruptWaiting(Job job) {
        pool.accounting.stripe().move(Counter.WAITING_RETRY, Counter.INTERRUPTED);
        job.future.complete(new Outcome.Interrupted(job.attempts));
    }

    boolean anyWaiting() {
        return !waitingForRetry.isEmpty();
    }
}
