package dev.poolscope.engine;

import java.time.Duration;

/**
 * The pool's recent scaling history, as policies need it: the highest recommendation over a trailing window (for
 * scale-down stabilisation, as Kubernetes' HPA keeps it) and when the pool last changed size (for cooldowns).
 *
 * <p>Written only by the scaler on the scheduler thread, read by the policy it calls on that thread. The window
 * maximum is a monotonic queue: each entry is newer and smaller than the one before it, so with recommendations
 * between 0 and {@link PoolConfig#WORKER_LIMIT} it never holds more than {@value #SLOTS} entries and recording
 * allocates nothing.
 */
public final class ScalingHistory {

    /** No change yet. */
    public static final long NEVER = Long.MIN_VALUE;
    private static final int SLOTS = PoolConfig.WORKER_LIMIT + 2;

    private final long[] times = new long[SLOTS];
    private final int[] values = new int[SLOTS];
    private int head;
    private int size;
    private long lastChangeNanos = NEVER;
    private long lastDecreaseNanos = NEVER;

    /** The highest recommendation recorded at or after {@code sinceNanos}, or {@code fallback} if none was. */
    public int highestSince(long sinceNanos, int fallback) {
        for (int i = 0; i < size; i++) {
            int slot = (head + i) % SLOTS;
            if (times[slot] - sinceNanos >= 0) {
                return Math.max(values[slot], fallback);
            }
        }
        return fallback;
    }

    /** When the pool last changed size, on the {@link System#nanoTime()} clock, or {@link #NEVER}. */
    public long lastChangeNanos() {
        return lastChangeNanos;
    }

    /** When the pool last shrank, or {@link #NEVER}. */
    public long lastDecreaseNanos() {
        return lastDecreaseNanos;
    }

    /** True if the pool changed size less than {@code period} before {@code nowNanos}. */
    public boolean changedWithin(long nowNanos, Duration period) {
        return lastChangeNanos != NEVER && nowNanos - lastChangeNanos < period.toNanos();
    }

    /** Keeps a tick's recommendation; entries older than {@link PoolConfig#DURATION_LIMIT} are forgotten. */
    void recommend(long nowNanos, int recommended) {
        int value = Math.max(0, Math.min(PoolConfig.WORKER_LIMIT + 1, recommended));
        while (size > 0 && values[(head + size - 1) % SLOTS] <= value) {
            size--;
        }
        long horizon = nowNanos - PoolConfig.DURATION_LIMIT.toNanos();
        while (size > 0 && times[head] - horizon < 0) {
            head = (head + 1) % SLOTS;
            size--;
        }
        int slot = (head + size) % SLOTS;
        times[slot] = nowNanos;
        values[slot] = value;
        size++;
    }

    /** Notes that the pool changed size at {@code nowNanos}: grew if {@code grew}, else shrank. */
    void changed(long nowNanos, boolean grew) {
        lastChangeNanos = nowNanos;
        if (!grew) {
            lastDecreaseNanos = nowNanos;
        }
    }
}
