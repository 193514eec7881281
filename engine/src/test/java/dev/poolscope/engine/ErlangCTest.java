package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErlangCTest {

    @Test
    void tenWorkersAtEightErlangsWaitFortyOnePercentOfTheTime() {
        assertEquals(0.409, ErlangC.waitProbability(10, 8), 0.0005);
    }

    @Test
    void twoWorkersAtOneErlangWaitOneThirdOfTheTime() {
        assertEquals(1.0 / 3, ErlangC.waitProbability(2, 1), 1e-12);
    }

    @Test
    void oneWorkerWaitsWithProbabilityRhoAsInMM1() {
        assertEquals(0.7, ErlangC.waitProbability(1, 0.7), 1e-12);
    }

    @Test
    void anOverloadedPoolAlwaysWaitsAndAnIdleOneNever() {
        assertEquals(1, ErlangC.waitProbability(8, 8));
        assertEquals(1, ErlangC.waitProbability(3, 12.5));
        assertEquals(0, ErlangC.waitProbability(3, 0));
    }

    @Test
    void meanWaitFollowsTheMM1Formula() {
        // M/M/1 at ρ = 0.5 with S = 10 ms: Wq = ρ S / (1 − ρ) = 10 ms.
        assertEquals(10, ErlangC.meanWait(1, 0.5, 10), 1e-9);
    }

    @Test
    void workersForPicksTheFewestThatMeetTheTarget() {
        int c = ErlangC.workersFor(8, 0.2, 1024);
        assertTrue(ErlangC.waitProbability(c, 8) <= 0.2);
        assertTrue(ErlangC.waitProbability(c - 1, 8) > 0.2);
        assertEquals(12, c);
        assertEquals(5, ErlangC.workersFor(100, 0.2, 5), "capped at the limit");
    }

    @Test
    void staysAccurateForLargePools() {
        double p = ErlangC.waitProbability(1000, 950);
        assertTrue(p > 0 && p < 1, String.valueOf(p));
    }
}
