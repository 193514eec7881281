package dev.poolscope.engine;

/** A {@link Outcome.Completed} made outside the pool's success path, by {@link Outcome.Completed#of}. */
record CompletedOutcome(Object value, int attempts, long queueWaitNanos, long runTimeNanos)
        implements Outcome.Completed {

    @Override
    public String toString() {
        return describe(this);
    }

    /** The text of any completed outcome, in a record's form, whichever object carries it. */
    static String describe(Outcome.Completed c) {
        return "Completed[value=" + c.value() + ", attempts=" + c.attempts() + ", queueWaitNanos="
                + c.queueWaitNanos() + ", runTimeNanos=" + c.runTimeNanos() + "]";
    }
}
