package dev.poolscope.load;

import java.util.Collection;
import java.util.function.Consumer;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Outcome;
import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.HttpPath;

/**
 * The HTTP path of the scenario a generator follows, while it follows an HTTP one: opened, reopened for a new pool,
 * stepped with the scenario, closed. Opened and closed under the monitor its generator names (so none opens after a
 * stop); read without it, by the generator thread among others.
 */
final class HttpLeg {

    private final Object lock;
    private final Consumer<Outcome> heard;
    private volatile HttpPath path;

    /** A leg opened and closed under {@code lock}, whose front passes every outcome it hears to {@code heard}. */
    HttpLeg(Object lock, Consumer<Outcome> heard) {
        this.lock = lock;
        this.heard = heard;
    }

    /** The open path, or null. */
    HttpPath path() {
        return path;
    }

    /** Opens a path to {@code pool} for {@code types}, its backend at {@code settings}, closing any open one first. */
    void open(Dispatcher pool, Collection<String> types, BackendSettings settings) {
        synchronized (lock) {
            close();
            path = HttpPath.open(pool, types, settings, heard);
        }
    }

    void close() {
        synchronized (lock) {
            if (path != null) {
                path.close();
                path = null;
            }
        }
    }

    /** The proxy handles {@code types} in {@code pool} while a path is open, simulated work otherwise. */
    void registerHandlers(Dispatcher pool, Collection<String> types) {
        HttpPath open = path;
        if (open != null) {
            open.route(pool, types);
        } else {
            SimulatedWork.registerAll(pool, types);
        }
    }

    /** Runs the open path's backend at {@code step}, if a path is open and the backend runs anything else. */
    void follow(BackendSettings step) {
        HttpPath open = path;
        if (open != null && !step.equals(open.backend().settings())) {
            open.backend().setSettings(step);
        }
    }
}
