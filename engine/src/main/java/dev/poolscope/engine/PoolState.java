package dev.poolscope.engine;

/** The lifecycle of a {@link Dispatcher}; it only moves forward. */
public enum PoolState {
    /** Accepting and running requests. */
    RUNNING,
    /** Shutdown began: new requests are dropped, queued ones still run until the deadline. */
    DRAINING,
    /** The deadline passed: queued requests are handed back, running ones interrupted. */
    STOPPING,
    /** Every request has its outcome and every pool thread has ended or been abandoned as stuck. */
    TERMINATED
}
