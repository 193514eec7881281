package dev.poolscope.http;

/**
 * How the backend answers one call, as a pure function of its settings, the calls in flight (this one included)
 * and two random draws, so it can be tested without a clock. In three regions of concurrency:
 * 1. up to {@code concurrencyLimit}: the unloaded latency, and a 500 with probability {@code errorRate};
 * 2. above it: latency × (in flight / limit)². Fair time-sharing alone would be linear (throughput flat); the
 *    square models the contention real services suffer (locks, caches, GC), so throughput <em>falls</em> as
 *    more calls pile on, and a pool that adds workers against a saturated backend makes things worse;
 * 3. above {@code rejectLimit}: 503 at once, the backend shedding load.
 */
public final class LatencyModel {

    /** Status of a normal answer. */
    public static final int OK = 200;
    /** Status of an injected error. */
    public static final int SERVER_ERROR = 500;
    /** Status when the backend sheds load past its reject limit. */
    public static final int UNAVAILABLE = 503;

    private LatencyModel() {
    }

    /**
     * The answer to a call that finds {@code inFlight} calls in flight (itself included).
     *
     * @param unloadedNanos a latency draw from the settings' shape and mean
     * @param errorDraw     uniform in [0, 1): the call fails when it is below the error rate
     */
    public static Answer answer(BackendSettings settings, int inFlight, long unloadedNanos, double errorDraw) {
        if (sheds(settings, inFlight)) {
            return new Answer(UNAVAILABLE, 0);
        }
        long latency = loadedLatencyNanos(unloadedNanos, inFlight, settings.concurrencyLimit());
        return new Answer(errorDraw < settings.errorRate() ? SERVER_ERROR : OK, latency);
    }

    /** True when a call finding {@code inFlight} calls in flight (itself included) is shed with an instant 503. */
    public static boolean sheds(BackendSettings settings, int inFlight) {
        return inFlight > settings.rejectLimit();
    }

    /** The unloaded latency stretched by (in flight / limit)² once {@code inFlight} exceeds {@code limit}. */
    public static long loadedLatencyNanos(long unloadedNanos, int inFlight, int limit) {
        if (inFlight <= limit) {
            return unloadedNanos;
        }
        double factor = (double) inFlight / limit;
        return (long) Math.min(Long.MAX_VALUE / 2.0, unloadedNanos * factor * factor);
    }

    /**
     * What the backend will answer and after how long.
     *
     * @param status       HTTP status
     * @param latencyNanos how long it waits before answering
     */
    public record Answer(int status, long latencyNanos) {
    }
}
