package dev.poolscope.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * The threads waiting in {@link RequestQueue} for a request, oldest first: what a {@code Condition} of the take lock
 * would hold, kept by hand so that a waiter can be woken from wherever that lock is released
 * ({@link TakeLock#release(Thread)}). Everything but {@link Waiter#await} runs under the take lock.
 */
final class WaitingWorkers {

    /** One thread's wait. */
    static final class Waiter {
        private final Thread thread = Thread.currentThread();
        // Set under the take lock by whoever wakes this waiter; read by the waiter without it.
        private volatile boolean woken;
        private Waiter next;

        /**
         * Parks the calling thread, holding no lock, until it is woken or {@code nanos} pass
         * ({@link RequestQueue#NO_TIMEOUT}: never); returns the time left. An idle worker ignores a stale interrupt:
         * workers are only interrupted to cancel a running attempt.
         */
        long await(long nanos) {
            boolean timed = nanos != RequestQueue.NO_TIMEOUT;
            long deadline = timed ? System.nanoTime() + nanos : 0;
            while (!woken) {
                if (!timed) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                }
                Thread.interrupted();
            }
            return timed ? deadline - System.nanoTime() : nanos;
        }
    }

    private Waiter first;
    private Waiter last;

    /** Counts the calling thread in as waiting; it then releases the lock and calls {@link Waiter#await}. */
    Waiter add() {
        Waiter w = new Waiter();
        if (last == null) {
            first = w;
        } else {
            last.next = w;
        }
        last = w;
        return w;
    }

    /** Counts {@code w} out after its wait, if it stopped waiting without being woken. */
    void remove(Waiter w) {
        if (w.woken) {
            return;
        }
        Waiter before = null;
        for (Waiter x = first; x != null; before = x, x = x.next) {
            if (x == w) {
                if (before == null) {
                    first = w.next;
                } else {
                    before.next = w.next;
                }
                if (last == w) {
                    last = before;
                }
                return;
            }
        }
    }

    /**
     * Marks the longest waiter woken and returns its thread, for the caller to unpark once it has released the lock
     * (so that the woken thread does not find the lock still held); null if nobody waits.
     */
    Thread wakeOne() {
        Waiter w = first;
        if (w == null) {
            return null;
        }
        first = w.next;
        if (first == null) {
            last = null;
        }
        w.next = null;
        w.woken = true;
        return w.thread;
    }

    /** Wakes every waiter now (retirement, shutdown: rare enough to unpark under the lock). */
    void wakeAll() {
        for (Thread t = wakeOne(); t != null; t = wakeOne()) {
            LockSupport.unpark(t);
        }
    }
}
