package dev.poolscope.engine;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped request counters whose totals are read consistently.
 *
 * <p>Each transition updates its counters inside one lock: a stripe's, or, for the transitions in and out of the
 * queue, the {@link RequestQueue}'s own (it counts them as it moves the request). {@link #totals()} holds the
 * queue's lock and every stripe's while it sums, so a snapshot sees each transition entirely or not at all: the
 * invariant {@code submitted = terminal + queued + running + waiting} holds exactly at every snapshot, not only
 * when the pool is quiet. Threads pick a stripe by id, so the locks are almost never contended; only the
 * snapshot, a few times a second, takes them all.
 */
final class Accounting {

    /** One lock with its counters; padded so neighbouring stripes do not share a cache line. */
    static final class Stripe extends ReentrantLock {
        private static final int PAD = 8;
        // Guarded by this stripe's lock.
        private final long[] counts = new long[Counter.ALL.length + 2 * PAD];

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

        /** A failed attempt will be retried after its backoff. */
        void retry() {
            lock();
            try {
                counts[PAD + Counter.RUNNING.ordinal()]--;
                counts[PAD + Counter.WAITING_RETRY.ordinal()]++;
                counts[PAD + Counter.RETRIED.ordinal()]++;
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
        for (int i = 0; i < wanted; i++) {
            stripes[i] = new Stripe();
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

    /** Sums every counter while holding the queue and all stripes, so the totals form one consistent cut. */
    long[] totals() {
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
