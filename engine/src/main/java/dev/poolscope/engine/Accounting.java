package dev.poolscope.engine;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;

/**
 * Striped request counters whose totals are read consistently.
 *
 * <p>Each transition updates its counters inside one lock: a stripe's, or, for the transitions in and out of the
 * queue, the {@link RequestQueue}'s own (it counts them as it moves the request). {@link #totals()} holds the
 * queue's lock and every stripe's while it sums, so a snapshot sees each transition entirely or not at all: the
 * invariant {@code submitted = terminal + queued + running + waiting} holds exactly at every snapshot, not only
 * when the pool is quiet. Threads pick a stripe by id, so the locks are almost never contended; only the
 * snapshot, a few times a second, takes them all.
 *
 * <p>Each stripe also keeps the queue-wait and run-time histograms of the attempts it settles, recorded inside the
 * same critical section as the attempt's counter move: the lock is taken anyway, so recording costs no extra
 * atomic operations (a per-thread HdrHistogram recorder costs four per request).
 */
final class Accounting {

    /** Latency values of this many significant digits; histograms resize themselves to any range. */
    static final int LATENCY_DIGITS = 2;
    /** Passed for a latency that is not known, such as the run time of an abandoned attempt. */
    static final long UNKNOWN = -1;

    /** One lock with its counters and latency histograms; padded so neighbouring stripes do not share a cache line. */
    static final class Stripe extends ReentrantLock {
        private static final int PAD = 8;
        // Guarded by this stripe's lock.
        private final long[] counts = new long[Counter.ALL.length + 2 * PAD];
        private Histogram waits = new Histogram(LATENCY_DIGITS);
        private Histogram runs = new Histogram(LATENCY_DIGITS);

        /**
         * An attempt ended: its request moves from running to {@code to}, and its latencies are recorded; then, in
         * the same critical section, the next job of {@code startNext} (the settling worker's claim, or null)
         * starts, which its owner then finds with
         * {@link ClaimedJobs#takeStarted()}. Recording comes first (a histogram may have to grow, and fail): a
         * settle that throws has moved and started nothing, so the caller's last resort moves the request once.
         */
        void settle(Counter to, long waitNanos, long runNanos, ClaimedJobs startNext) {
            lock();
            try {
                record(waitNanos, runNanos);
                counts[PAD + Counter.RUNNING.ordinal()]--;
                counts[PAD + to.ordinal()]++;
                if (to == Counter.WAITING_RETRY) {
                    counts[PAD + Counter.RETRIED.ordinal()]++;
                }
                if (startNext != null) {
                    startNext.setStarted(startLocked(startNext));
                }
            } finally {
                unlock();
            }
        }

        /** Starts the next job of a worker's claim, counted from queued to running; null when none is left. */
        Job start(ClaimedJobs claim) {
            lock();
            try {
                return startLocked(claim);
            } finally {
                unlock();
            }
        }

        private Job startLocked(ClaimedJobs claim) {
            Job job = claim.startNextLocked();
            if (job != null) {
                counts[PAD + Counter.QUEUED.ordinal()]--;
                counts[PAD + Counter.RUNNING.ordinal()]++;
            }
            return job;
        }

        private void record(long waitNanos, long runNanos) {
            if (waitNanos != UNKNOWN) {
                waits.recordValue(Math.max(0, waitNanos));
            }
            if (runNanos != UNKNOWN) {
                runs.recordValue(Math.max(0, runNanos));
            }
        }

        /** A new request entered the pool and went straight to {@code stage}. */
        void arrive(Counter stage) {
            lock();
            try {
                counts[PAD + Counter.SUBMITTED.ordinal()]++;
                counts[PAD + stage.ordinal()]++;
            } finally {
                unlock();
            }
        }

        /** A request moved from one stage (or to a terminal counter) in one step. */
        void move(Counter from, Counter to) {
            lock();
            try {
                counts[PAD + from.ordinal()]--;
                counts[PAD + to.ordinal()]++;
            } finally {
                unlock();
            }
        }

        /** Counts an event that is not a request transition, such as a stuck worker. */
        void increment(Counter counter) {
            lock();
            try {
                counts[PAD + counter.ordinal()]++;
            } finally {
                unlock();
            }
        }
    }

    private final Stripe[] stripes;
    private final int mask;
    private final RequestQueue queue;

    Accounting(RequestQueue queue) {
        this.queue = queue;
        int wanted = Math.max(16, Integer.highestOneBit(Runtime.getRuntime().availableProcessors() * 4) * 2);
        stripes = new Stripe[wanted];
        spareWaits = new Histogram[wanted];
        spareRuns = new Histogram[wanted];
        for (int i = 0; i < wanted; i++) {
            stripes[i] = new Stripe();
            spareWaits[i] = new Histogram(LATENCY_DIGITS);
            spareRuns[i] = new Histogram(LATENCY_DIGITS);
        }
        mask = wanted - 1;
    }

