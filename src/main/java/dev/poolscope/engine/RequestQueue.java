package dev.poolscope.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between submitters and workers: an {@code ArrayBlockingQueue} whose capacity can change at
 * run time, which can evict its oldest entry, and which can wake every idle worker at once (for retirement and
 * shutdown) without interrupting anyone.
 *
 * <p>It also counts the request transitions that pass through it (admitted, re-queued for a retry, taken by a
 * worker) under the same lock that moves the request, so the hot path pays for one lock per side instead of a
 * queue lock plus a counter lock. {@link Accounting#totals()} holds this lock with its stripes and adds these
 * counts in; see {@link #addCountsTo}.
 */
final class RequestQueue {

    /** How an offer ended. */
    enum Offer { ACCEPTED, FULL, CLOSED }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    // All guarded by lock.
    private final ArrayDeque<Job> jobs = new ArrayDeque<>();
    private int capacity;
    private boolean acceptingNew = true;
    private boolean closed;
    private long wakeups;
    // Transitions counted here rather than in an Accounting stripe: new requests admitted (SUBMITTED and QUEUED),
    // retries re-queued (WAITING_RETRY to QUEUED), and requests taken by a worker (QUEUED to RUNNING).
    private long admitted;
    private long requeued;
    private long taken;
    // Mirror of jobs.size() for lock-free reads by the scaler and snapshots.
    private volatile int size;

    RequestQueue(int capacity) {
        this.capacity = capacity;
    }

    int size() {
        return size;
    }

    void setCapacity(int newCapacity) {
        lock.lock();
        try {
            capacity = newCapacity;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Adds a new request if there is room. */
    Offer offer(Job job) {
        lock.lock();
        try {
            if (!acceptingNew) {
                return Offer.CLOSED;
            }
            if (jobs.size() >= capacity) {
                return Offer.FULL;
            }
            enqueue(job);
            admitted++;
            return Offer.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds a new request, evicting the oldest one if the queue is full. Returns null when nothing was evicted,
     * the evicted job otherwise, or {@code job} itself when the queue no longer accepts new requests.
     */
    Job offerEvictingOldest(Job job) {
        lock.lock();
        try {
            if (!acceptingNew) {
                return job;
            }
            // The evicted job stays counted as queued until the caller moves it to DROPPED_EVICTED.
            Job evicted = jobs.size() >= capacity ? jobs.pollFirst() : null;
            enqueue(job);
            admitted++;
            return evicted;
        } finally {
            lock.unlock();
        }
    }

    /** Adds a new request, waiting up to {@code timeoutNanos} for room. */
    Offer offer(Job job, long timeoutNanos) throws InterruptedException {
        long remaining = timeoutNanos;
        lock.lockInterruptibly();
        try {
            while (acceptingNew && jobs.size() >= capacity) {
                if (remaining <= 0) {
                    return Offer.FULL;
                }
                remaining = notFull.awaitNanos(remaining);
            }
            if (!acceptingNew) {
                return Offer.CLOSED;
            }
            enqueue(job);
            admitted++;
            return Offer.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-queues a request coming back for a retry, counting it from waiting to queued; it was admitted once, so
     * capacity does not apply. False, and nothing counted, once the queue is closed.
     */
    boolean offerRetry(Job job) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            enqueue(job);
            requeued++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Job job) {
        jobs.addLast(job);
        size = jobs.size();
        notEmpty.signal();
    }

    /**
     * The next request, counted from queued to running, or null after {@code maxWaitNanos}, a {@link #wakeAll()},
     * or close.
     */
    Job take(long maxWaitNanos) {
        long remaining = maxWaitNanos;
        lock.lock();
        try {
            long seen = wakeups;
            while (jobs.isEmpty()) {
                if (closed || seen != wakeups || remaining <= 0) {
                    return null;
                }
                try {
                    remaining = notEmpty.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    // Workers are only interrupted to cancel a running attempt; an idle one ignores a stale interrupt.
                    remaining = Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
            Job job = jobs.pollFirst();
            size = jobs.size();
            taken++;
            notFull.signal();
            return job;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting worker and submitter so each re-checks whether it should retire or stop. */
    void wakeAll() {
        lock.lock();
        try {
            wakeups++;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new requests from now on; retries of admitted ones still enter until {@link #closeAndDrain()}. */
    void stopAccepting() {
        lock.lock();
        try {
            acceptingNew = false;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Holds the queue still for {@link Accounting#totals()}; pair with {@link #unlockCounts()}. */
    void lockCounts() {
        lock.lock();
    }

    void unlockCounts() {
        lock.unlock();
    }

    /** Adds the transitions counted here to {@code totals}; the caller holds {@link #lockCounts()}. */
    void addCountsTo(long[] totals) {
        totals[Counter.SUBMITTED.ordinal()] += admitted;
        totals[Counter.QUEUED.ordinal()] += admitted + requeued - taken;
        totals[Counter.WAITING_RETRY.ordinal()] -= requeued;
        totals[Counter.RUNNING.ordinal()] += taken;
    }

    /**
     * Closes the queue for good and hands back whatever was still in it; those stay counted as queued until the
     * caller moves them on.
     */
    List<Job> closeAndDrain() {
        lock.lock();
        try {
            acceptingNew = false;
            closed = true;
            List<Job> left = new ArrayList<>(jobs);
            jobs.clear();
            size = 0;
            notEmpty.signalAll();
            notFull.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }
}
