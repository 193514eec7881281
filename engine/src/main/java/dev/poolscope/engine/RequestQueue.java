package dev.poolscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.function.LongSupplier;

/**
 * The bounded queue between submitters and workers: a two-lock linked queue in the manner of
 * {@code LinkedBlockingQueue}, whose capacity can change at run time, which can evict its oldest entry, and which
 * can wake every idle worker at once (for retirement and shutdown) without interrupting anyone.
 *
 * <p>Submitters take only {@link #putLock} and workers only {@link #takeLock}, so the two sides of the hand-off
 * never wait for each other (only evicting offers and retries take both). A worker is woken only when the queue goes
 * from empty to non-empty (or a claim comes back to it), and a woken worker wakes the next while requests remain: a
 * busy pool pays no wake-up per request, and an idle one pays one; a submitter leaves its wake-up to the take lock's
 * holder rather than wait for it ({@link TakeLock}). Idle workers park without a timer and are woken for retirement
 * and shutdown ({@link #wakeAll()}), so an idle worker costs no CPU (the scheduler thread still ticks).
 *
 * <p>A worker that finds a backlog claims up to half of it in the same take ({@link ClaimedJobs}), so a busy pool
 * pays the take lock once per claim instead of once per request. Claimed jobs still count as queued (depth,
 * capacity, counters) until each starts; idle workers take them over, and they come back to the front of the queue
 * when their worker is held up or leaves ({@link #handBack}), or when the queue closes.
 *
 * <p>It also counts the request transitions that pass through it (admitted and re-queued under the put lock, taken
 * under the take lock), inside the lock that moves the request, so the hot path takes no extra counter lock; a
 * claimed job's start is counted by its worker's stripe instead.
 * {@link Accounting#totals()} holds both locks with its stripes and adds these counts in; see {@link #addCountsTo}.
 */
final class RequestQueue {

    /** Passed to {@link #take(long, long, ClaimedJobs, int)}: wait for a request with no timer. */
    static final long NO_TIMEOUT = Long.MAX_VALUE;
    /** A worker claims part of the queue only when at least this many are left after its take. */
    static final int CLAIM_FROM = 4;

    /** How an offer ended. */
    enum Offer { ACCEPTED, FULL, CLOSED }

    // Each side's transition counts live with its lock (PutLock, TakeLock), apart from the other side's.
    private final PutLock putLock = new PutLock();
    private final Condition notFull = putLock.newCondition();
    // Jobs linked in the queue; workers' claims hold the rest of what is queued (see ClaimedJobs).
    private final AtomicInteger count = new AtomicInteger();
    private final TakeLock takeLock = new TakeLock(count);
    // The queued jobs that workers have claimed (see ClaimedJobs).
    private final Claims claims = new Claims();
    // Written under putLock; volatile so the take side can read them without it. A submitter counts itself in
    // roomWaiters before it checks for room, and a worker reads it after freeing room, so one of the two always
    // sees the other.
    private volatile int capacity;
    private volatile int roomWaiters;

    // The jobs: the chain's tail is guarded by putLock, its head by takeLock.
    private final JobChain chain = new JobChain();

    // Guarded by putLock: whether new requests are admitted.
    private boolean acceptingNew = true;

    // Set under both locks; read under either.
    private boolean closed;

    RequestQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Submitters waiting for room now; for tests. */
    int roomWaiters() {
        return roomWaiters;
    }

    /** Queued requests, including those claimed by a worker and not yet started. */
    int size() {
        int queued = count.get();
        return queued + claims.unstarted();
    }

    /**
     * Whether there is no room; the caller holds putLock, so no hand-back or eviction runs meanwhile. The quick
     * sum counts started claimed jobs too, so only a full-looking queue looks closer. Both reads only ever
     * overstate the depth, never understate it: count is read before the claims, and a take adds to the claims
     * before it takes from count.
     */
    private boolean full() {
        return count.get() + claims.heldAtMost() >= capacity && size() >= capacity;
    }

