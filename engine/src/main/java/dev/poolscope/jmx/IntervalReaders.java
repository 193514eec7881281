package dev.poolscope.jmx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.SnapshotReader;

/**
 * The pool's {@link SnapshotReader}s held for JMX clients, by id: each client reads interval latencies through its
 * own, so no client's read shortens another's interval. A client that goes away without closing its reader
 * cannot say so, so a reader unused for {@link #expiry} is closed, and at most {@link #LIMIT} are open at once.
 */
final class IntervalReaders {

    /** Most readers open at once on one pool; each holds two latency histograms. */
    static final int LIMIT = 64;

    private final Dispatcher pool;
    private final long expiryNanos;
    private final LongSupplier clock;
    private final AtomicLong lastId = new AtomicLong();
    private final Map<Long, Held> open = new ConcurrentHashMap<>();

    /** A reader and when it was last used, on {@link #clock}. */
    private static final class Held {
        final SnapshotReader reader;
        volatile long lastUsed;

        Held(SnapshotReader reader, long now) {
            this.reader = reader;
            this.lastUsed = now;
        }
    }

    IntervalReaders(Dispatcher pool, long expiryMinutes, LongSupplier clock) {
        this.pool = pool;
        this.expiryNanos = TimeUnit.MINUTES.toNanos(expiryMinutes);
        this.clock = clock;
    }

    /** Opens a reader whose first interval starts now; returns its id. */
    long open() {
        // Racing opens may pass the limit by a few; the limit is a guard against leaks, not an exact quota.
        if (open.size() >= LIMIT) {
            throw new IllegalStateException(LIMIT + " readers are open on this pool: close one with closeReader,"
                    + " or wait for unused ones to expire after " + TimeUnit.NANOSECONDS.toMinutes(expiryNanos)
                    + " minutes");
        }
        long id = lastId.incrementAndGet();
        open.put(id, new Held(pool.openReader(), clock.getAsLong()));
        return id;
    }

    /** A snapshot with latencies since this reader's previous read. */
    PoolSnapshot read(long id) {
        Held held = open.get(id);
        if (held == null) {
            throw new IllegalArgumentException("reader " + id + " is not open: it was never opened, was closed, or"
                    + " expired after " + TimeUnit.NANOSECONDS.toMinutes(expiryNanos) + " minutes unused;"
                    + " open a new one with openReader");
        }
        held.lastUsed = clock.getAsLong();
        return held.reader.read();
    }

    void close(long id) {
        open.remove(id);
    }

    /** Closes every reader unused for the expiry time. */
    void expireUnused() {
        long now = clock.getAsLong();
        open.values().removeIf(h -> now - h.lastUsed >= expiryNanos);
    }

    int size() {
        return open.size();
    }
}
