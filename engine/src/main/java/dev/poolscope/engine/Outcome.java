package dev.poolscope.engine;

import java.time.Duration;

/** The one terminal result every submitted request ends with. */
public sealed interface Outcome {

    /** True only for {@link Completed}. */
    default boolean isSuccess() {
        return this instanceof Completed;
    }

    /** The outcome's kind, named as its type is: "Completed", "Failed", "TimedOut" and so on. */
    default String kind() {
        return this instanceof Completed ? "Completed" : getClass().getSimpleName();
    }

    /**
     * The handler returned {@link #value()}. On the pool's success path the request's own record is its outcome,
     * so a completed request costs no outcome object; {@link #of} makes one elsewhere (tests, adapters).
     */
    sealed interface Completed extends Outcome permits Job, CompletedOutcome {

        /** What the handler returned. */
        Object value();

        /** Attempts made, the successful one included. */
        int attempts();

        /** Time spent queued, summed over every attempt, in nanoseconds. */
        long queueWaitNanos();

        /** The successful attempt's run time in nanoseconds. */
        long runTimeNanos();

        /** Time spent queued, summed over every attempt. */
        default Duration queueWait() {
            return Duration.ofNanos(queueWaitNanos());
        }

        /** The successful attempt's run time. */
        default Duration runTime() {
            return Duration.ofNanos(runTimeNanos());
        }

        /** A completed outcome with these figures; equal to any other made with the same ones. */
        static Completed of(Object value, int attempts, long queueWaitNanos, long runTimeNanos) {
            return new CompletedOutcome(value, attempts, queueWaitNanos, runTimeNanos);
        }
    }

    /** Every attempt threw; {@code cause} is the last attempt's exception. */
    record Failed(Throwable cause, int attempts) implements Outcome {
    }

    /** The last attempt ran past its timeout and was interrupted. */
    record TimedOut(Duration timeout, int attempts) implements Outcome {
    }

    /**
     * The request was not run, for the given reason; under {@link DropReason#EVICTED} that may be a retry pushed out
     * while it waited to run again, after attempts that failed (their failures are not kept).
     */
    record Dropped(DropReason reason) implements Outcome {
    }

    /** No handler was registered for the request's type. */
    record Unhandled(String type) implements Outcome {
    }

    /** The request was still queued when shutdown hit its deadline; it is in the {@link ShutdownReport}. */
    record Returned(Request request) implements Outcome {
    }

    /**
     * The request was running, or waiting to retry, when shutdown hit its deadline; a handler that returned a result
     * in spite of the interrupt completed with it instead.
     */
    record Interrupted(int attempts) implements Outcome {
    }
}
