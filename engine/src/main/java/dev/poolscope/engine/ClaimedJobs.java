package dev.poolscope.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Queued jobs that one worker took from the queue in a single take, to run in order without taking the queue's
 * lock for each. They stay queued in every sense the pool reports (the counters, the queue depth, the capacity)
 * until their owner starts each one.
 *
 * <p>Guarded by the owner's stripe lock: the owner starts the next one inside the same critical section that
 * settles its previous attempt, so starting costs no lock of its own, and whoever else takes some (another
 * worker with nothing to do, eviction, a hand-back, shutdown) holds the queue's take lock and then this stripe's
 * lock, in the package's lock order. The owner refills the slots, under the take lock, only once all are taken.
 */
final class ClaimedJobs {

    /** The most jobs one take claims. */
    static final int MAX = 32;
    /**
     * About how much work one claim holds, judged by its owner's last attempt: claiming saves a lock per request,
     * which matters only for short requests, and a claim must not keep requests waiting behind a long one.
     */
    static final long SPAN_NANOS = 100_000;

    private static final VarHandle CURSOR;
    private static final VarHandle STARTED;
    private static final VarHandle FILLS;

    static {
        try {
            CURSOR = MethodHandles.lookup().findVarHandle(ClaimedJobs.class, "cursor", int.class);
            STARTED = MethodHandles.lookup().findVarHandle(ClaimedJobs.class, "startedCount", int.class);
            FILLS = MethodHandles.lookup().findVarHandle(ClaimedJobs.class, "fills", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Accounting.Stripe stripe;
    private final Job[] jobs = new Job[MAX];
    // Written by the owner under the take lock.
    private int end;
    // The next slot to take; written under the stripe lock (or the take lock while refilling an empty claim),
    // read without a lock only as a hint (left()).
    private int cursor;
    // The job the owner's last settle started, to run next; the owner only.
    private Job started;
    // How many times the owner has filled this claim; written by the owner, read by the watchdog as a hint.
    private int fills;
    // Jobs started from this claim since the owner last found it empty; written by the owner (release), read by
    // submitters checking for room (acquire).
    private int startedCount;

    ClaimedJobs(Accounting.Stripe stripe) {
        this.stripe = stripe;
    }

    /**
     * The most jobs a worker should claim after an attempt that ran {@code lastRunNanos}: enough for about
     * {@link #SPAN_NANOS} of work, at most {@link #MAX}; none after an attempt that long or longer.
     */
    static int mostFor(long lastRunNanos) {
        return (int) Math.min(MAX, SPAN_NANOS / Math.max(1, lastRunNanos));
    }

    /** Jobs not yet taken; exact under the stripe lock, a hint otherwise. */
    int left() {
        return Math.max(0, end - (int) CURSOR.getOpaque(this));
    }

    /** The slots the owner fills from; it may write them only while every job in them has been taken. */
    Job[] slots() {
        return jobs;
    }

    /** Sets the count of slots just filled; the owner only, under the take lock, after writing {@link #slots()}. */
    void filled(int n) {
        end = n;
        FILLS.setRelease(this, fills + 1);
        CURSOR.setRelease(this, 0);
    }

    /** How many times this claim has been filled: the watchdog tells an old claim from a new one by it. */
    int fills() {
        return (int) FILLS.getOpaque(this);
    }

    /** Takes the next job for the owner; the caller holds the stripe lock and counts it as started. */
    Job startNextLocked() {
        int c = cursor;
        if (c >= end) {
            return null;
        }
        Job job = jobs[c];
        jobs[c] = null;
        CURSOR.setRelease(this, c + 1);
        STARTED.setRelease(this, startedCount + 1);
        return job;
    }

    /** Jobs started from this claim and not yet taken off the queue's claimed count. */
    int started() {
        return (int) STARTED.getAcquire(this);
    }

    /** Zeroes {@link #started()} and returns what it was; the owner only, before it updates the claimed count. */
    int resetStarted() {
        int n = startedCount;
        if (n > 0) {
            STARTED.setRelease(this, 0);
        }
        return n;
    }

    /** Remembers the job the owner's settle started; the owner runs it next. */
    void setStarted(Job job) {
        started = job;
    }

    /** The job the owner's last settle started, if any, and forgets it. */
    Job takeStarted() {
        Job job = started;
        started = null;
        return job;
    }

    /** Takes {@code job} if it is still the oldest left; the caller holds the take lock and is not the owner. */
    boolean takeIfOldest(Job job) {
        stripe.lock();
        try {
            int c = cursor;
            if (c >= end || jobs[c] != job) {
                return false;
            }
            jobs[c] = null;
            CURSOR.setRelease(this, c + 1);
            return true;
        } finally {
            stripe.unlock();
        }
    }

    /** The oldest job left, not taken; null if none. The caller holds the take lock and is not the owner. */
    Job peekOldest() {
        stripe.lock();
        try {
            return cursor < end ? jobs[cursor] : null;
        } finally {
            stripe.unlock();
        }
    }

    /**
     * Takes up to {@code most} of the oldest jobs left, in order, into {@code into} from index {@code at}; the
     * caller holds the take lock and is not the owner. Returns how many it took.
     */
    int takeOldest(int most, Job[] into, int at) {
        stripe.lock();
        try {
            int c = cursor;
            int n = Math.min(most, end - c);
            if (n <= 0) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                into[at + i] = jobs[c + i];
                jobs[c + i] = null;
            }
            CURSOR.setRelease(this, c + n);
            return n;
        } finally {
            stripe.unlock();
        }
    }
}
