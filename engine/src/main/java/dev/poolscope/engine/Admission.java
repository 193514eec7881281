package dev.poolscope.engine;

import java.util.concurrent.CompletableFuture;

/**
 * Where a submitted request enters the pool: queued as the overflow policy says, or refused, evicted or run by its
 * submitter, each counted and its future completed. Runs on the submitting thread.
 */
final class Admission {

    private final Dispatcher pool;

    Admission(Dispatcher pool) {
        this.pool = pool;
    }

    /** Queues {@code job} under {@code c}'s overflow policy; a request not admitted gets its outcome at once. */
    void enqueue(Job job, PoolConfig c) {
        switch (c.overflowPolicy()) {
            case DROP_NEWEST -> settle(job, pool.queue.offer(job), DropReason.QUEUE_FULL);
            case DROP_OLDEST -> {
                Job out = pool.queue.offerEvictingOldest(job);
                if (out == job) {
                    refuse(job, DropReason.SHUTTING_DOWN);
                } else if (out != null) {
                    evicted(out);
                }
            }
            case BLOCK -> {
                RequestQueue.Offer offer;
                try {
                    offer = pool.queue.offer(job, this::blockNanosNow);
                } catch (InterruptedException e) {
                    // It stopped waiting for room before its block timeout: the full queue refused it.
                    Thread.currentThread().interrupt();
                    refuse(job, DropReason.QUEUE_FULL);
                    return;
                }
                PoolConfig now = pool.config();
                if (offer == RequestQueue.Offer.FULL && now.overflowPolicy() != OverflowPolicy.BLOCK) {
                    // The policy changed while it waited: the request meets the one in force now.
                    enqueue(job, now);
                } else {
                    settle(job, offer, DropReason.BLOCK_TIMEOUT);
                }
            }
            case CALLER_RUNS -> {
                RequestQueue.Offer offer = pool.queue.offer(job);
                if (offer == RequestQueue.Offer.FULL) {
                    runInCaller(job);
                } else {
                    settle(job, offer, DropReason.QUEUE_FULL);
                }
            }
        }
    }

    /** How long a blocked submitter may wait under the config in force; negative once the policy is not BLOCK. */
    private long blockNanosNow() {
        PoolConfig c = pool.config();
        return c.overflowPolicy() == OverflowPolicy.BLOCK ? c.blockTimeout().toNanos() : -1;
    }

    private void settle(Job job, RequestQueue.Offer offer, DropReason whenFull) {
        switch (offer) {
            case ACCEPTED -> { }
            case FULL -> refuse(job, whenFull);
            case CLOSED -> refuse(job, DropReason.SHUTTING_DOWN);
        }
    }

    /** Counts a request the queue did not admit straight into its drop counter, and completes its future. */
    private void refuse(Job job, DropReason reason) {
        refuse(job.request, reason, job);
    }

    /** Refuses a request before it became a job (the pool no longer runs): counted, its future completed. */
    CompletableFuture<Outcome> refuse(Request request, DropReason reason) {
        return refuse(request, reason, new CompletableFuture<>());
    }

    private CompletableFuture<Outcome> refuse(Request request, DropReason reason, CompletableFuture<Outcome> future) {
        pool.accounting.stripe().arrive(Counter.droppedBy(reason));
        pool.events.dropped(request, reason);
        future.complete(new Outcome.Dropped(reason));
        return future;
    }

    /** A queued request pushed out by a newer one under DROP_OLDEST. */
    private void evicted(Job job) {
        pool.accounting.stripe().move(Counter.QUEUED, Counter.DROPPED_EVICTED);
        pool.events.dropped(job.request, DropReason.EVICTED);
        job.complete(new Outcome.Dropped(DropReason.EVICTED));
    }

    private void runInCaller(Job job) {
        Worker self = Worker.caller(pool);
        if (!pool.watchdog.addCaller(self)) {
            refuse(job, DropReason.SHUTTING_DOWN);
            return;
        }
        try {
            pool.accounting.stripe().arrive(Counter.RUNNING);
            self.runAttempt(job);
        } catch (RuntimeException | Error e) {
            // runAttempt has settled the request already; submit never throws for an accepted request.
            System.getLogger(Dispatcher.class.getName()).log(System.Logger.Level.ERROR,
                    pool.name + ": settling a caller-run request failed", e);
        } finally {
            pool.watchdog.removeCaller(self);
        }
    }
}
