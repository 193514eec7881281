package dev.poolscope.engine;

/**
 * The jobs in a {@link RequestQueue}, linked through their own {@code next} field, so the queue needs no node per
 * request. The head is always a job already taken, or a placeholder, so appending at the tail and taking at the
 * head never touch the same link. Not thread-safe: the queue guards the tail with its put lock, the head with its
 * take lock, and holds both for anything else. The tail sits a cache line away from the head
 * ({@link JobChainPadding}), so that submitters appending and workers taking do not write the same line.
 */
final class JobChain extends JobChainPadding {

    private Job head;
    // How many jobs at the front were put back and not yet taken: putBack orders a hand-back among these only, so
    // it never walks past (or behind) jobs admitted later. Both locks to grow it; the take lock to shrink it.
    private int putBackRun;

    JobChain() {
        head = last = placeholder();
    }

    private static Job placeholder() {
        return new Job(null, null);
    }

    /** Links {@code job} at the tail. The caller holds the put lock. */
    void append(Job job) {
        // A retried job may still hold the link it had when it was queued before.
        job.next = null;
        last.next = job;
        last = job;
    }

    /** Unlinks the oldest job, which becomes the head until the next is taken. Take lock; the chain is not empty. */
    Job takeFirst() {
        if (putBackRun > 0) {
            putBackRun--;
        }
        Job first = head.next;
        head.next = null;
        head = first;
        return first;
    }

    /**
     * Frees {@code job} to be appended again if it is still the head (the last job taken, now retried): a fresh
     * placeholder takes its place, since a job cannot be both the head and linked at the tail. Both locks.
     */
    void releaseIfHead(Job job) {
        if (job != head) {
            return;
        }
        Job placeholder = placeholder();
        placeholder.next = job.next;
        job.next = null;
        head = placeholder;
        if (last == job) {
            last = placeholder;
        }
    }

    /**
     * Links {@code jobs[0..n)}, in order, at the front: behind those jobs put back earlier, and not yet taken, that
     * were queued before {@code jobs[0]} (claims come back in the order their workers are looked at, not the order
     * they were taken), ahead of everything else. The head may be one of them (the last job a worker claimed stays
     * the head until the next take), so the chain restarts behind a fresh placeholder. Both locks.
     */
    void putBack(Job[] jobs, int n) {
        Job placeholder = placeholder();
        placeholder.next = head.next;
        // The old head leaves the chain: it must not keep a link into it (it may be queued again by a retry).
        head.next = null;
        head = placeholder;
        Job before = placeholder;
        for (int passed = 0; passed < putBackRun && before.next != null
                && before.next.enqueuedAt - jobs[0].enqueuedAt < 0; passed++) {
            before = before.next;
        }
        putBackRun += n;
        Job rest = before.next;
        before.next = jobs[0];
        for (int i = 0; i < n - 1; i++) {
            jobs[i].next = jobs[i + 1];
        }
        jobs[n - 1].next = rest;
        if (rest == null) {
            last = jobs[n - 1];
        }
    }

    /** The oldest job in the chain, not taken; null if none. Take lock. */
    Job peekFirst() {
        return head.next;
    }
}

/** The tail of a {@link JobChain}: submitters write it on every offer. */
abstract class JobChainTail {

    Job last;
}

/**
 * Room between a {@link JobChain}'s tail and its head, which workers write on every take. HotSpot lays out a
 * superclass's fields before its subclass's, except that a subclass field may fill a hole the superclass left (such as
 * the four bytes before an 8-byte tail without compressed references): the longs make the room, and the int fills
 * any such hole first, so every field of {@code JobChain} lands at least 64 bytes after the tail
 * ({@code QueueLayoutTest} checks the usual header and reference sizes).
 */
abstract class JobChainPadding extends JobChainTail {

    // Never read: they only take up the room.
    private long pad1, pad2, pad3, pad4, pad5, pad6, pad7;
    private int holeFiller;
}
