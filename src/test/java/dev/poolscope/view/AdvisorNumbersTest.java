package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The advisor panel's figures read as plain numbers to a classroom: no scientific notation, no spurious digits. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AdvisorNumbersTest {

    @Test
    void aTinyWaitProbabilityReadsAsUnderAHundredthOfAPercent() {
        assertEquals("< 0.01 %", AdvisorController.percent(2.94e-07), "was '2.94e-05 %'");
        assertEquals("0.0294 %", AdvisorController.percent(2.94e-04));
        assertEquals("7.12 %", AdvisorController.percent(0.0712));
        assertEquals("0.00 %", AdvisorController.percent(0));
    }

    @Test
    void aTinyPredictedWaitReadsAsUnderAThousandthOfAMillisecond() {
        assertEquals("< 0.001 ms", AdvisorController.millis(2.28e-10), "was '2.28e-07 ms'");
        assertEquals("0.00523 ms", AdvisorController.millis(5.23e-06));
        assertEquals("0.431 ms", AdvisorController.millis(4.31e-04));
        assertEquals("12.3 ms", AdvisorController.millis(0.01234));
        assertEquals("1,204 ms", AdvisorController.millis(1.2044));
    }

    @Test
    void otherFiguresKeepThreeSignificantDigitsInPlainNotation() {
        assertEquals("0.0523", AdvisorController.number(0.052345));
        assertEquals("0.500", AdvisorController.number(0.5));
        assertEquals("2.15", AdvisorController.number(2.1549));
        assertEquals("< 0.001", AdvisorController.number(4e-05));
        assertEquals("—", AdvisorController.number(Double.NaN));
        assertEquals("∞", AdvisorController.number(Double.POSITIVE_INFINITY));
    }
}
