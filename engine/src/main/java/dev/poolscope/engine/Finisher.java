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
class Finisher {

    private final Dispatcher pool;
    // Requests waiting out a backoff. Whoever removes a job from this set owns it: the retry timer, or shutdown.
    private final Set<Job> waitingForRetry = ConcurrentHashMap.newKeySet();

    Finisher(Dispatcher pool) {
        this.pool = pool;
    }

    /**
     * An attempt ended on its own, returning {@code value} or throwing {@code error}; its queue wait and run time
     * are recorded with its counter move, which also starts the next job of {@code startNext} (the settling
     * worker's claim; null for none).
     */
    void attemptEnded(Job job, Object value, Throwable error, long waitedNanos, long ranNanos,
                      Accounting.Stripe stripe, ClaimedJobs startNext) {
        if (error == null) {
            job.succeeded(value, ranNanos);
            settle(job, Counter.COMPLETED, job, waitedNanos, ranNanos, stripe, startNext);
        } else if (mayRetry(job)) {
            scheduleRetry(job, stripe, waitedNanos, ranNanos, startNext);
        } else {
            settle(job, Counter.FAILED, new Outcome.Failed(error, job.attempts()), waitedNanos, ranNanos, stripe,
                    startNext);
        }
    }

    /**
     * An attempt was cancelled by the watchdog (timeout) or by a forced shutdown; {@code ranNanos} is
     * {@link Accounting#UNKNOWN} when the handler never returned. {@code startNext} as in {@link #attemptEnded}.
     */
    void attemptCancelled(Job job, long waitedNanos, long ranNanos, Accounting.Stripe stripe,
                          ClaimedJobs startNext) {
        if (job.cancellation.reason() == Job.CancelReason.SHUTDOWN) {
            settle(job, Counter.INTERRUPTED, new Outcome.Interrupted(job.attempts()), waitedNanos, ranNanos, stripe,
                    startNext);
        } else if (mayRetry(job)) {
            scheduleRetry(job, stripe, waitedNanos, ranNanos, startNext);
        } else {
            settle(job, Counter.TIMED_OUT, new Outcome.TimedOut(Duration.ofNanos(job.cancellation.timeoutNanos()),
                    job.attempts()),
                    waitedNanos, ranNanos, stripe, startNext);
        }
    }

    /**
     * Moves the request from running to its terminal counter, then completes its future. The outcome is built
     * before the move and remembered right after it (a field store, which cannot fail), so {@link #lastResort}
     * always knows whether the counters already moved.
     */
    void settle(Job job, Counter to, Outcome outcome, long waitedNanos, long ranNanos, Accounting.Stripe stripe,
                ClaimedJobs startNext) {
        stripe.settle(to, waitedNanos, ranNanos, startNext);
        job.settledWith(outcome);
        job.complete(outcome);
        job.letGo();
    }

    /**
     * Ends a request whose settling threw part way (an {@code OutOfMemoryError} while recording, a failing
     * finisher): it gets exactly one outcome and moves exactly once, whichever step failed. The attempt must be
     * owned by the caller (claimed as done, or taken over).
     */
    void lastResort(Job job, Throwable error, Accounting.Stripe stripe) {
        Outcome settled = job.settledWith();
        if (settled != null) {
            job.complete(settled);
            return;
        }
        Outcome failed = new Outcome.Failed(error, job.attempts());
        if (job.waitingForRetry()) {
            // A scheduled retry owns the job from here; otherwise scheduling failed and the job waits for nothing.
            if (job.retryScheduled()) {
                return;
            }
            waitingForRetry.remove(job);
            stripe.move(Counter.WAITING_RETRY, Counter.FAILED);
        } else {
            stripe.move(Counter.RUNNING, Counter.FAILED);
        }
        job.settledWith(failed);
        job.complete(failed);
    }

    private boolean mayRetry(Job job) {
        return job.attempts() <= job.maxRetries(pool.config()) && pool.state().compareTo(PoolState.STOPPING) < 0;
    }

    private void scheduleRetry(Job job, Accounting.Stripe stripe, long waitedNanos, long ranNanos,
                               ClaimedJobs startNext) {
        stripe.settle(Counter.WAITING_RETRY, waitedNanos, ranNanos, startNext);
        job.countedAsWaiting();
        waitingForRetry.add(job);
        long delay = backoffNanos(pool.config(), job.attempts());
        job.retryScheduled(true);
        try {
            pool.scheduler.schedule(() -> retryNow(job), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // The scheduler is gone only after shutdown's last sweep, which no attempt can follow; be safe anyway.
            if (waitingForRetry.remove(job)) {
                interruptWaiting(job);
            }
        } catch (RuntimeException | Error e) {
            job.retryScheduled(false);
            throw e;
        }
    }

    /**
     * Backoff before the retry that follows attempt {@code attempt}: the base doubled per earlier retry, capped,
     * then scaled by a random factor in [0.5, 1] so that requests failing together do not retry together.
     */
    static long backoffNanos(PoolConfig config, int attempt) {
        long base = config.retryBackoff().toNanos();
        long cap = config.retryBackoffMax().toNanos();
        int doublings = Math.min(30, attempt - 1);
        // Compared before shifting: a shift that overflows can wrap to a small positive number.
        long capped = base > (cap >> doublings) ? cap : base << doublings;
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

    /** Ends every request still waiting out a backoff as interrupted (the report counts them from the counters). */
    void interruptAllWaiting() {
        for (Job job : waitingForRetry) {
            if (waitingForRetry.remove(job)) {
                interruptWaiting(job);
            }
        }
    }

    private void interruptWaiting(Job job) {
        pool.accounting.stripe().move(Counter.WAITING_RETRY, Counter.INTERRUPTED);
        job.complete(new Outcome.Interrupted(job.attempts()));
    }

    boolean anyWaiting() {
        return !waitingForRetry.isEmpty();
    }
}
