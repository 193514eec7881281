package dev.poolscope.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;

/**
 * A submitted request on its way through the pool; it is also the future its submitter holds, which saves an
 * object per request.
 *
 * <p>Each attempt has a state word: the attempt number in the high bits, the phase in the low three. Exactly one
 * party wins each phase change by compare-and-set, which settles the races between a worker finishing, the
 * watchdog timing the attempt out, and shutdown interrupting it. Because the attempt number is part of the word,
 * a stale decision about attempt n can never touch attempt n + 1.
 */
final class Job extends CompletableFuture<Outcome> {

    static final int RUNNING = 0;
    static final int DONE = 1;
    static final int CANCELLING = 2;
    static final int CANCELLED = 3;
    static final int FINALIZED = 4;
    private static final int PHASE_BITS = 3;
    private static final int PHASE_MASK = (1 << PHASE_BITS) - 1;

    /** Why an attempt was cancelled. */
    enum CancelReason { TIMEOUT, SHUTDOWN }

    /** Why and when the latest attempt was cancelled; made only on that rare path, so a job carries one reference. */
    record Cancellation(CancelReason reason, long at) {
    }

    private static final VarHandle STATE;
    private static final VarHandle DEADLINE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Job.class, "state", int.class);
            DEADLINE = lookup.findVarHandle(Job.class, "deadline", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Request request;
    final Handler handler;
    final long timeoutNanos;
    final int maxRetries;

    // Written only by the thread that holds the job (submitter, then one worker or timer at a time);
    // the queue's lock and the scheduler's hand-off order those writes.
    int attempts;
    long enqueuedAt;
    long waitNanos;

    // How far the finisher got with the current attempt, so that whatever throws inside it, the request still
    // ends exactly once (see Finisher.lastResort). Written and read by the thread settling the attempt.
    Outcome settledWith;
    boolean waitingForRetry;
    boolean retryScheduled;

    // The next job in the queue; guarded by the queue's locks (see RequestQueue).
    Job next;

    // Read by the watchdog while a worker runs the attempt.
    volatile long deadline;
    volatile Cancellation cancellation;
    private volatile int state;

    Job(Request request, Handler handler, long timeoutNanos, int maxRetries) {
        this.request = request;
        this.handler = handler;
        this.timeoutNanos = timeoutNanos;
        this.maxRetries = maxRetries;
    }

    /**
     * Completes the submitter's future; a plain task's own future ({@link PoolScopeExecutor}) follows at once, on
     * this thread, which costs no dependent stage per task.
     */
    @Override
    public boolean complete(Outcome outcome) {
        if (!super.complete(outcome)) {
            return false;
        }
        if (request.payload() instanceof TaskFuture<?> task) {
            task.settle(outcome);
        }
        return true;
    }

    /**
     * Starts the next attempt and returns its state word. Release stores suffice (no full fence per request): the
     * watchdog reads them only after it sees the job in {@code Worker.current}, which is published after them, and
     * every decision it takes on them goes through a compare-and-set of the state word.
     */
    int beginAttempt(long now) {
        attempts++;
        waitingForRetry = false;
        retryScheduled = false;
        DEADLINE.setRelease(this, now + timeoutNanos);
        int word = attempts << PHASE_BITS;
        STATE.setRelease(this, word);
        return word;
    }

    /**
     * The current attempt's queue wait, for the watchdog when it gives up on a stuck attempt: the attempt began at
     * its deadline less its timeout, and the job was queued at {@code enqueuedAt}, which no one writes while it runs.
     */
    long attemptWait() {
        return deadline - timeoutNanos - enqueuedAt;
    }

    int state() {
        return state;
    }

    static int phase(int word) {
        return word & PHASE_MASK;
    }

    boolean hasTimeout() {
        return timeoutNanos > 0;
    }

    /** The worker's claim that the attempt ended on its own; false if it was cancelled first. */
    boolean finish(int runningWord) {
        return STATE.compareAndSet(this, runningWord, runningWord | DONE);
    }

    /** Claims the running attempt for cancellation; the caller must interrupt, then {@link #markCancelled}. */
    boolean beginCancel(int runningWord, CancelReason reason, long now) {
        if (!STATE.compareAndSet(this, runningWord, runningWord | CANCELLING)) {
            return false;
        }
        cancellation = new Cancellation(reason, now);
        return true;
    }

    /** The interrupt has been delivered; the attempt now waits to be finalized. */
    void markCancelled(int runningWord) {
        state = runningWord | CANCELLED;
    }

    /** Waits out the few instructions between {@link #beginCancel} and {@link #markCancelled}. */
    void awaitCancelDelivered() {
        while (phase(state) == CANCELLING) {
            Thread.onSpinWait();
        }
    }

    /** Claims the right to finish a cancelled attempt: the worker if it returns, else the watchdog. */
    boolean takeOver(int runningWord) {
        return STATE.compareAndSet(this, (runningWord & ~PHASE_MASK) | CANCELLED,
                (runningWord & ~PHASE_MASK) | FINALIZED);
    }
}
