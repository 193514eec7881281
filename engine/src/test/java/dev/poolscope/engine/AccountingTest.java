package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Counter moves and latency recording, on an accounting of its own, read through cuts. */
class AccountingTest {

    private static final long MS = 1_000_000;

    private final Accounting accounting = new Accounting(new RequestQueue(4));

    @Test
    void eachTransitionMovesItsCountersInOneStep() {
        Accounting.Stripe s = accounting.stripe(3);
        s.arrive(Counter.RUNNING);
        s.arrive(Counter.RUNNING);
        s.arrive(Counter.UNHANDLED);
        s.settle(Counter.WAITING_RETRY, 0, 0, null);
        s.move(Counter.WAITING_RETRY, Counter.INTERRUPTED);
        s.settle(Counter.COMPLETED, 0, 0, null);
        s.increment(Counter.STUCK_WORKERS);

        long[] t = accounting.totals();

        assertEquals(3, t[Counter.SUBMITTED.ordinal()]);
        assertEquals(0, t[Counter.RUNNING.ordinal()]);
        assertEquals(0, t[Counter.WAITING_RETRY.ordinal()]);
        assertEquals(1, t[Counter.RETRIED.ordinal()], "only a move to waiting counts as a retry");
        assertEquals(1, t[Counter.INTERRUPTED.ordinal()]);
        assertEquals(1, t[Counter.COMPLETED.ordinal()]);
        assertEquals(1, t[Counter.UNHANDLED.ordinal()]);
        assertEquals(1, t[Counter.STUCK_WORKERS.ordinal()]);
    }

    @Test
    void recordsKnownLatenciesOnlyAndNeverBelowZero() {
        Accounting.Stripe s = accounting.stripe(1);
        s.arrive(Counter.RUNNING);
        s.arrive(Counter.RUNNING);
        s.arrive(Counter.RUNNING);
        s.settle(Counter.COMPLETED, 5 * MS, 7 * MS, null);
        s.settle(Counter.TIMED_OUT, 3 * MS, Accounting.UNKNOWN, null);
        s.settle(Counter.FAILED, -2, Accounting.UNKNOWN, null);

        Accounting.Cut cut = accounting.cut(null);

        assertEquals(3, cut.queueWait().count());
        assertEquals(8, Math.round(cut.queueWait().totalNanos() / (double) MS), "a negative wait counts as zero");
        assertEquals(5, Math.round(cut.queueWait().maxNanos() / (double) MS));
        assertEquals(1, cut.runTime().count(), "unknown run times are left out");
        assertEquals(7, Math.round(cut.runTime().maxNanos() / (double) MS));
    }

    @Test
    void aReaderSeesOnlyWhatWasRecordedSinceItsPreviousReadWhileTheWholeLifeGrows() {
        Accounting.Stripe s = accounting.stripe(2);
        s.arrive(Counter.RUNNING);
        s.settle(Counter.COMPLETED, MS, MS, null);
        Accounting.Cursor reader = accounting.newCursor();
        s.arrive(Counter.RUNNING);
        s.settle(Counter.COMPLETED, 2 * MS, 2 * MS, null);

        Accounting.Cut first = accounting.cut(reader);
        Accounting.Cut second = accounting.cut(reader);

        assertEquals(1, first.runTime().count(), "only the attempt after the reader opened");
        assertEquals(0, second.runTime().count(), "nothing since the first read");
        assertTrue(second.windowNanos() >= 0);
        assertTrue(first.nanoTime() <= second.nanoTime());
        assertEquals(2, accounting.cut(null).runTime().count(), "the whole life keeps both");
        assertEquals(2, accounting.cut(null).queueWait().count(), "reading changes nothing another reader sees");
    }

    @Test
    void asManyWorkersAsThereAreStripesNeverShareOneAndAThreadKeepsItsOwn() {
        Set<Accounting.Stripe> seen = new HashSet<>();
        for (int key = 0; key < 16; key++) {
            seen.add(accounting.stripe(key));
        }
        assertEquals(16, seen.size(), "16 consecutive worker ids, 16 stripes");
        assertSame(accounting.stripe(), accounting.stripe(Thread.currentThread().getId()));
        assertNotSame(accounting.stripe(1), accounting.stripe(2));
    }
}
