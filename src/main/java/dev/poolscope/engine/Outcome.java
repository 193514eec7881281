package dev.poolscope.engine;

import java.time.Duration;

/** The one terminal result every submitted request ends with. */
public sealed interface Outcome {

    /** True only for {@link Completed}. */
    default boolean isSuccess() {
        return this instanceof Completed;
    }

    /** The handler returned {@code value}; {@code attempts} counts the failed attempts before it too. */
    record Completed(Object value, int attempts, Duration queueWait, Duration runTime) implements Outcome {
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
