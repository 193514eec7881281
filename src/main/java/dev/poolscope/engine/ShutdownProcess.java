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
 * 1. DRAINING: refuse new requests; workers keep taking queued ones (and retries) until none are left or the
 *    deadline passes;
 * 2. STOPPING: close the queue and hand back what is still in it as {@code Returned}; end retry waits and running
 *    attempts as {@code Interrupted} (the watchdog interrupts them, and abandons workers that ignore it past the
 *    grace period);
 * 3. wait for the workers to exit, stop the scheduler, and report. Every future has its outcome by then.
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
            throw new IllegalArgumentException("deadline = " + deadline + " is not allowed: must be >= 0 ms");
        }
        report = new CompletableFuture<>();
        pool.moveTo(PoolState.DRAINING);
        pool.queue.stopAccepting();
        Thread t = new Thread(() -> run(deadline), pool.name + "-shutdown");
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
        return terminated.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void run(Duration deadline) {
        long began = System.nanoTime();
        try {
            long[] atStart = pool.accounting.totals();
            boolean forced = !drain(began + deadline.toNanos());
            long[] atDeadline = pool.accounting.totals();
            pool.moveTo(PoolState.STOPPING);
            List<Request> returned = returnQueued();
            handedBack.complete(returned);
            pool.finisher.interruptAllWaiting();
            pool.queue.wakeAll();
            awaitWorkers();
            pool.finisher.interruptAllWaiting();
            pool.scheduler.shutdownNow();
            pool.scheduler.awaitTermination(1, TimeUnit.SECONDS);
            pool.moveTo(PoolState.TERMINATED);
            long[] atEnd = pool.accounting.totals();
            long drained = finishedNormally(atDeadline) - finishedNormally(atStart);
            ShutdownReport done = new ShutdownReport(drained, returned,
                    delta(atEnd, atStart, Counter.INTERRUPTED), delta(atEnd, atStart, Counter.STUCK_WORKERS),
                    Duration.ofNanos(System.nanoTime() - began), forced);
            terminated.countDown();
            report.complete(done);
        } catch (Throwable t) {
            handedBack.complete(List.of());
            pool.moveTo(PoolState.TERMINATED);
            terminated.countDown();
            report.completeExceptionally(t);
        }
    }

    /** Waits for the pool to empty; false if the deadline came first. */
    private boolean drain(long deadlineNanos) {
        while (true) {
            if (pool.queue.size() == 0 && pool.workers.busy() == 0 && !pool.finisher.anyWaiting()) {
                long[] c = pool.accounting.totals();
                if (c[Counter.QUEUED.ordinal()] + c[Counter.RUNNING.ordinal()]
                        + c[Counter.WAITING_RETRY.ordinal()] == 0) {
                    return true;
                }
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0 || forcedNow) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, DRAIN_POLL_NANOS));
        }
    }

    private List<Request> returnQueued() {
        List<Request> returned = new ArrayList<>();
        Accounting.Stripe stripe = pool.accounting.stripe();
        for (Job job : pool.queue.closeAndDrain()) {
            stripe.move(Counter.QUEUED, Counter.RETURNED);
            job.future.complete(new Outcome.Returned(job.request));
            returned.add(job.request);
        }
        return returned;
    }

    /**
     * Waits for every worker to leave. Idle ones leave at once; busy ones when their interrupted attempt returns;
     * stuck ones when the watchdog abandons them after the grace period, so the wait is bounded by that grace.
     */
    private void awaitWorkers() throws InterruptedException {
        long limit = System.nanoTime() + pool.config().stuckGrace().toNanos() * 2 + TimeUnit.SECONDS.toNanos(1);
        Worker[] left;
        while ((left = pool.workers.view()).length > 0 && System.nanoTime() < limit) {
            Thread t = left[0].thread();
            if (t != null) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(DRAIN_POLL_NANOS)));
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