    /** Called on every config change: submitters waiting for room look again at the room and at their wait. */
    void setCapacity(int newCapacity) {
        putLock.lock();
        try {
            capacity = newCapacity;
            notFull.signalAll();
        } finally {
            putLock.unlock();
        }
    }

    /** Adds a new request if there is room. */
    Offer offer(Job job) {
        int before;
        putLock.lock();
        try {
            if (!acceptingNew) {
                return Offer.CLOSED;
            }
            if (full()) {
                return Offer.FULL;
            }
            before = enqueue(job);
            putLock.admitted++;
        } finally {
            putLock.unlock();
        }
        wakeWorkerIfWasEmpty(before);
        return Offer.ACCEPTED;
    }

    /** Adds a new request, waiting up to {@code timeoutNanos} for room; the queue's own tests use it. */
    Offer offer(Job job, long timeoutNanos) throws InterruptedException {
        return offer(job, () -> timeoutNanos);
    }

    /**
     * Adds a new request, waiting for room as long as {@code waitNanos} allows, which is asked again at every
     * wake-up (every config change wakes the waiters, {@link #setCapacity}): the longest wait counted from the
     * offer's start, or a negative number to stop waiting, so that a block timeout or overflow policy changed
     * while a submitter waits applies to it at once. Throws InterruptedException only if the submitter is
     * interrupted while the queue is full, before room comes.
     */
    Offer offer(Job job, LongSupplier waitNanos) throws InterruptedException {
        long start = System.nanoTime();
        int before;
        // Not interruptibly: the put lock is held for microseconds, and an interrupted submitter is refused only
        // when it would have to wait for room, as with ThreadPoolExecutor (whose offer never looks at the interrupt).
        putLock.lock();
        try {
            roomWaiters++;
            try {
                while (acceptingNew && full()) {
                    long remaining = DurationBounds.nanosLeft(waitNanos.getAsLong(), start, System.nanoTime());
                    if (remaining <= 0) {
                        return Offer.FULL;
                    }
                    notFull.awaitNanos(remaining);
                }
            } finally {
                roomWaiters--;
            }
            if (!acceptingNew) {
                return Offer.CLOSED;
            }
            before = enqueue(job);
            putLock.admitted++;
        } finally {
            putLock.unlock();
        }
        wakeWorkerIfWasEmpty(before);
        return Offer.ACCEPTED;
    }

    /**
     * Adds a new request, evicting the oldest one if the queue is full. Returns null when nothing was evicted,
     * the evicted job otherwise, or {@code job} itself when the queue no longer accepts new requests.
     */
    Job offerEvictingOldest(Job job) {
        Job evicted = null;
        int before;
        lockBoth();
        try {
            if (!acceptingNew) {
                return job;
            }
            // The evicted job stays counted as queued until the caller moves it to DROPPED_EVICTED: the oldest of
            // the claims' and the queue's, a claimed one when as old (claims are taken from the front).
            if (full()) {
                Job first = count.get() > 0 ? chain.peekFirst() : null;
                evicted = claims.takeOldest(first);
                if (evicted == null && first != null) {
                    evicted = dequeue();
                    count.getAndDecrement();
                }
            }
            before = enqueue(job);
            putLock.admitted++;
        } finally {
            unlockBoth();
        }
        wakeWorkerIfWasEmpty(before);
        return evicted;
    }

    /**
     * Re-queues a request coming back for a retry, counting it from waiting to queued; it was admitted once, so
     * capacity does not apply. False, and nothing counted, once the queue is closed.
     */
    boolean offerRetry(Job job) {
        int before;
        // Both locks: the job may still be the head, where it cannot also be linked at the tail.
        lockBoth();
        try {
            if (closed) {
                return false;
            }
            chain.releaseIfHead(job);
            before = enqueue(job);
            putLock.requeued++;
        } finally {
            unlockBoth();
        }
        wakeWorkerIfWasEmpty(before);
        return true;
    }

