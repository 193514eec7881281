package dev.poolscope.load;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.poolscope.load.LoadGenerator.State;

/**
 * The load generator's thread and its lifecycle: NEW → RUNNING ⇄ PAUSED → STOPPED, or FAILED when a wakeup threw.
 * While running it calls its wakeup about every millisecond; while paused it parks.
 *
 * <p>This object's monitor guards the lifecycle and whatever must not change across a stop, such as the HTTP path
 * the generator opens; {@link #state()} and {@link #failure()} are read without it.
 */
final class GeneratorThread {

    private static final long WAKEUP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Runnable wakeup;
    private final Runnable paused;
    // Written under this monitor; volatile so state() and the thread itself read it without the monitor.
    private volatile State state = State.NEW;
    // Written under this monitor before state becomes FAILED, so whoever sees FAILED sees the cause.
    private volatile Throwable failure;
    // Guarded by this monitor.
    private Thread thread;

    /** Calls {@code wakeup} once per wakeup while running, and {@code paused} each time it finds itself paused. */
    GeneratorThread(Runnable wakeup, Runnable paused) {
        this.wakeup = wakeup;
        this.paused = paused;
    }

    State state() {
        return state;
    }

    Throwable failure() {
        return failure;
    }

    /** Whether the generator stopped or failed; call holding this monitor to keep it so while acting on it. */
    boolean ended() {
        State s = state;
        return s == State.STOPPED || s == State.FAILED;
    }

    /** Starts the thread; does nothing if already started. */
    synchronized void start() {
        if (ended()) {
            throw new IllegalStateException("this generator was " + state.name().toLowerCase(Locale.ROOT)
                    + "; create a new one to generate again", failure);
        }
        if (state != State.NEW) {
            return;
        }
        state = State.RUNNING;
        thread = new Thread(this::run, LoadGenerator.THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void pause() {
        if (state == State.RUNNING) {
            state = State.PAUSED;
        }
    }

    synchronized void resume() {
        if (state == State.PAUSED) {
            state = State.RUNNING;
            LockSupport.unpark(thread);
        }
    }

    /**
     * Stops for good without waiting: the thread draws no new request after this returns, though one it had drawn
     * may still be submitted and one under way ends as the pool lets it. A failed generator stays FAILED, so its
     * cause stays visible.
     */
    synchronized void end() {
        if (state != State.FAILED) {
            state = State.STOPPED;
        }
    }

    /**
     * {@link #end()}, then waits for the thread to end; a thread held inside a pool (a blocking overflow policy, or a
     * request run in the caller) is interrupted.
     */
    void stop() {
        Thread t;
        synchronized (this) {
            end();
            t = thread;
        }
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        LockSupport.unpark(t);
        boolean interrupted = false;
        boolean nudged = false;
        while (t.isAlive()) {
            try {
                t.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (t.isAlive() && !nudged) {
                t.interrupt();
                nudged = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@link #end()} now, then {@link #stop()} and {@code after} on a daemon thread named {@code stopperName}; the
     * future completes when both have.
     */
    CompletableFuture<Void> stopAsync(Runnable after, String stopperName) {
        end();
        return CompletableFuture.runAsync(() -> {
            stop();
            after.run();
        }, task -> {
            Thread stopper = new Thread(task, stopperName);
            stopper.setDaemon(true);
            stopper.start();
        });
    }

    private void run() {
        try {
            while (!ended()) {
                if (state == State.PAUSED) {
                    paused.run();
                    LockSupport.park(this);
                    continue;
                }
                wakeup.run();
                LockSupport.parkNanos(this, WAKEUP_NANOS);
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                failure = e;
                if (state != State.STOPPED) {
                    state = State.FAILED;
                }
            }
        }
    }
}
