package dev.poolscope.engine;

import java.util.concurrent.locks.ReentrantLock;

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

        /** An attempt ended: its request moves from running to {@code to}, and its latencies are recorded. */
        void settle(Counter to, long waitNanos, long runNanos) {
            lock();
            try {
                counts[PAD + Counter.RUNNING.ordinal()]--;
                counts[PAD + to.ordinal()]++;
                if (to == Counter.WAITING_RETRY) {
                    counts[PAD + Counter.RETRIED.ordinal()]++;
                }
                record(waitNanos, runNanos);
            } finally {
                unlock();
            }
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

    /** The stripe for a key such as a worker id; spreads consecutive keys over distinct stripes. */
    Stripe stripe(long key) {
        return stripes[(int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask];
    }

    /** The counters and the latencies recorded since the previous cut. */
    record Cut(long[] totals, Latency queueWait, Latency runTime) {
    }

    // Guarded by cut()'s monitor: the histograms the stripes record into next, and the merged sums.
    private final Histogram[] spareWaits;
    private final Histogram[] spareRuns;
    private final Histogram waitSum = new Histogram(LATENCY_DIGITS);
    private final Histogram runSum = new Histogram(LATENCY_DIGITS);

    /**
     * A consistent cut for a snapshot: the totals, plus each stripe's latency histograms swapped for empty ones in
     * the same critical section (so a transition's latencies belong to the same cut as its counters). The swapped
     * histograms are merged after the locks are released, keeping the time the hot path waits to a pointer swap.
     */
    synchronized Cut cut() {
        long[] sum = lockedTotals(true);
        waitSum.reset();
        runSum.reset();
        for (int i = 0; i < stripes.length; i++) {
            // After lockedTotals(true) the spares hold what the stripes recorded; merge, then empty them for reuse.
            waitSum.add(spareWaits[i]);
            runSum.add(spareRuns[i]);
            spareWaits[i].reset();
            spareRuns[i].reset();
        }
        return new Cut(sum, Latency.of(waitSum), Latency.of(runSum));
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
