package dev.poolscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.PoolConfig;

/** Refusals read in the screen's words, with thousands separators. */
class ScreenWordsTest {

    private static String refusal(java.util.function.UnaryOperator<PoolConfig.Builder> change) {
        try {
            change.apply(PoolConfig.builder()).build();
            throw new AssertionError("the engine accepted it");
        } catch (IllegalArgumentException e) {
            return ScreenWords.of(e.getMessage());
        }
    }

    @Test
    void aRefusedThresholdNamesTheControlAndTheRangeWithSeparators() {
        assertEquals("Load threshold -5 is not allowed: must be 1 to 10,000,000", refusal(b -> b.loadThreshold(-5)));
    }

    @Test
    void aRefusalNamingAnotherFieldUsesItsLabelToo() {
        String words = refusal(b -> b.workers(10, 4));
        assertTrue(words.startsWith("Min workers 10 is not allowed: must be at most Max workers (4)"), words);
    }

    @Test
    void durationsKeepTheirUnits() {
        assertEquals("Scaling tick 0 ms is not allowed: must be 1 ms to 60,000 ms",
                refusal(b -> b.scalingTick(java.time.Duration.ZERO)));
    }

    @Test
    void numbersLongerThanALongAreGroupedNotACrash() {
        assertEquals("Target utilisation 100,000,000,000,000,000,000 is not allowed: must be greater than 0",
                ScreenWords.of("Target utilisation 100000000000000000000 is not allowed: must be greater than 0"));
    }

    @Test
    void theLoadsFieldsReadAsTheirControls() {
        assertEquals("Rate (req/s) 0 is not allowed: must be 1 to 1,000,000",
                ScreenWords.of("ratePerSecond = 0 is not allowed: must be between 1 and 1000000"));
        assertEquals("Mean -5 ms is not allowed: must be 0 ms to 10,000 ms",
                ScreenWords.of("meanServiceTime = -5 ms is not allowed: must be between 0 ms and 10000 ms"));
        assertEquals("Type mix read=0 is not allowed: must be a positive, finite weight",
                ScreenWords.of("typeMix[read] = 0 is not allowed: must be a positive, finite weight"));
        assertEquals("Type mix (none) is not allowed: must be at least one request type with a positive weight",
                ScreenWords.of("typeMix = {} is not allowed: must be at least one request type with a positive "
                        + "weight"));
    }
}
