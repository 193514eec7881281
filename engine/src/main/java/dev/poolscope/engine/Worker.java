package dev.poolscope.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Runs requests from the queue, one attempt at a time, until it retires, is abandoned as stuck, or the pool stops.
 * Also stands in for a submitter thread that runs a request itself under {@link OverflowPolicy#CALLER_RUNS}, so the
 * watchdog can time that attempt out too.
 */
final class Worker implements Runnable {

    private static final VarHandle CURRENT;
    private static final VarHandle ATTEMPT_START;
    private static final VarHandle ATTEMPT_TIMEOUT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CURRENT = lookup.findVarHandle(Worker.class, "current", Job.class);
            ATTEMPT_START = lookup.findVarHandle(Worker.class, "attemptStart", long.class);
            ATTEMPT_TIMEOUT = lookup.findVarHandle(Worker.class, "attemptTimeout", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int id;
    final boolean pooled;
    private final Dispatcher pool;
    private final Accounting.Stripe stripe;
    private volatile Thread thread;
    // Jobs this worker claimed from the queue to run next; null for a caller stand-in.
    final ClaimedJobs claim;
    // The fill of this worker's claim the watchdog saw at its last scan, to tell a claim that outlasts a scan.
    // Watchdog only.
    int watchedFills = -1;
    // How long this worker's latest attempt ran; a new worker claims nothing until it has run one. This thread only.
    private long lastRunNanos = Long.MAX_VALUE;
    // The attempt in progress, for the watchdog; null while idle. Written with release stores by this worker only
    // (readers need to see the job's attempt fields, not a full fence per request), read volatile by others.
    volatile Job current;
    // The attempt in progress's start and timeout (zero: none). Written by this worker before it publishes the
    // attempt in current, so a reader that sees the job there sees them, or a later attempt's, which only ever
    // puts the deadline later; every decision on them goes through the job's state word anyway. Opaque access,
    // so that a racing read sees a whole value, not half of one.
    private long attemptStart;
    private long attemptTimeout;

    private Worker(int id, boolean pooled, Dispatcher pool, Accounting.Stripe stripe) {
        this.id = id;
        this.pooled = pooled;
        this.pool = pool;
        this.stripe = stripe;
        this.claim = pooled ? new ClaimedJobs(stripe) : null;
    }

    static Worker pooled(int id, Dispatcher pool) {
        return new Worker(id, true, pool, pool.accounting.stripe(id));
    }

    /** A stand-in for the calling thread, which runs one request itself. */
    static Worker caller(Dispatcher pool) {
        Worker w = new Worker(-1, false, pool, pool.accounting.stripe());
        w.thread = Thread.currentThread();
        return w;
    }

    Thread thread() {
        return thread;
    }

    /** Whether the calling thread is one of {@code pool}'s workers, rather than a submitter running a request. */
    static boolean isWorkerOf(Dispatcher pool) {
        return Thread.currentThread() instanceof PoolThread t && t.pool == pool;
    }

    /** A worker's thread, which knows its pool: a thread-local would cost every request a look-up. */
    private static final class PoolThread extends Thread {
        private final Dispatcher pool;

        PoolThread(Runnable worker, String name, Dispatcher pool) {
            super(worker, name);
            this.pool = pool;
        }
    }

    void start(String name) {
        Thread t = new PoolThread(this, name, pool);
        t.setDaemon(pool.daemonWorkers);
        // The pool has already settled the request and replaced the worker; say so in the log, once.
        t.setUncaughtExceptionHandler((dead, e) -> System.getLogger(Worker.class.getName()).log(
                System.Logger.Level.ERROR, dead.getName() + " died; its request was settled and it was replaced", e));
        thread = t;
        t.start();
    }

    @Override
    public void run() {
        Throwable died = null;
        try {
            // Registered by the running thread, so a worker whose thread never started leaves nothing behind.
            pool.queue.register(claim);
            while (true) {
                Job job = nextClaimed();
                if (job != null) {
                    pool.queue.claimedStarted();
                } else {
                    pool.queue.claimFinished(claim);
                    // Read before the check: retirement and shutdown wake idle workers after they are decided, so a
                    // decision this check misses makes the take return at once instead of waiting for a request.
                    long wakeups = pool.queue.wakeups();
                    if (!pool.keepWorking(this)) {
                        break;
                    }
                    // Counted as running by the queue; null after a wake-up, or after taking over another claim.
                    job = pool.queue.take(wakeups, RequestQueue.NO_TIMEOUT, claim, ClaimedJobs.mostFor(lastRunNanos));
                }
                if (job != null && !runAttempt(job)) {
                    // The watchdog gave up on this worker and removed it from the pool; a replacement runs instead.
                    return;
                }
            }
        } catch (Throwable t) {
            died = t;
            throw t;
        } finally {
            try {
                leaveClaim();
            } finally {
                ScalingEvent lost = pool.workers.exited(this, died);
                if (lost != null) {
                    pool.events.publish(lost);
                }
            }
        }
    }

    /**
     * Hands this leaving worker's claim back to the queue, first the job its last settle started if this thread
     * will never run it. Once the queue has closed (a forced shutdown took the claim already), that job ends as
     * interrupted instead, as a running one would.
     */
    private void leaveClaim() {
        Job orphan = claim.takeStarted();
        if (orphan != null) {
            stripe.move(Counter.RUNNING, Counter.QUEUED);
        }
        if (!pool.queue.unregister(claim, orphan) && orphan != null) {
            stripe.move(Counter.QUEUED, Counter.INTERRUPTED);
            orphan.complete(new Outcome.Interrupted(orphan.attempts()));
        }
    }

    /**
     * The next job of this worker's claim, counted as started: the one the previous attempt's settle started, or
     * one started now; null when the claim is empty.
     */
    private Job nextClaimed() {
        Job started = claim.takeStarted();
        // Only this worker adds to its claim, so an empty one seen without the lock is empty.
        if (started == null && claim.left() > 0) {
            started = stripe.start(claim);
        }
        return started;
    }

    /** The running attempt's timeout, zero for none; for the watchdog, after it read {@link #current}. */
    long attemptTimeout() {
        return (long) ATTEMPT_TIMEOUT.getOpaque(this);
    }

    /** When the running attempt's timeout runs out, with a timeout; tests drive the watchdog's clock by it. */
    long attemptDeadline() {
        return attemptStart() + attemptTimeout();
    }

    /** Whether the running attempt has a timeout and ran past it at {@code now}; for the watchdog. */
    boolean overdue(long now) {
        long timeout = attemptTimeout();
        return timeout > 0 && now - (attemptStart() + timeout) > 0;
    }

    /** How long {@code job}, the running attempt's request, waited in the queue before this attempt. */
    long attemptWait(Job job) {
        return attemptStart() - job.enqueuedAt;
    }

    /** When the running attempt started; for readers that saw it in {@link #current} first. */
    long attemptStart() {
        return (long) ATTEMPT_START.getOpaque(this);
    }

    /**
     * Runs one attempt of {@code job}, which is already counted as running, and settles its outcome; false if the
     * watchdog gave up on this worker meanwhile, which then must take no more work:
     * 1. publish the attempt so the watchdog can see its deadline, and cancel it at once if the pool is stopping;
     * 2. run the handler, catching everything it throws;
     * 3. claim the attempt as finished; if the watchdog or shutdown cancelled it first, clear their interrupt and
     *    claim the cancelled attempt instead (a result returned in spite of a shutdown's interrupt still counts);
     *    losing that claim means the watchdog gave up on this worker.
     * Whatever throws after the handler (the finisher, recording, the future's completion), the request still
     * gets exactly one outcome before the error goes on up and ends the worker's thread.
     */
    boolean runAttempt(Job job) {
        if (pooled) {
            // An interrupt a previous task left set is not meant for this one (ThreadPoolExecutor clears it too);
            // this attempt's own cancel can only come once it is published in current, below.
            Thread.interrupted();
        }
        long start = System.nanoTime();
        long waited = start - job.enqueuedAt;
        job.waitNanos += waited;
        ATTEMPT_START.setOpaque(this, start);
        ATTEMPT_TIMEOUT.setOpaque(this, job.timeoutNanos(pool.config()));
        int word = job.beginAttempt();
        CURRENT.setRelease(this, job);
        if (pool.state().compareTo(PoolState.STOPPING) >= 0) {
            // Taken before the queue closed, published after the shutdown's scan of running attempts: interrupted
            // as that scan would have (ThreadPoolExecutor's worker does the same), not at the watchdog's next tick.
            pool.watchdog.cancelForShutdown(this, job, word);
        }
        Object value = null;
        Throwable error = null;
        try {
            value = job.handler.handleAttempt(job.request, Job.attemptOf(word));
        } catch (Throwable t) {
            error = t;
        }
        long ran = System.nanoTime() - start;
        lastRunNanos = ran;
        CURRENT.setRelease(this, null);
        try {
            if (job.finish(word)) {
                pool.finisher().attemptEnded(job, value, error, waited, ran, stripe, claim);
                return true;
            }
            job.awaitCancelDelivered();
            // The interrupt was meant for this attempt only; do not let it leak into the next one.
            Thread.interrupted();
            if (!job.takeOver(word)) {
                return false;
            }
            if (error == null && job.cancellation.reason() == Job.CancelReason.SHUTDOWN) {
                // The handler returned a result in spite of the shutdown's interrupt: keep it, as
                // ThreadPoolExecutor's shutdownNow does; a timeout still wins over a late result.
                pool.finisher().attemptEnded(job, value, null, waited, ran, stripe, claim);
            } else {
                pool.finisher().attemptCancelled(job, waited, ran, stripe, claim);
            }
            return true;
        } catch (Throwable t) {
            pool.finisher().lastResort(job, t, stripe);
            throw t;
        }
    }
}
