package dev.poolscope.engine;

/**
 * One reader's view of a pool: each {@link #read()} returns a full snapshot whose latency percentiles cover the
 * time since this reader's previous read (or since it was opened). Percentiles cannot be subtracted, so each
 * chart, report or remote client that wants interval figures opens its own reader; any number can read the same
 * pool without changing what the others see.
 */
public final class SnapshotReader {

    private final Dispatcher pool;
    private final Accounting.Cursor cursor;

    SnapshotReader(Dispatcher pool, Accounting.Cursor cursor) {
        this.pool = pool;
        this.cursor = cursor;
    }

    /** A consistent snapshot with latencies since this reader's previous read. */
    public PoolSnapshot read() {
        return pool.snapshot(cursor);
    }
}
