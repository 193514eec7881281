package dev.poolscope.engine;

import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link RequestQueue}'s put lock, holding the put side's transition counts it guards. They live here rather than in
 * the queue so that no object holds both sides' counts: submitters write these on every offer and workers write
 * {@link TakeLock}'s on every take, and in one object the two shared a cache line that bounced between the cores.
 */
final class PutLock extends ReentrantLock {

    // Guarded by this lock (requeued written holding the take lock too); read holding both (Accounting.totals).
    // New requests admitted: SUBMITTED, and into QUEUED.
    long admitted;
    // Retries queued again: WAITING_RETRY to QUEUED.
    long requeued;
}
