package dev.poolscope.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;

/**
 * A submitted request on its way through the pool; it is also the future its submitter holds and, once its
 * handler returned, its {@link Outcome.Completed} outcome: one object per request on the success path, besides the
 * {@link Request} itself.
 *
 * <p>Each attempt has a state word: the attempt number in the high bits, the phase in the low three. Exactly one
 * party wins each phase change by compare-and-set, which settles the races between a worker finishing, the
 * watchdog timing the attempt out, and shutdown interrupting it. Because the attempt number is part of the word,
 * a stale decision about attempt n can never touch attempt n + 1.
 *
 * <p>The running attempt's start and timeout live in its {@link Worker}, not here: a request is small because the
 * pool keeps one per queued request, and its worker holds one attempt at a time.
 */
final class Job extends CompletableFuture<Outcome> implements Outcome.Completed {

    static final int RUNNING = 0;
    static final int DONE = 1;
    static final int CANCELLING = 2;
    static final int CANCELLED = 3;
    static final int FINALIZED = 4;
    private static final int PHASE_BITS = 3;
    private static final int PHASE_MASK = (1 << PHASE_BITS) - 1;

    /** Why an attempt was cancelled. */
    enum CancelReason { TIMEOUT, SHUTDOWN }

    /**
     * Why and when the latest attempt was cancelled, and the timeout it ran under; made only on that rare path, so
     * a job carries one reference.
     */
    record Cancellation(CancelReason reason, long at, long timeoutNanos) {
    }

    /** How far settling an attempt got before a retry, for {@link Finisher#lastResort}. */
    private enum RetryStep { COUNTED_AS_WAITING, SCHEDULED }

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Job.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Set by the submitter; let go of once the pool settled the request (see letGo), by the thread that settled it.
    Request request;
    Handler handler;

    // Written only by the thread that holds the job (submitter, then one worker or timer at a time);
    // the queue's lock and the scheduler's hand-off order those writes.
    long enqueuedAt;
    long waitNanos;
    // The successful attempt's result, written before the future completes (which publishes them).
    private Object value;
    private long runNanos;

    // How far the finisher got with the current attempt, so that whatever throws inside it, the request still
    // ends exactly once (see Finisher.lastResort): null, a RetryStep, or the outcome the counters already moved
    // to. Written and read by the thread settling the attempt.
    private Object settling;

    // The next job in the queue; guarded by the queue's locks (see RequestQueue).
    Job next;

    // Read by the watchdog while a worker runs the attempt.
    volatile Cancellation cancellation;
    private volatile int state;

    Job(Request request, Handler handler) {
        this.request = request;
        this.handler = handler;
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
     * Lets go of the request and its handler once the pool has settled this request and completed its future, so
     * that an outcome its holder keeps (this object, when the request completed) keeps its value and figures, not
     * the request's payload too. Tail latency depends on it: a young collection copies whatever outcomes are kept.
     */
    void letGo() {
        request = null;
        handler = null;
    }

    /** An attempt's timeout: the request's own, else the pool's in force now; zero for none. */
    long timeoutNanos(PoolConfig pool) {
        return (request.timeout() != null ? request.timeout() : pool.requestTimeout()).toNanos();
    }

    /** How many retries the request may have: its own limit, else the pool's in force now. */
    int maxRetries(PoolConfig pool) {
        return request.maxRetries() != Request.DEFAULT_RETRIES ? request.maxRetries() : pool.maxRetries();
    }

    /**
     * Starts the next attempt and returns its state word. A release store suffices (no full fence per request):
     * the watchdog reads it only after it sees the job in {@code Worker.current}, which is published after it, and
     * every decision it takes on it goes through a compare-and-set of the state word.
     */
    int beginAttempt() {
        settling = null;
        int word = (attempts() + 1) << PHASE_BITS;
        STATE.setRelease(this, word);
        return word;
    }

    /** Records the handler's result: this request is now its own {@link Outcome.Completed}. */
    void succeeded(Object result, long ranNanos) {
        value = result;
        runNanos = ranNanos;
    }

    @Override
    public Object value() {
        return value;
    }

    /** Attempts begun so far: the state word's attempt number. */
    @Override
    public int attempts() {
        return attemptOf(state);
    }

    @Override
    public long queueWaitNanos() {
        return waitNanos;
    }

    @Override
    public long runTimeNanos() {
        return runNanos;
    }

    /** As an outcome, the text of a completed one; as a future, the usual. */
    @Override
    public String toString() {
        return isDone() && !isCompletedExceptionally() && getNow(null) == this
                ? CompletedOutcome.describe(this) : super.toString();
    }

    /** The outcome the counters already moved to, or null. */
    Outcome settledWith() {
        return settling instanceof Outcome outcome ? outcome : null;
    }

    void settledWith(Outcome outcome) {
        settling = outcome;
    }

    /** Counted as waiting for a retry, whether or not its timer is scheduled yet. */
    boolean waitingForRetry() {
        return settling instanceof RetryStep;
    }

    boolean retryScheduled() {
        return settling == RetryStep.SCHEDULED;
    }

    void countedAsWaiting() {
        settling = RetryStep.COUNTED_AS_WAITING;
    }

    /** Set before scheduling: once scheduled, the timer owns the job and may already be running its next attempt. */
    void retryScheduled(boolean scheduled) {
        settling = scheduled ? RetryStep.SCHEDULED : RetryStep.COUNTED_AS_WAITING;
    }

    int state() {
        return state;
    }

    /** The attempt number a state word belongs to, 1 for the first. */
    static int attemptOf(int word) {
        return word >>> PHASE_BITS;
    }

    static int phase(int word) {
        return word & PHASE_MASK;
    }

    /** The worker's claim that the attempt ended on its own; false if it was cancelled first. */
    boolean finish(int runningWord) {
        return STATE.compareAndSet(this, runningWord, runningWord | DONE);
    }

    /** Claims the running attempt for cancellation; the caller must interrupt, then {@link #markCancelled}. */
    boolean beginCancel(int runningWord, CancelReason reason, long now, long timeoutNanos) {
        if (!STATE.compareAndSet(this, runningWord, runningWord | CANCELLING)) {
            return false;
        }
        cancellation = new Cancellation(reason, now, timeoutNanos);
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