    /** Links {@code job} at the tail; returns the count before. The caller holds putLock. */
    private int enqueue(Job job) {
        chain.append(job);
        int before = count.getAndIncrement();
        if (before + 1 + claims.heldAtMost() < capacity) {
            // Another submitter waiting for room can go on too.
            notFull.signal();
        }
        return before;
    }

    /**
     * Unlinks the oldest job, which becomes the head until the next one is taken. The caller holds takeLock and has
     * seen a count above zero.
     */
    private Job dequeue() {
        return chain.takeFirst();
    }

    private void wakeWorkerIfWasEmpty(int before) {
        if (before == 0) {
            takeLock.wakeWorker();
        }
    }

    /**
     * The wake-up generation, read by a worker before it checks whether to retire: a {@link #wakeAll()} after that
     * read makes {@link #take(long, long)} return at once, so no wake-up falls between the check and the wait.
     */
    long wakeups() {
        return takeLock.wakeups;
    }

    /**
     * The next request, counted from queued to running, or null after {@code maxWaitNanos}, a {@link #wakeAll()},
     * or close.
     */
    Job take(long maxWaitNanos) {
        return take(takeLock.wakeups, maxWaitNanos, null, 0);
    }

    /** {@link #take(long, long, ClaimedJobs, int)} without claiming. */
    Job take(long seen, long maxWaitNanos) {
        return take(seen, maxWaitNanos, null, 0);
    }

    /**
     * The next request, counted from queued to running, or null after {@code maxWaitNanos} ({@link #NO_TIMEOUT}:
     * never), once {@link #wakeAll()} has run since {@code seen} was read from {@link #wakeups()}, or once closed.
     *
     * <p>With {@code mine} (the calling worker's own claim, empty), a worker that finds a backlog also claims up to
     * half of it, at most {@code most}, and one that finds the queue empty takes half of another worker's claim
     * before it waits; it then gets null and runs them from {@code mine}, counting each as it starts
     * ({@link #claimedStarted()}).
     */
    Job take(long seen, long maxWaitNanos, ClaimedJobs mine, int most) {
        long remaining = maxWaitNanos;
        Job job;
        Thread next = null;
        takeLock.lock();
        try {
            while (count.get() == 0) {
                if (closed || (mine != null && claims.takeHalfOfOne(mine)) || seen != takeLock.wakeups
                        || remaining <= 0) {
                    return null;
                }
                remaining = takeLock.awaitWakeUp(remaining);
            }
            job = dequeue();
            takeLock.taken++;
            int more = mine == null ? 0 : claimSize(count.get() - 1, most);
            if (more > 0) {
                Job[] slots = mine.slots();
                for (int i = 0; i < more; i++) {
                    slots[i] = dequeue();
                }
                claims.claimed(more);
                mine.filled(more);
            }
            if (count.getAndAdd(-1 - more) > 1 + more) {
                // More are waiting: pass the wake-up on to the next idle worker.
                next = takeLock.wakeOne();
            }
        } finally {
            takeLock.release(next);
        }
        signalRoomIfAwaited();
        return job;
    }

    /** How many more to claim when {@code left} stay queued after a take: none for a short queue, else half. */
    private static int claimSize(int left, int most) {
        return left < CLAIM_FROM ? 0 : Math.min(most, left / 2);
    }

    /**
     * A worker started a job from its claim (counted in the claim, see {@link ClaimedJobs#started()}): it no longer
     * counts towards the queue's depth and capacity, so a submitter waiting for room may go on. The count was stored
     * before the stripe's unlock, a volatile write, so it is visible before {@code roomWaiters} is read here: a
     * submitter that counted itself in after this read sees the start when it checks for room.
     */
    void claimedStarted() {
        signalRoomIfAwaited();
    }

    /**
     * A worker found its claim empty; see {@link Claims#finished}. A submitter that read the depth while the claim's
     * count was moving may have seen it too high, and waits for room: wake it to look again.
     */
    void claimFinished(ClaimedJobs claim) {
        if (claims.finished(claim)) {
            signalRoomIfAwaited();
        }
    }

