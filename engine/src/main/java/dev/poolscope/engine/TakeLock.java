package dev.poolscope.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link RequestQueue}'s take lock, with the idle workers that wait for a request under it, the wake-ups that
 * submitters leave for its holder, and the take side's counts. A submitter wakes a worker only if the lock is free;
 * otherwise it leaves the wake-up pending, and the holder serves it as it lets go ({@link #release}, which every
 * release goes through): a submitter never waits for a worker that the machine has stalled while it held the lock.
 */
final class TakeLock extends ReentrantLock {

    // The queue's count of linked jobs: a pending wake-up is served only if one is still there.
    private final AtomicInteger queued;
    // Guarded by this lock.
    private final WaitingWorkers waiting = new WaitingWorkers();
    // A wake-up asked for by a submitter that found this lock held. Written before the submitter tries the lock again
    // and read by every holder after it releases it, so one of the two always sees the other.
    private volatile boolean wakePending;
    // Guarded by this lock: the wake-up generation (volatile: workers read it before taking the lock; see
    // RequestQueue.wakeups()), and requests taken by a worker (QUEUED to RUNNING). Here, apart from the put side's
    // counts (PutLock), which submitters write on every offer.
    volatile long wakeups;
    long taken;

    TakeLock(AtomicInteger queued) {
        this.queued = queued;
    }

    /** Wakes an idle worker for a request just added to an empty queue, without waiting for this lock. */
    void wakeWorker() {
        if (tryLock()) {
            release(waiting.wakeOne());
        } else {
            wakePending = true;
            if (tryLock()) {
                release(null);
            }
        }
    }

    /** Releases the lock, serving a pending wake-up. */
    void release() {
        release(null);
    }

    /** Releases the lock, serving a pending wake-up, and unparks {@code woken} (from {@link #wakeOne()}) after. */
    void release(Thread woken) {
        Thread wake = woken;
        while (true) {
            Thread pending = wakePending ? servePendingWakeUp() : null;
            unlock();
            LockSupport.unpark(wake);
            if (pending != Thread.currentThread()) {
                // A worker on its way into its wait that served the wake-up woke itself: it simply does not park.
                LockSupport.unpark(pending);
            }
            // A submitter that found the lock held after the read above left its wake-up to whoever holds it next.
            if (!wakePending || !tryLock()) {
                return;
            }
            wake = null;
        }
    }

    private Thread servePendingWakeUp() {
        wakePending = false;
        return queued.get() > 0 ? waiting.wakeOne() : null;
    }

    /**
     * Waits for a wake-up, at most {@code nanos} ({@link RequestQueue#NO_TIMEOUT}: no timer), releasing the lock
     * meanwhile; returns the time left, holding the lock again.
     */
    long awaitWakeUp(long nanos) {
        // Held once: a wait holding it still would keep every submitter's wake-up pending for good.
        assert getHoldCount() == 1 : "waiting with the take lock held more than once";
        WaitingWorkers.Waiter me = waiting.add();
        release();
        try {
            return me.await(nanos);
        } finally {
            lock();
            waiting.remove(me);
        }
    }

    /** Marks the longest-waiting worker woken and returns its thread, to pass to {@link #release(Thread)}. */
    Thread wakeOne() {
        return waiting.wakeOne();
    }

    /** Wakes every waiting worker. */
    void wakeAll() {
        waiting.wakeAll();
    }
}
