package dev.poolscope.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Graceful shutdown with a deadline, run once on its own thread:
 * 1. DRAINING: refuse new requests (and new caller-run attempts); workers keep taking queued ones (and retries)
 *    until none are left or the deadline passes;
 * 2. STOPPING: close the queue and hand back what is still in it as {@code Returned}; end retry waits and running
 *    attempts, on workers and on submitters under CALLER_RUNS, as {@code Interrupted} (the watchdog interrupts
 *    them, and gives up on those that ignore it past the grace period);
 * 3. wait for the workers and caller-run attempts to end, end the retry waits once more (one scheduled as
 *    STOPPING began), stop the scheduler, give up on whatever still runs, and report.
 * Shutdown is total: each step runs once, and a step that throws does not skip the ones after it, which still give
 * every request its one outcome and stop the scheduler before the pool reports TERMINATED.
 */
final class ShutdownProcess {

    /** How often the drain and the wait for workers look again; shutdown is rare, a light poll keeps it simple. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Dispatcher pool;
    private final CountDownLatch terminated = new CountDownLatch(1);
    // Counted down by forceNow(): the drain phase ends at once, whatever deadline it was given.
    private final CountDownLatch forcedNow = new CountDownLatch(1);
    // Completed with the requests handed back once the queue is closed and running attempts are interrupted,
    // before they end.
    private final CompletableFuture<List<Request>> handedBack = new CompletableFuture<>();
    // The clock of the drain deadline and of the wait for workers (tests drive it by hand). Guarded by this;
    // begin() hands it to the shutdown thread it starts.
    private LongSupplier clock = System::nanoTime;
    // Hears about a step that failed (tests pass their own to see it). Guarded by this, like the clock.
    private System.Logger log = System.getLogger(ShutdownProcess.class.getName());
    // Guarded by this.
    private CompletableFuture<ShutdownReport> report;

    ShutdownProcess(Dispatcher pool) {
        this.pool = pool;
    }

    /** Times the drain deadline and the wait for workers with {@code clock}; tests call it before shutting down. */
    synchronized void useClock(LongSupplier clock) {
        this.clock = clock;
    }

    /** Reports a failed step to {@code log}; tests call it before shutting down to see the failure. */
    synchronized void useLog(System.Logger log) {
        this.log = log;
    }

    synchronized CompletableFuture<ShutdownReport> begin(Duration deadline) {
        // Checked first: a bad deadline is refused the same whether or not a shutdown has begun.
        if (deadline == null || deadline.isNegative()) {
            throw new IllegalArgumentException("deadline = " + (deadline == null ? "null" : DurationBounds.text(deadline))
                    + " is not allowed: must be 0 ms or more");
        }
        if (report != null) {
            return report;
        }
        report = new CompletableFuture<>();
        // Read here, not on the shutdown thread: a request that ends before that thread gets the CPU still ended
        // during the shutdown, and counts as drained.
        LongSupplier now = clock;
        long began = now.getAsLong();
        long[] atStart = pool.accounting.totals();
        pool.moveTo(PoolState.DRAINING);
        pool.queue.stopAccepting();
        pool.watchdog.closeCallers();
        CompletableFuture<ShutdownReport> done = report;
        System.Logger failures = log;
        Thread t = new Thread(() -> done.complete(run(began, atStart, DurationBounds.saturatedNanos(deadline), now,
                failures)), pool.name + "-shutdown");
        t.setDaemon(true);
        t.start();
        return report;
    }

    /** Ends the drain phase now, as if its deadline had passed; call after {@link #begin}. */
    void forceNow() {
        forcedNow.countDown();
    }

    CompletableFuture<List<Request>> handedBack() {
        return handedBack;
    }

    boolean await(Duration limit) throws InterruptedException {
        return terminated.await(DurationBounds.saturatedNanos(limit), TimeUnit.NANOSECONDS);
    }

