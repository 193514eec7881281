package dev.poolscope.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every worker's {@link ClaimedJobs} for one {@link RequestQueue}, and how many queued jobs they hold. The set is
 * changed and the claims are taken from only under the queue's take lock; the count is read without it.
 */
final class Claims {

    // Jobs held in claims and not yet taken off by claimFinished: still queued for the capacity and the depth.
    private final AtomicInteger held = new AtomicInteger();
    // Volatile for unstarted(), which reads it without the lock.
    private volatile ClaimedJobs[] all = new ClaimedJobs[0];

    /** Jobs claimed, counting those already started whose claim has not been finished yet: never too few. */
    int heldAtMost() {
        return held.get();
    }

    /** Jobs claimed and not yet started. Read {@link RequestQueue}'s count first, then this. */
    int unstarted() {
        // Read before the claims' started counts: a worker zeroes its count before it takes it off held.
        int n = held.get();
        if (n == 0) {
            return 0;
        }
        for (ClaimedJobs c : all) {
            n -= c.started();
        }
        return n;
    }

    /** A take just moved {@code n} jobs from the queue into a claim; call before taking them off the count. */
    void claimed(int n) {
        held.getAndAdd(n);
    }

    /** {@code n} jobs left the claims for the queue or an outcome without being started from them. */
    void released(int n) {
        held.getAndAdd(-n);
    }

    /**
     * The owner found {@code claim} empty: the jobs it started from it leave the held count. Batched so that
     * starting a claimed job writes no variable the submitters read on every offer. True if any did.
     */
    boolean finished(ClaimedJobs claim) {
        int started = claim.resetStarted();
        if (started == 0) {
            return false;
        }
        held.getAndAdd(-started);
        return true;
    }

    /** Adds a worker's claim. The caller holds the take lock. */
    void add(ClaimedJobs claim) {
        ClaimedJobs[] more = Arrays.copyOf(all, all.length + 1);
        more[all.length] = claim;
        all = more;
    }

    /** Removes a worker's claim, which must be empty. The caller holds the take lock. */
    void remove(ClaimedJobs claim) {
        List<ClaimedJobs> kept = new ArrayList<>(Arrays.asList(all));
        kept.remove(claim);
        all = kept.toArray(new ClaimedJobs[0]);
    }

    /** Moves the oldest half of the first non-empty claim into {@code mine}, empty. The caller holds the take lock. */
    boolean takeHalfOfOne(ClaimedJobs mine) {
        if (held.get() == 0) {
            return false;
        }
        for (ClaimedJobs other : all) {
            // Only its owner fills a claim, under the take lock the caller holds: one seen empty stays empty, and
            // its stripe, which its owner settles on, is left alone.
            if (other != mine && other.left() > 0) {
                int n = other.takeOldest((other.left() + 1) / 2, mine.slots(), 0);
                if (n > 0) {
                    mine.filled(n);
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The oldest claimed job, no longer held, unless {@code unclaimed} (the queue's oldest, or null) is older; null
     * then, or if no claim holds a job. A claimed job as old as {@code unclaimed} goes first: claims are taken from
     * the front. The caller holds the take lock.
     */
    Job takeOldest(Job unclaimed) {
        // Owners start their claims' jobs meanwhile, so a peeked job may be gone by the take: look again then.
        // Claims only shrink while the take lock is held, so this ends.
        while (true) {
            ClaimedJobs oldest = null;
            Job oldestJob = null;
            for (ClaimedJobs c : all) {
                Job next = c.peekOldest();
                if (next != null && (oldestJob == null || next.enqueuedAt - oldestJob.enqueuedAt < 0)) {
                    oldest = c;
                    oldestJob = next;
                }
            }
            if (oldest == null || (unclaimed != null && unclaimed.enqueuedAt - oldestJob.enqueuedAt < 0)) {
                return null;
            }
            if (oldest.takeIfOldest(oldestJob)) {
                released(1);
                return oldestJob;
            }
        }
    }

    /** Moves every claimed job left into {@code into}, claim by claim. The caller holds the take lock. */
    void drainInto(List<Job> into) {
        Job[] taken = new Job[ClaimedJobs.MAX];
        for (ClaimedJobs c : all) {
            int n = c.takeOldest(ClaimedJobs.MAX, taken, 0);
            released(n);
            into.addAll(Arrays.asList(taken).subList(0, n));
        }
    }
}
