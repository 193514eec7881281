package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.model.ArrivalRates;
import dev.poolscope.model.CapacityAdvice;
import dev.poolscope.model.Overflow;
import dev.poolscope.model.QueueReading;

/** The panel's workers-needed figure, and what its apply buttons would set: never a size that misses the target. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AdvisorNeededTest {

    private static CapacityAdvice advice(double lambda, double service) {
        long n = Math.round(lambda * 10);
        QueueReading r = new QueueReading(10, n, n, n * service * 1e9, Math.log(2) * service * 1e9,
                4.6 * service * 1e9, n, 0, 0, 0, 0, 100, 0, 0, 2, 2, 2, new ArrivalRates(lambda, lambda, 0),
                new Overflow(0, 0, 2000, OverflowPolicy.DROP_NEWEST));
        return CapacityAdvice.of(r, 0.2);
    }

    @Test
    void aReachableTargetShowsAndAppliesTheWorkersNeeded() {
        CapacityAdvice eightErlangs = advice(8, 1);
        assertEquals("12", AdvisorController.neededText(eightErlangs));
        assertEquals(12, AdvisorController.sizeToApply(eightErlangs));
    }

    @Test
    void aLoadBeyondThePoolsLimitAppliesNothing() {
        CapacityAdvice beyond = advice(20_000, 0.07);
        assertEquals("more than 1,024 (the pool's limit)", AdvisorController.neededText(beyond));
        assertEquals(0, AdvisorController.sizeToApply(beyond), "0 turns the apply buttons off");
    }

    @Test
    void noServiceTimeShowsAndAppliesNothing() {
        CapacityAdvice none = advice(0, Double.NaN);
        assertEquals("", AdvisorController.neededText(none));
        assertEquals(0, AdvisorController.sizeToApply(none));
    }
}
