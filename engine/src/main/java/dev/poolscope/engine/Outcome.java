package dev.poolscope.engine;

import java.time.Duration;

/** The one terminal result every submitted request ends with. */
public sealed interface Outcome {

    /** True only for {@link Completed}. */
    default boolean isSuccess() {
        return this instanceof Completed;
    }

    /**
     * The handler returned {@code value}; {@code attempts} counts the failed attempts before it too. Times are kept
     * in nanoseconds (no objects on the success path); {@link #queueWait()} and {@link #runTime()} make durations.
     *
     * @param queueWaitNanos time spent queued, summed over every attempt
     * @param runTimeNanos   the successful attempt's run time
     */
    record Completed(Object value, int attempts, long queueWaitNanos, long runTimeNanos) implements Outcome {

        /** Time spent queued, summed over every attempt. */
        public Duration queueWait() {
            return Duration.ofNanos(queueWaitNanos);
        }

        /** The successful attempt's run time. */
        public Duration runTime() {
            return Duration.ofNanos(runTimeNanos);
        }
    }

    /** Every attempt threw; {@code cause} is the last attempt's exception. */
    record Failed(Throwable cause, int attempts) implements Outcome {
    }

    /** The last attempt ran past its timeout and was interrupted. */
    record TimedOut(Duration timeout, int attempts) implements Outcome {
    }

    /** The request never ran, for the given reason. */
    record Dropped(DropReason reason) implements Outcome {
    }

    /** No handler was registered for the request's type. */
    record Unhandled(String type) implements Outcome {
    }

    /** The request was still queued when shutdown hit its deadline; it is in the {@link ShutdownReport}. */
    record Returned(Request request) implements Outcome {
    }

    /** The request was running, or waiting to retry, when shutdown hit its deadline. */
    record Interrupted(int attempts) implements Outcome {
    }
}