    /** The stripe for the calling thread. */
    Stripe stripe() {
        return stripe(Thread.currentThread().getId());
    }

    /**
     * The stripe for a key such as a worker id. Consecutive keys get distinct stripes, so as many workers as there
     * are stripes never share a lock (a hash would let some of them meet: keys 0–15 hit only 11 of 16 stripes).
     */
    Stripe stripe(long key) {
        return stripes[(int) (key & mask)];
    }

    /** The counters, with latencies over the window the reader asked for. */
    record Cut(long[] totals, long nanoTime, Latency queueWait, Latency runTime, long windowNanos) {
    }

    /**
     * A reader's place in the latency history: a copy of the whole-life histograms as they were at its previous
     * read, so the difference is its own interval. Guarded by the {@link Accounting} monitor.
     */
    static final class Cursor {
        private final Histogram lastWaits = new Histogram(LATENCY_DIGITS);
        private final Histogram lastRuns = new Histogram(LATENCY_DIGITS);
        private long lastNanos;
    }

    // Guarded by this: the histograms the stripes record into next, and the pool's whole-life latencies, which
    // only grow. A cut moves what the stripes recorded into the whole-life pair; no reader sees that as a change.
    private final Histogram[] spareWaits;
    private final Histogram[] spareRuns;
    private final Histogram lifeWaits = new Histogram(LATENCY_DIGITS);
    private final Histogram lifeRuns = new Histogram(LATENCY_DIGITS);
    private final Histogram scratch = new Histogram(LATENCY_DIGITS);
    private final long startNanos = System.nanoTime();
    // Stamps the cuts' times (never a request's): tests hand-drive it to give the scaler's windows exact lengths.
    private LongSupplier clock = System::nanoTime;

    /** Stamps the following cuts and cursors with {@code clock}; tests call it before opening their readers. */
    synchronized void useClock(LongSupplier clock) {
        this.clock = clock;
    }

    /** A cursor whose first interval starts now. */
    synchronized Cursor newCursor() {
        collect();
        Cursor c = new Cursor();
        c.lastWaits.add(lifeWaits);
        c.lastRuns.add(lifeRuns);
        c.lastNanos = clock.getAsLong();
        return c;
    }

    /**
     * A consistent cut: the totals, with latencies over the pool's whole life ({@code cursor} null) or since the
     * cursor's previous cut (which this one then becomes). Reading never changes what another reader sees.
     */
    synchronized Cut cut(Cursor cursor) {
        long[] sum = collect();
        long now = clock.getAsLong();
        if (cursor == null) {
            return new Cut(sum, now, Latency.of(lifeWaits), Latency.of(lifeRuns), now - startNanos);
        }
        Latency waits = since(lifeWaits, cursor.lastWaits);
        Latency runs = since(lifeRuns, cursor.lastRuns);
        long window = now - cursor.lastNanos;
        cursor.lastNanos = now;
        return new Cut(sum, now, waits, runs, window);
    }

    /** What {@code life} gained since {@code last}, which then catches up with it. */
    private Latency since(Histogram life, Histogram last) {
        scratch.reset();
        scratch.add(life);
        scratch.subtract(last);
        Latency interval = Latency.of(scratch);
        last.reset();
        last.add(life);
        return interval;
    }

    /**
     * Sums the counters in one consistent cut and, in the same critical section, swaps each stripe's latency
     * histograms for empty ones (so a transition's latencies belong to the same cut as its counters). The swapped
     * histograms are merged into the whole-life pair after the locks are released, keeping the time the hot path
     * waits to a pointer swap.
     */
    private long[] collect() {
        long[] sum = lockedTotals(true);
        for (int i = 0; i < stripes.length; i++) {
            lifeWaits.add(spareWaits[i]);
            lifeRuns.add(spareRuns[i]);
            spareWaits[i].reset();
            spareRuns[i].reset();
        }
        return sum;
    }

    /** Sums every counter while holding the queue and all stripes, so the totals form one consistent cut. */
    long[] totals() {
        return lockedTotals(false);
    }

    private long[] lockedTotals(boolean swapLatencies) {
        // Always the queue first, then the stripes: nothing takes the queue's lock while holding a stripe.
        queue.lockCounts();
        try {
            for (Stripe s : stripes) {
                s.lock();
            }
            try {
                long[] sum = new long[Counter.ALL.length];
                for (Stripe s : stripes) {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += s.counts[Stripe.PAD + i];
                    }
                }
                queue.addCountsTo(sum);
                if (swapLatencies) {
                    for (int i = 0; i < stripes.length; i++) {
                        Stripe st = stripes[i];
                        Histogram w = st.waits;
                        Histogram r = st.runs;
                        st.waits = spareWaits[i];
                        st.runs = spareRuns[i];
                        spareWaits[i] = w;
                        spareRuns[i] = r;
                    }
                }
                return sum;
            } finally {
                for (Stripe s : stripes) {
                    s.unlock();
                }
            }
        } finally {
            queue.unlockCounts();
        }
    }
}
