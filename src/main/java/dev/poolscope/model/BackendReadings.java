package dev.poolscope.model;

import java.util.ArrayDeque;

import dev.poolscope.http.Backend;
import dev.poolscope.http.BackendRates;
import dev.poolscope.http.BackendSnapshot;

/**
 * Turns a backend's snapshots, one per sampler tick, into {@link BackendSample}s with trailing one-second rates
 * and p99, like the pool's. Keeps only the snapshots of the last second (each holds a latency histogram), and
 * starts over when the backend is a new one (a new scenario or pool). FX-thread confined, like the sampler.
 */
final class BackendReadings {

    private final double windowSeconds;
    private final ArrayDeque<BackendSnapshot> recent = new ArrayDeque<>();
    private Backend read;

    BackendReadings(double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    /** The figures of {@code backend} now, or null when there is none. */
    BackendSample sample(Backend backend) {
        if (backend != read) {
            read = backend;
            recent.clear();
        }
        if (backend == null) {
            return null;
        }
        BackendSnapshot now = backend.snapshot();
        recent.addLast(now);
        // Keep the newest snapshot at least a window old as the base, and nothing older.
        while (recent.size() > 2 && secondsBetween(secondOldest(), now) >= windowSeconds) {
            recent.removeFirst();
        }
        BackendSnapshot base = recent.peekFirst();
        BackendRates rates = base == now ? null : now.minus(base);
        return new BackendSample(backend.settings(), now.inFlight(), rates == null ? 0 : rates.p99Millis(),
                rates == null ? 0 : rates.serverErrorsPerSecond(), rates == null ? 0 : rates.rejectedPerSecond());
    }

    private BackendSnapshot secondOldest() {
        var it = recent.iterator();
        it.next();
        return it.next();
    }

    private static double secondsBetween(BackendSnapshot earlier, BackendSnapshot later) {
        return (later.nanoTime() - earlier.nanoTime()) / 1e9;
    }
}
