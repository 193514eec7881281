package dev.poolscope.load;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Handler;
import dev.poolscope.engine.Request;

/**
 * A handler that stands in for a downstream service: it carries out the {@link WorkPlan} in the request's payload.
 * Waiting is sleeping, not computing, so a two-core machine can simulate many busy workers; every wait ends
 * promptly on interrupt, as the engine's timeouts and shutdown require.
 */
public final class SimulatedWork implements Handler {

    /** The longest a hanging request blocks if nothing interrupts it. */
    public static final Duration HANG_LIMIT = Duration.ofSeconds(60);

    /** Below this, park-and-spin is more accurate than a millisecond-granular sleep. */
    private static final long SLEEP_GRANULARITY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Below this, parking overshoots (timer slack); spin for the last few microseconds instead. */
    private static final long SPIN_BELOW_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private static final SimulatedWork INSTANCE = new SimulatedWork();

    private SimulatedWork() {
    }

    /** The shared, stateless instance. */
    public static SimulatedWork instance() {
        return INSTANCE;
    }

    /** Registers simulated work as the handler for each of {@code types} on {@code dispatcher}. */
    public static void registerAll(Dispatcher dispatcher, Collection<String> types) {
        Objects.requireNonNull(dispatcher, "dispatcher");
        for (String type : types) {
            dispatcher.register(type, INSTANCE);
        }
    }

    /** Runs the request's plan as its first attempt: hang, or wait its service time, then fail if planned. */
    @Override
    public Object handle(Request request) throws InterruptedException {
        return handleAttempt(request, 1);
    }

    /** Runs the plan for this attempt: retries redraw failure and hang with the plan's odds, from its retry seed. */
    @Override
    public Object handleAttempt(Request request, int attempt) throws InterruptedException {
        if (!(request.payload() instanceof WorkPlan plan)) {
            throw new IllegalArgumentException("simulated work needs a WorkPlan payload, got "
                    + (request.payload() == null ? "null" : request.payload().getClass().getName()));
        }
        return run(plan.forAttempt(attempt), request.type());
    }

    /** Carries out {@code plan}; returns the plan on success so callers can see what ran. */
    public static WorkPlan run(WorkPlan plan, String type) throws InterruptedException {
        if (plan.hang()) {
            // A plain sleep: the engine's timeout or shutdown interrupts it, which is the point of a hang.
            Thread.sleep(HANG_LIMIT.toMillis());
        } else {
            pause(plan.serviceNanos());
        }
        if (plan.fail()) {
            throw new SimulatedFailure("simulated failure of a '" + type + "' request after "
                    + TimeUnit.NANOSECONDS.toMicros(plan.serviceNanos()) / 1000.0 + " ms (planned, not a bug)");
        }
        return plan;
    }

    /** Waits {@code nanos}, interruptibly; returns at once for zero. */
    static void pause(long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return;
        }
        long deadline = System.nanoTime() + nanos;
        if (nanos >= SLEEP_GRANULARITY_NANOS) {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(nanos));
        }
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException("simulated work interrupted");
            }
            if (left > SPIN_BELOW_NANOS) {
                LockSupport.parkNanos(left - SPIN_BELOW_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
