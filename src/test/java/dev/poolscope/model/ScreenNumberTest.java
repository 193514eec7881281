package dev.poolscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Typed numbers are read leniently and refused with the field, the text typed and the allowed range. */
class ScreenNumberTest {

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class,
                () -> ScreenNumber.parseWhole("Timeout", "ms", text, 0, 3_600_000)).getMessage();
    }

    @Test
    void readsSeparatorsSpacesAndTheUnit() {
        assertEquals(2_000, ScreenNumber.parseWhole("Timeout", "ms", " 2,000 ms ", 0, 3_600_000));
    }

    @Test
    void refusesWhatLiesOutsideTheRangeWithTheNumberTyped() {
        assertEquals("Timeout -1 ms is not allowed: must be 0 to 3,600,000 ms", refusal("-1"));
        assertEquals("Timeout 99,999,999 ms is not allowed: must be 0 to 3,600,000 ms", refusal("99999999"));
    }

    @Test
    void namesANumberOfAnyLengthWithoutOverflowing() {
        assertEquals("Timeout 99,999,999,999,999,999,999 ms is not allowed: must be 0 to 3,600,000 ms",
                refusal("99999999999999999999"));
    }

    @Test
    void refusesTextFractionsAndNothingWithTheRange() {
        assertEquals("Timeout \"abc\" is not a whole number: must be 0 to 3,600,000 ms", refusal("abc"));
        assertEquals("Timeout 2.5 ms is not a whole number: must be 0 to 3,600,000 ms", refusal("2.5"));
        assertEquals("Timeout is empty: must be 0 to 3,600,000 ms", refusal("  "));
    }
}