    private ShutdownReport run(long began, long[] atStart, long deadlineNanos, LongSupplier now,
                               System.Logger failures) {
        boolean[] drained = new boolean[1];
        Throwable failure = attempt(null, () -> drained[0] = drain(began, deadlineNanos, now));
        List<Request> returned = new ArrayList<>();
        pool.moveTo(PoolState.STOPPING);
        failure = attempt(failure, () -> returnQueued(returned));
        failure = attempt(failure, pool.finisher()::interruptAllWaiting);
        failure = attempt(failure, () -> pool.watchdog.scan(true));
        // Only now, as ThreadPoolExecutor.shutdownNow does: its caller may count on running tasks being interrupted.
        handedBack.complete(List.copyOf(returned));
        failure = attempt(failure, () -> awaitWorkers(now));
        // A worker that read the state just before STOPPING may have scheduled a retry after the first call;
        // with every worker gone nothing can schedule one any more.
        failure = attempt(failure, pool.finisher()::interruptAllWaiting);
        failure = attempt(failure, () -> {
            pool.scheduler.shutdownNow();
            pool.scheduler.awaitTermination(1, TimeUnit.SECONDS);
        });
        failure = attempt(failure, pool.watchdog::giveUpOnAll);
        pool.moveTo(PoolState.TERMINATED);
        long[] atEnd = pool.accounting.totals();
        // Measured to the end, not the deadline: a request may still end on its own after it (its result returned
        // in spite of the interrupt, or its attempt ending just before STOPPING), and must be counted somewhere.
        ShutdownReport done = new ShutdownReport(finishedNormally(atEnd) - finishedNormally(atStart), returned,
                delta(atEnd, atStart, Counter.INTERRUPTED), delta(atEnd, atStart, Counter.STUCK_WORKERS),
                Duration.ofNanos(now.getAsLong() - began), !drained[0]);
        pool.events.terminated(done);
        terminated.countDown();
        if (failure != null) {
            failures.log(System.Logger.Level.ERROR,
                    pool.name + ": a shutdown step failed; every request was still given its outcome", failure);
        }
        return done;
    }

    /** A step of the shutdown that may throw. */
    private interface Step {
        void run() throws Exception;
    }

    /** Runs {@code step}; returns the first failure seen, with later ones suppressed in it. */
    private static Throwable attempt(Throwable failure, Step step) {
        try {
            step.run();
        } catch (Throwable t) {
            if (failure == null) {
                return t;
            }
            failure.addSuppressed(t);
        }
        return failure;
    }

    /** Waits for the pool to empty; false if the deadline came first. The deadline saturates: huge means wait. */
    private boolean drain(long began, long deadlineNanos, LongSupplier now) throws InterruptedException {
        while (true) {
            if (pool.queue.size() == 0 && pool.workers.busy() == 0 && !pool.finisher().anyWaiting()
                    && !pool.watchdog.anyCallerRunning()) {
                long[] c = pool.accounting.totals();
                if (c[Counter.QUEUED.ordinal()] + c[Counter.RUNNING.ordinal()]
                        + c[Counter.WAITING_RETRY.ordinal()] == 0) {
                    return true;
                }
            }
            long left = deadlineNanos - (now.getAsLong() - began);
            if (left <= 0 || forcedNow.await(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
    }

    private void returnQueued(List<Request> returned) {
        Accounting.Stripe stripe = pool.accounting.stripe();
        for (Job job : pool.queue.closeAndDrain()) {
            stripe.move(Counter.QUEUED, Counter.RETURNED);
            job.complete(new Outcome.Returned(job.request));
            returned.add(job.request);
        }
    }

    /**
     * Waits for every worker to leave and every caller-run attempt to end. Idle workers leave at once (closing
     * the queue woke them); busy ones when their interrupted attempt returns; stuck ones, and stuck caller-run
     * attempts, when the watchdog gives up on them after the grace period, so the wait is bounded by that grace.
     */
    private void awaitWorkers(LongSupplier now) {
        // The config bounds the grace to an hour, so this cannot overflow.
        long limit = pool.config().stuckGrace().toNanos() * 2 + TimeUnit.SECONDS.toNanos(1);
        long began = now.getAsLong();
        while (pool.workers.size() > 0 || pool.watchdog.anyCallerRunning()) {
            if (now.getAsLong() - began >= limit) {
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static long finishedNormally(long[] c) {
        return c[Counter.COMPLETED.ordinal()] + c[Counter.FAILED.ordinal()] + c[Counter.TIMED_OUT.ordinal()];
    }

    private static long delta(long[] later, long[] earlier, Counter counter) {
        return later[counter.ordinal()] - earlier[counter.ordinal()];
    }
}
