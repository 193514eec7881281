package dev.poolscope.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VerdictTest {

    private static Score score(long dropped, long timedOut, double waitMs, double workerSeconds, long events) {
        return new Score(1000, waitMs, dropped, timedOut, workerSeconds, events);
    }

    @Test
    void noOneLeadsBeforeTheFirstRequest() {
        Verdict v = Verdict.of(Score.NONE, Score.NONE);
        assertNull(v.leader());
        assertEquals("no requests yet", v.reason());
    }

    @Test
    void fewerRequestsLostWinsWhateverTheWaitAndCost() {
        Verdict v = Verdict.of(score(120, 0, 1, 10, 1), score(0, 100, 900, 500, 90));
        assertEquals(Side.B, v.leader());
        assertEquals("B leads: fewer requests lost: 100 vs 120", v.reason());
    }

    @Test
    void atEqualLossesTheLowerP99WaitToTheMillisecondWins() {
        Verdict v = Verdict.of(score(3, 0, 12.4, 10, 1), score(0, 3, 45.6, 5, 1));
        assertEquals(Side.A, v.leader());
        assertEquals("A leads: both lost 3; lower p99 wait: 12 ms vs 46 ms", v.reason());
    }

    @Test
    void waitsThatRoundToTheSameMillisecondLeaveItToTheCost() {
        Verdict v = Verdict.of(score(0, 0, 4.4, 150.24, 1), score(0, 0, 3.6, 120.31, 9));
        assertEquals(Side.B, v.leader());
        assertEquals("B leads: neither lost a request, same p99 wait (4 ms); fewer worker-seconds: 120.3 vs 150.2",
                v.reason());
    }

    @Test
    void atTheSameCostFewerScalingEventsWin() {
        Verdict v = Verdict.of(score(0, 0, 2, 100.01, 4), score(0, 0, 2, 100.03, 12));
        assertEquals(Side.A, v.leader());
        assertEquals("A leads: neither lost a request, same p99 wait (2 ms), same cost; fewer scaling events: 4 vs 12",
                v.reason());
    }

    @Test
    void identicalScoresAreEven() {
        Verdict v = Verdict.of(score(1, 1, 2, 3, 4), score(1, 1, 2, 3, 4));
        assertNull(v.leader());
        assertEquals("even: both lost 2, same p99 wait (2 ms), same cost and scaling events", v.reason());
    }

    @Test
    void eachFigureTicksTheLowerSideAndNoneOnATie() {
        Score a = score(5, 0, 10, 20, 3);
        Score b = score(0, 0, 30, 20, 1);
        assertEquals(Side.B, Figure.DROPS.better(a, b));
        assertNull(Figure.TIMEOUTS.better(a, b));
        assertEquals(Side.A, Figure.WAIT_P99.better(a, b));
        assertNull(Figure.WORKER_SECONDS.better(a, b));
        assertEquals(Side.B, Figure.SCALING_EVENTS.better(a, b));
    }
}
