package dev.poolscope.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LatencyModelTest {

    private static final long MS = 1_000_000;
    private static final BackendSettings SIX_THEN_SHED_ABOVE_24 =
            new BackendSettings(LatencyShape.CONSTANT, Duration.ofMillis(20), 0, 6, 24);

    @Test
    void answersAtTheUnloadedLatencyUpToTheConcurrencyLimit() {
        for (int inFlight = 1; inFlight <= 6; inFlight++) {
            assertEquals(new LatencyModel.Answer(200, 20 * MS),
                    LatencyModel.answer(SIX_THEN_SHED_ABOVE_24, inFlight, 20 * MS, 0.5));
        }
    }

    @Test
    void stretchesLatencyByTheSquareOfTheOverload() {
        assertEquals(80 * MS, LatencyModel.answer(SIX_THEN_SHED_ABOVE_24, 12, 20 * MS, 0.5).latencyNanos());
        assertEquals(320 * MS, LatencyModel.answer(SIX_THEN_SHED_ABOVE_24, 24, 20 * MS, 0.5).latencyNanos());
    }

    @Test
    void throughputFallsAsMoreCallsPileOnPastTheLimit() {
        double atLimit = 6.0 / LatencyModel.loadedLatencyNanos(20 * MS, 6, 6);
        double previous = atLimit;
        for (int inFlight = 7; inFlight <= 24; inFlight++) {
            double throughput = inFlight / (double) LatencyModel.loadedLatencyNanos(20 * MS, inFlight, 6);
            assertTrue(throughput < previous, "throughput at " + inFlight + " in flight must be below the one before");
            previous = throughput;
        }
        assertEquals(atLimit / 4, previous, atLimit * 1e-9, "at 4 × the limit a quarter gets through");
    }

    @Test
    void shedsWithAnInstant503OnlyAboveTheRejectLimit() {
        assertFalse(LatencyModel.sheds(SIX_THEN_SHED_ABOVE_24, 24));
        assertEquals(200, LatencyModel.answer(SIX_THEN_SHED_ABOVE_24, 24, 20 * MS, 0.5).status());
        assertTrue(LatencyModel.sheds(SIX_THEN_SHED_ABOVE_24, 25));
        assertEquals(new LatencyModel.Answer(503, 0), LatencyModel.answer(SIX_THEN_SHED_ABOVE_24, 25, 20 * MS, 0.5));
    }

    @Test
    void answers500WhenTheDrawFallsBelowTheErrorRate() {
        BackendSettings tenPercent = SIX_THEN_SHED_ABOVE_24.withErrorRate(0.1);
        assertEquals(500, LatencyModel.answer(tenPercent, 1, 20 * MS, 0.099).status());
        assertEquals(200, LatencyModel.answer(tenPercent, 1, 20 * MS, 0.1).status());
        assertEquals(20 * MS, LatencyModel.answer(tenPercent, 1, 20 * MS, 0.0).latencyNanos(), "errors take as long");
    }

    @Test
    void everyShapeAveragesTheMeanAskedFor() {
        SplittableRandom random = new SplittableRandom(16);
        for (LatencyShape shape : LatencyShape.values()) {
            int draws = 400_000;
            double sum = 0;
            for (int i = 0; i < draws; i++) {
                sum += shape.sampleNanos(20 * MS, random);
            }
            assertEquals(20 * MS, sum / draws, 20 * MS * 0.03, shape + " mean");
        }
    }

    @Test
    void heavyTailedDrawsAreCappedAtFiftyTimesTheMean() {
        SplittableRandom random = new SplittableRandom(7);
        long longest = 0;
        for (int i = 0; i < 200_000; i++) {
            longest = Math.max(longest, LatencyShape.HEAVY_TAILED.sampleNanos(MS, random));
        }
        assertEquals(50 * MS, longest, "some draw reaches the cap, none passes it");
    }

    @Test
    void refusesSettingsOutsideTheirRangesNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SIX_THEN_SHED_ABOVE_24.withLimits(8, 4));
        assertEquals("rejectLimit = 4 is not allowed: must be between concurrencyLimit (8) and 1000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SIX_THEN_SHED_ABOVE_24.withErrorRate(1.5));
        assertThrows(IllegalArgumentException.class,
                () -> SIX_THEN_SHED_ABOVE_24.withMeanLatency(Duration.ofSeconds(3)));
    }
}
