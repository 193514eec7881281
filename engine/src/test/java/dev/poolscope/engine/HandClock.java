package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when the test says so, and counts who read it. */
final class HandClock implements LongSupplier {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public long getAsLong() {
        reads.incrementAndGet();
        return now.get();
    }

    long now() {
        return now.get();
    }

    /** Sets the time and returns how many reads came before, for {@link #awaitReadsAfter}. */
    int set(long nanos) {
        now.set(nanos);
        return reads.get();
    }

    /**
     * Waits until the clock was read {@code n} more times after a {@link #set} that returned {@code seen}: each of
     * those reads saw the new time. Fails within 2 s, before a mutation test's own limit, if nobody reads it.
     */
    void awaitReadsAfter(int seen, int n) {
        await().atMost(Duration.ofSeconds(2)).until(() -> reads.get() >= seen + n);
    }
}
