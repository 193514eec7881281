package dev.poolscope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LoadSettingsTest {

    private final LoadSettings valid = LoadSettings.defaults();

    private static String messageOf(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void refusesRateOutsideRangeNamingFieldValueAndRange() {
        assertEquals("ratePerSecond = 0 is not allowed: must be between 1 and 1000000",
                messageOf(() -> valid.withRatePerSecond(0)));
        assertEquals("ratePerSecond = 1000000.5 is not allowed: must be between 1 and 1000000",
                messageOf(() -> valid.withRatePerSecond(1_000_000.5)));
        assertEquals("ratePerSecond = NaN is not allowed: must be between 1 and 1000000",
                messageOf(() -> valid.withRatePerSecond(Double.NaN)));
    }

    @Test
    void refusesProbabilitiesOutsideZeroToOne() {
        assertEquals("failureProbability = 1.5 is not allowed: must be between 0 and 1",
                messageOf(() -> valid.withFailureProbability(1.5)));
        assertEquals("hangProbability = -0.1 is not allowed: must be between 0 and 1",
                messageOf(() -> valid.withHangProbability(-0.1)));
    }

    @Test
    void refusesMeanServiceTimeAboveTenSecondsOrNegative() {
        assertEquals("meanServiceTime = 10001 ms is not allowed: must be between 0 ms and 10000 ms",
                messageOf(() -> valid.withMeanServiceTime(Duration.ofMillis(10_001))));
        assertEquals("meanServiceTime = -1 ms is not allowed: must be between 0 ms and 10000 ms",
                messageOf(() -> valid.withMeanServiceTime(Duration.ofMillis(-1))));
    }

    @Test
    void refusesAHugeMeanServiceTimeWithoutOverflowing() {
        assertEquals("meanServiceTime = 9223372036854775807000 ms is not allowed: must be between 0 ms and 10000 ms",
                messageOf(() -> valid.withMeanServiceTime(Duration.ofSeconds(Long.MAX_VALUE))));
        assertEquals("meanServiceTime = -9223372036854775808000 ms is not allowed: must be between 0 ms and"
                + " 10000 ms", messageOf(() -> valid.withMeanServiceTime(Duration.ofSeconds(Long.MIN_VALUE))));
    }

    @Test
    void refusesMissingEnums() {
        assertEquals("arrivals = null is not allowed: must be one of [CONSTANT, POISSON]",
                messageOf(() -> valid.withArrivals(null)));
        assertEquals("serviceTime = null is not allowed: must be one of [FIXED, EXPONENTIAL, LOG_NORMAL]",
                messageOf(() -> valid.withServiceTime(null)));
    }

    @Test
    void refusesEmptyMixAndNonPositiveWeights() {
        assertEquals("typeMix = {} is not allowed: must be at least one request type with a positive weight",
                messageOf(() -> valid.withTypeMix(Map.of())));
        assertEquals("typeMix[write] = 0 is not allowed: must be a positive, finite weight",
                messageOf(() -> valid.withTypeMix(Map.of("read", 1.0, "write", 0.0))));
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("read", null);
        assertEquals("typeMix[read] = null is not allowed: must be a positive, finite weight",
                messageOf(() -> valid.withTypeMix(withNull)));
    }

    @Test
    void acceptsZeroServiceTimeAsNoOpAndTheRangeLimits() {
        LoadSettings edge = valid.withMeanServiceTime(Duration.ZERO).withRatePerSecond(1)
                .withFailureProbability(1).withHangProbability(0);
        assertEquals(Duration.ZERO, edge.meanServiceTime());
        assertEquals(1_000_000, valid.withRatePerSecond(1_000_000).ratePerSecond());
    }

    @Test
    void copyMethodsChangeOnlyTheirField() {
        LoadSettings changed = valid.withRatePerSecond(250);
        assertEquals(250, changed.ratePerSecond());
        assertEquals(valid.withRatePerSecond(valid.ratePerSecond()), valid);
        assertEquals(valid.arrivals(), changed.arrivals());
        assertEquals(valid.serviceTime(), changed.serviceTime());
        assertEquals(valid.meanServiceTime(), changed.meanServiceTime());
        assertEquals(valid.typeMix(), changed.typeMix());
    }

    @Test
    void typeMixIsCopiedAndSortedSoSeededSamplingRepeats() {
        Map<String, Double> mix = new LinkedHashMap<>();
        mix.put("write", 1.0);
        mix.put("read", 3.0);
        LoadSettings s = valid.withTypeMix(mix);
        mix.put("delete", 5.0);
        assertEquals("[read, write]", s.typeMix().keySet().toString());
        assertThrows(UnsupportedOperationException.class, () -> s.typeMix().put("x", 1.0));
    }

    @Test
    void samplesTypesInProportionToTheirWeights() {
        LoadSettings s = valid.withTypeMix(Map.of("read", 3.0, "write", 1.0));
        SplittableRandom random = new SplittableRandom(7);
        int reads = 0;
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            if (s.sampleType(random).equals("read")) {
                reads++;
            }
        }
        double share = reads / (double) n;
        assertTrue(Math.abs(share - 0.75) < 0.01, "read share " + share);
    }
}