    private void signalRoomIfAwaited() {
        if (roomWaiters > 0) {
            putLock.lock();
            try {
                notFull.signal();
            } finally {
                putLock.unlock();
            }
        }
    }

    /** Lets other workers, shutdown and eviction reach a worker's claim. */
    void register(ClaimedJobs claim) {
        takeLock.lock();
        try {
            claims.add(claim);
        } finally {
            takeLock.release();
        }
    }

    /**
     * Hands a leaving worker's claim back to the queue, after {@code started} (a job of it already started that the
     * worker will not run, moved back to queued by the caller; null for none), and forgets the claim. False if the
     * queue has closed: nothing was handed back, and {@code started} is still the caller's.
     */
    boolean unregister(ClaimedJobs claim, Job started) {
        claimFinished(claim);
        boolean handedBack = handBack(claim, started);
        takeLock.lock();
        try {
            claims.remove(claim);
        } finally {
            takeLock.release();
        }
        return handedBack;
    }

    /**
     * Puts whatever is left of {@code claim} back in the queue, in order, ahead of every job queued after them, for
     * any worker to take: its owner is leaving, or is stuck on a long request with jobs behind it. They stay counted
     * as queued throughout.
     */
    void handBack(ClaimedJobs claim) {
        handBack(claim, null);
    }

    private boolean handBack(ClaimedJobs claim, Job started) {
        if (claim.left() == 0 && started == null) {
            return true;
        }
        Thread woken = null;
        lockBoth();
        try {
            // Closing took every claimed job already; only a started one can be left.
            if (closed) {
                return false;
            }
            Job[] back = new Job[ClaimedJobs.MAX + 1];
            int first = started == null ? 0 : 1;
            back[0] = started;
            int n = first + claim.takeOldest(ClaimedJobs.MAX, back, first);
            if (n == 0) {
                return true;
            }
            chain.putBack(back, n);
            // A started job given back was taken off the claims by claimFinished already.
            claims.released(n - first);
            count.getAndAdd(n);
            woken = takeLock.wakeOne();
            return true;
        } finally {
            takeLock.release(woken);
            putLock.unlock();
        }
    }

    /** Wakes every waiting worker and submitter so each re-checks whether it should retire or stop. */
    void wakeAll() {
        takeLock.lock();
        try {
            takeLock.wakeups++;
            takeLock.wakeAll();
        } finally {
            takeLock.release();
        }
        putLock.lock();
        try {
            notFull.signalAll();
        } finally {
            putLock.unlock();
        }
    }

    /** Refuses new requests from now on; retries of admitted ones still enter until {@link #closeAndDrain()}. */
    void stopAccepting() {
        putLock.lock();
        try {
            acceptingNew = false;
            notFull.signalAll();
        } finally {
            putLock.unlock();
        }
    }

    /** Holds the queue still for {@link Accounting#totals()}; pair with {@link #unlockCounts()}. */
    void lockCounts() {
        lockBoth();
    }

    void unlockCounts() {
        unlockBoth();
    }

    /** Always the put lock first, then the take lock (see package-info). */
    private void lockBoth() {
        putLock.lock();
        takeLock.lock();
    }

    private void unlockBoth() {
        takeLock.release();
        putLock.unlock();
    }

    /** Adds the transitions counted here to {@code totals}; the caller holds {@link #lockCounts()}. */
    void addCountsTo(long[] totals) {
        long admitted = putLock.admitted;
        long requeued = putLock.requeued;
        long taken = takeLock.taken;
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
        lockBoth();
        try {
            acceptingNew = false;
            closed = true;
            List<Job> left = new ArrayList<>(size());
            // Claimed jobs first: they were queued before anything still in the queue.
            claims.drainInto(left);
            while (count.get() > 0) {
                left.add(dequeue());
                count.getAndDecrement();
            }
            takeLock.wakeAll();
            notFull.signalAll();
            return left;
        } finally {
            unlockBoth();
        }
    }
}
