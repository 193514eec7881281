package dev.poolscope.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Graceful shutdown with a deadline, run once on its own thread:
 * 1. DRAINING: refuse new requests (and new caller-run attempts); workers keep taking queued ones (and retries)
 *    until none are left or the deadline passes;
 * 2. STOPPING: close the queue and hand back what is still in it as {@code Returned}; end retry waits and running
 *    attempts, on workers and on submitters under CALLER_RUNS, as {@code Interrupted} (the watchdog interrupts
 *    them, and gives up on those that ignore it past the grace period);
 * 3. wait for the workers and caller-run attempts to end, stop the scheduler, and report.
 * Shutdown is total: whatever a step throws, the final sweep still gives every request its one outcome and
 * stops the scheduler before the pool reports TERMINATED.
 */
final class ShutdownProcess {

    /** How often the drain phase checks for an empty pool; shutdown is rare, a light poll keeps it simple. */
    private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Dispatcher pool;
    private final CountDownLatch terminated = new CountDownLatch(1);
    // Completed with the requests handed back as soon as the queue is closed, before running attempts end.
    private final CompletableFuture<List<Request>> handedBack = new CompletableFuture<>();
    // Set by forceNow(): the drain phase ends at once, whatever deadline it was given.
    private volatile boolean forcedNow;
    // Guarded by this.
    private CompletableFuture<ShutdownReport> report;

    ShutdownProcess(Dispatcher pool) {
        this.pool = pool;
    }

    synchronized CompletableFuture<ShutdownReport> begin(Duration deadline) {
        if (report != null) {
            return report;
        }
        if (deadline == null || deadline.isNegative()) {
            throw new IllegalArgumentException("deadline = " + (deadline == null ? "null" : DurationBounds.text(deadline))
                    + " is not allowed: must be 0 ms or more");
        }
        report = new CompletableFuture<>();
        pool.moveTo(PoolState.DRAINING);
        pool.queue.stopAccepting();
        pool.watchdog.closeCallers();
        Thread t = new Thread(() -> run(DurationBounds.saturatedNanos(deadline)), pool.name + "-shutdown");
        t.setDaemon(true);
        t.start();
        return report;
    }

    /** Ends the drain phase now, as if its deadline had passed; call after {@link #begin}. */
    void forceNow() {
        forcedNow = true;
    }

    CompletableFuture<List<Request>> handedBack() {
        return handedBack;
    }

    boolean await(Duration limit) throws InterruptedException {
        return terminated.await(DurationBounds.saturatedNanos(limit), TimeUnit.NANOSECONDS);
    }

    private void run(long deadlineNanos) {
        long began = System.nanoTime();
        long[] atStart = null;
        long[] atDeadline = null;
        List<Request> returned = new ArrayList<>();
        boolean forced = true;
        Throwable failure = null;
        try {
            atStart = pool.accounting.totals();
            forced = !drain(began, deadlineNanos);
            atDeadline = pool.accounting.totals();
            pool.moveTo(PoolState.STOPPING);
            returnQueued(returned);
            handedBack.complete(List.copyOf(returned));
            pool.finisher().interruptAllWaiting();
            pool.queue.wakeAll();
            awaitWorkers();
        } catch (Throwable t) {
            failure = t;
        } finally {
            failure = sweep(returned, failure);
            handedBack.complete(List.copyOf(returned));
        }
        long[] atEnd = pool.accounting.totals();
        atStart = atStart != null ? atStart : atEnd;
        atDeadline = atDeadline != null ? atDeadline : atEnd;
        ShutdownReport done = new ShutdownReport(finishedNormally(atDeadline) - finishedNormally(atStart), returned,
                delta(atEnd, atStart, Counter.INTERRUPTED), delta(atEnd, atStart, Counter.STUCK_WORKERS),
                Duration.ofNanos(System.nanoTime() - began), forced);
        terminated.countDown();
        if (failure != null) {
            System.getLogger(ShutdownProcess.class.getName()).log(System.Logger.Level.ERROR,
                    pool.name + ": a shutdown step failed; every request was still given its outcome", failure);
        }
        report.complete(done);
    }

    /**
     * The last step, which runs whatever happened before: nothing may be left queued, waiting for a retry or
     * running once the pool says TERMINATED, and the scheduler must end. Each part runs even if another throws;
     * returns the first failure seen.
     */
    private Throwable sweep(List<Request> returned, Throwable failure) {
        pool.moveTo(PoolState.STOPPING);
        failure = attempt(failure, () -> returnQueued(returned));
        failure = attempt(failure, pool.finisher()::interruptAllWaiting);
        failure = attempt(failure, () -> pool.watchdog.scan(true));
        failure = attempt(failure, this::awaitWorkers);
        failure = attempt(failure, pool.finisher()::interruptAllWaiting);
        failure = attempt(failure, () -> {
            pool.scheduler.shutdownNow();
            pool.scheduler.awaitTermination(1, TimeUnit.SECONDS);
        });
        failure = attempt(failure, pool.watchdog::giveUpOnAll);
        pool.moveTo(PoolState.TERMINATED);
        return failure;
    }

    /** A step of the sweep that may throw. */
    private interface Step {
        void run() throws Exception;
    }

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
    private boolean drain(long began, long deadlineNanos) {
        while (true) {
            if (pool.queue.size() == 0 && pool.workers.busy() == 0 && !pool.finisher().anyWaiting()
                    && !pool.watchdog.anyCallerRunning()) {
                long[] c = pool.accounting.totals();
                if (c[Counter.QUEUED.ordinal()] + c[Counter.RUNNING.ordinal()]
                        + c[Counter.WAITING_RETRY.ordinal()] == 0) {
                    return true;
                }
            }
            long left = deadlineNanos - (System.nanoTime() - began);
            if (left <= 0 || forcedNow) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, DRAIN_POLL_NANOS));
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
     * Waits for every worker to leave and every caller-run attempt to end. Idle workers leave at once; busy ones
     * when their interrupted attempt returns; stuck ones, and stuck caller-run attempts, when the watchdog gives
     * up on them after the grace period, so the wait is bounded by that grace.
     */
    private void awaitWorkers() throws InterruptedException {
        // The config bounds the grace to an hour, so this cannot overflow.
        long limit = pool.config().stuckGrace().toNanos() * 2 + TimeUnit.SECONDS.toNanos(1);
        long began = System.nanoTime();
        while (System.nanoTime() - began < limit) {
            Worker[] left = pool.workers.view();
            if (left.length == 0 && !pool.watchdog.anyCallerRunning()) {
                return;
            }
            Thread t = left.length > 0 ? left[0].thread() : null;
            if (t != null) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(DRAIN_POLL_NANOS)));
            } else {
                LockSupport.parkNanos(DRAIN_POLL_NANOS);
            }
        }
    }

    private static long finishedNormally(long[] c) {
        return c[Counter.COMPLETED.ordinal()] + c[Counter.FAILED.ordinal()] + c[Counter.TIMED_OUT.ordinal()];
    }

    private static long delta(long[] later, long[] earlier, Counter counter) {
        return later[counter.ordinal()] - earlier[counter.ordinal()];
    }
}
