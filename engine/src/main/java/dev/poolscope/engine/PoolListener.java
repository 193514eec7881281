package dev.poolscope.engine;

/**
 * Hears about pool decisions as they happen, on the pool's own threads: keep it quick and never block.
 * A UI should rather poll {@link Dispatcher#scalingEventsSince(long)} and {@link Dispatcher#snapshot()}.
 */
public interface PoolListener {

    /** Called on the scaler thread (or the thread that changed the config) after each scaling decision. */
    default void onScaling(ScalingEvent event) {
    }

    /**
     * Called for every change {@link Dispatcher#reconfigure} (or a setter) applies, on the thread that made it and
     * while the pool's config lock is held, so that one pool's calls arrive in the order its changes took effect.
     * Hand the change on (to a queue or an executor that never blocks), never block, and never call back into the
     * pool. {@code after} equals {@code before} when the change set nothing new.
     */
    default void onConfigChange(PoolConfig before, PoolConfig after) {
    }

    /** Called on the submitting thread for each dropped request. */
    default void onDrop(Request request, DropReason reason) {
    }

    /**
     * Called once on the shutdown thread when the pool has terminated, before {@link Dispatcher#awaitTermination}
     * returns, with the shutdown's report; it must not wait for the pool's termination itself (awaitTermination,
     * close, shutdown), which is waiting for it.
     */
    default void onTerminated(ShutdownReport report) {
    }
}
