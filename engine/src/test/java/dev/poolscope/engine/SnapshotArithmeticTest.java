package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** What snapshots, rates and latencies compute from their counters, on hand-made values. */
class SnapshotArithmeticTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSnapshotAddsUpItsCountersAndSaysWhenTheyDoNot() {
        PoolSnapshot s = snapshot(0, 100, 3, 2, 1, 50, 10, 5, 4, 3, 2, 6);
        assertEquals(6, s.droppedTotal());
        assertEquals(2, s.dropped(DropReason.EVICTED));
        assertEquals(50 + 10 + 5 + 4 + 3 + 2 + 6, s.finished());
        assertEquals(6, s.inFlight());
        assertEquals(100 - 80 - 6, s.unaccounted());
        assertFalse(s.invariantHolds());
        assertTrue(snapshot(0, 86, 3, 2, 1, 50, 10, 5, 4, 3, 2, 6).invariantHolds());
        assertFalse(snapshot(0, 84, -1, 2, 1, 50, 10, 5, 4, 3, 2, 6).invariantHolds(), "a negative stage counter");
        assertFalse(snapshot(0, 84, 2, -1, 1, 50, 10, 5, 4, 3, 2, 6).invariantHolds(), "a negative stage counter");
        assertFalse(snapshot(0, 84, 2, 1, -1, 50, 10, 5, 4, 3, 2, 6).invariantHolds(), "a negative stage counter");
        assertTrue(snapshot(0, 80, 0, 0, 0, 50, 10, 5, 4, 3, 2, 6).invariantHolds(), "zero is not negative");
    }

    @Test
    void idleWorkersAreTheLiveOnesNotBusyAndNeverNegative() {
        assertEquals(3, snapshot(5, 2).idleWorkers());
        assertEquals(0, snapshot(2, 3).idleWorkers(), "busy callers can outnumber workers");
    }

    @Test
    void minusGivesEachCounterItsOwnDifferenceAndRate() {
        PoolSnapshot later = snapshot(2 * SECOND, Map.ofEntries(Map.entry(Counter.SUBMITTED, 100L),
                Map.entry(Counter.COMPLETED, 30L), Map.entry(Counter.FAILED, 10L), Map.entry(Counter.TIMED_OUT, 11L),
                Map.entry(Counter.UNHANDLED, 12L), Map.entry(Counter.RETURNED, 13L),
                Map.entry(Counter.INTERRUPTED, 14L), Map.entry(Counter.DROPPED_EVICTED, 3L),
                Map.entry(Counter.DROPPED_QUEUE_FULL, 1L), Map.entry(Counter.RETRIED, 7L),
                Map.entry(Counter.STUCK_WORKERS, 9L)));
        PoolSnapshot earlier = snapshot(0, Map.ofEntries(Map.entry(Counter.SUBMITTED, 10L),
                Map.entry(Counter.COMPLETED, 10L), Map.entry(Counter.FAILED, 1L), Map.entry(Counter.TIMED_OUT, 1L),
                Map.entry(Counter.UNHANDLED, 1L), Map.entry(Counter.RETURNED, 1L), Map.entry(Counter.INTERRUPTED, 1L),
                Map.entry(Counter.DROPPED_EVICTED, 1L), Map.entry(Counter.RETRIED, 1L),
                Map.entry(Counter.STUCK_WORKERS, 1L)));

        PoolRates r = later.minus(earlier);

        assertEquals(2.0, r.seconds());
        assertEquals(90, r.submitted());
        assertEquals(20, r.completed());
        assertEquals(9, r.failed());
        assertEquals(10, r.timedOut());
        assertEquals(11, r.unhandled());
        assertEquals(12, r.returned());
        assertEquals(13, r.interrupted());
        assertEquals(3, r.droppedInInterval());
        assertEquals(2, r.dropped().get(DropReason.EVICTED));
        assertEquals(6, r.retriedAttempts());
        assertEquals(8, r.stuckWorkers());
        assertEquals(45.0, r.submittedPerSecond());
        assertEquals(10.0, r.completedPerSecond());
        assertEquals(4.5, r.failedPerSecond());
        assertEquals(5.0, r.timedOutPerSecond());
        assertEquals(3.0, r.retriesPerSecond());
        assertEquals(1.5, r.droppedPerSecond());
    }

    @Test
    void ratesOverNoTimeAtAllStayFinite() {
        PoolSnapshot s = snapshot(SECOND, Map.of(Counter.SUBMITTED, 10L));
        PoolRates r = s.minus(s);
        assertEquals(1e-9, r.seconds());
        assertEquals(0.0, r.submittedPerSecond());
    }

    @Test
    void latencyReadsPercentilesTotalsAndMilliseconds() {
        Histogram h = new Histogram(Accounting.LATENCY_DIGITS);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1_000_000L);
        }
        Latency l = Latency.of(h);
        assertEquals(100, l.count());
        assertEquals(50.0, l.p50Millis(), 0.5);
        assertEquals(99.0, l.p99Millis(), 1.0);
        assertEquals(90.0, l.p90Nanos() / 1e6, 1.0);
        assertEquals(100.0, l.maxNanos() / 1e6, 1.0);
        assertEquals(5050.0, l.totalNanos() / 1e6, 50);
        assertEquals(Latency.EMPTY, Latency.of(new Histogram(Accounting.LATENCY_DIGITS)));
    }

    @Test
    void durationsSaturateAndPrintAsPeopleReadThem() {
        assertEquals(0, DurationBounds.saturatedNanos(Duration.ofMillis(-1)));
        assertEquals(0, DurationBounds.saturatedNanos(Duration.ZERO));
        assertEquals(5, DurationBounds.saturatedNanos(Duration.ofNanos(5)));
        assertEquals(Long.MAX_VALUE, DurationBounds.saturatedNanos(Duration.ofNanos(Long.MAX_VALUE)));
        assertEquals(Long.MAX_VALUE - 1, DurationBounds.saturatedNanos(Duration.ofNanos(Long.MAX_VALUE - 1)));
        assertEquals(Long.MAX_VALUE, DurationBounds.saturatedNanos(Duration.ofDays(365 * 1000)));
        assertEquals("250 ms", DurationBounds.text(Duration.ofMillis(250)));
        assertEquals("1.5 ms", DurationBounds.text(Duration.ofNanos(1_500_000)));
        assertEquals("86400000 ms", DurationBounds.text(Duration.ofDays(1)));
        assertEquals("-86400000 ms", DurationBounds.text(Duration.ofDays(-1)));
        assertEquals("86401 s", DurationBounds.text(Duration.ofDays(1).plusSeconds(1)));
        assertEquals("9223372036854.775 s", DurationBounds.text(Duration.ofMillis(9_223_372_036_854_775L)),
                "the value as written, not cut to whole seconds");
        assertEquals("-9223372036854775.808 s", DurationBounds.text(Duration.ofMillis(Long.MIN_VALUE)));
        assertEquals("-86401 s", DurationBounds.text(Duration.ofDays(-1).minusSeconds(1)));
    }

    /** Stage and terminal counters, with the drops spread over three reasons. */
    private static PoolSnapshot snapshot(long nanoTime, long submitted, long queued, long running, long waiting,
                                         long completed, long failed, long timedOut, long unhandled, long returned,
                                         long interrupted, long dropped) {
        long[] c = new long[Counter.ALL.length];
        c[Counter.SUBMITTED.ordinal()] = submitted;
        c[Counter.QUEUED.ordinal()] = queued;
        c[Counter.RUNNING.ordinal()] = running;
        c[Counter.WAITING_RETRY.ordinal()] = waiting;
        c[Counter.COMPLETED.ordinal()] = completed;
        c[Counter.FAILED.ordinal()] = failed;
        c[Counter.TIMED_OUT.ordinal()] = timedOut;
        c[Counter.UNHANDLED.ordinal()] = unhandled;
        c[Counter.RETURNED.ordinal()] = returned;
        c[Counter.INTERRUPTED.ordinal()] = interrupted;
        c[Counter.DROPPED_QUEUE_FULL.ordinal()] = dropped - dropped / 3 - 1;
        c[Counter.DROPPED_EVICTED.ordinal()] = dropped / 3;
        c[Counter.DROPPED_SHUTTING_DOWN.ordinal()] = 1;
        return PoolSnapshot.of(c, Instant.EPOCH, nanoTime, PoolConfig.defaults(), PoolState.RUNNING, 0, 0,
                Latency.EMPTY, Latency.EMPTY, Duration.ZERO);
    }

    private static PoolSnapshot snapshot(long nanoTime, Map<Counter, Long> counters) {
        long[] c = new long[Counter.ALL.length];
        counters.forEach((counter, n) -> c[counter.ordinal()] = n);
        return PoolSnapshot.of(c, Instant.EPOCH, nanoTime, PoolConfig.defaults(), PoolState.RUNNING, 0, 0,
                Latency.EMPTY, Latency.EMPTY, Duration.ZERO);
    }

    private static PoolSnapshot snapshot(int poolSize, int busy) {
        return PoolSnapshot.of(new long[Counter.ALL.length], Instant.EPOCH, 0, PoolConfig.defaults(),
                PoolState.RUNNING, poolSize, busy, Latency.EMPTY, Latency.EMPTY, Duration.ZERO);
    }
}
