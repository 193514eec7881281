package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.model.ArrivalRates;
import dev.poolscope.model.CapacityAdvice;
import dev.poolscope.model.Overflow;
import dev.poolscope.model.QueueReading;

/** The advisor's lines in the headless summary say what is unknown or out of reach, never NaN or a capped size. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AdvisorLinesTest {

    private static final ArrivalRates STEADY = new ArrivalRates(95, 105, 0);
    private static final Overflow UNBOUNDED = new Overflow(0, 0, 2000, OverflowPolicy.DROP_NEWEST);

    /** {@code seconds} of {@code lambda}/s with mean service {@code service} s (exponential), on {@code workers}. */
    private static QueueReading reading(double seconds, double lambda, double service, int workers, double wait) {
        long n = Math.round(lambda * seconds);
        return new QueueReading(seconds, n, n, n * service * 1e9, Math.log(2) * service * 1e9, 4.6 * service * 1e9,
                n, n * wait * 1e9, wait * 1e9, 1, 2, 8, 0.1, 0.1, workers, workers, workers, STEADY, UNBOUNDED);
    }

    private static String lines(QueueReading r) {
        return AdvisorLines.of(CapacityAdvice.of(r, 0.2), Duration.ofSeconds(3));
    }

    @Test
    void aLoadBeyondThePoolsLimitSaysMoreThanTheLimit() {
        String text = lines(reading(2.5, 20_000, 0.07, 2, 1.5));
        assertTrue(text.contains("workers needed for P(wait) ≤ 20 %: more than 1024 (the pool's limit)"), text);
    }

    @Test
    void noCompletionsPrintNoNaNAndNoSizing() {
        QueueReading idle = new QueueReading(0.6, 0, 0, 0, Double.NaN, Double.NaN, 0, 0, Double.NaN, 0, 0, 6, 0, 0,
                2, 2, 2, STEADY, UNBOUNDED);
        String text = lines(idle);
        assertFalse(text.contains("NaN"), text);
        assertFalse(text.contains("workers needed"), text);
        assertTrue(text.startsWith("  advisor     M/M/c over 0.6 s of load after 3s: λ 0.0/s on c = 2 workers; no "
                + "service time, so no figures and no sizing"), text);
        assertTrue(text.contains("caveat: No attempt ended in the 0.6 s window"), text);
    }

    @Test
    void aMissingMedianPrintsNotAvailable() {
        // Service times ended but no attempt left the queue in the window: no wait figures, no Little's law.
        QueueReading r = new QueueReading(1, 300, 300, 300 * 1e6, 0, 4.6e6, 0, 0, Double.NaN, 0, 1, 10, 0, 0, 2, 2,
                2, STEADY, UNBOUNDED);
        String text = lines(r);
        assertFalse(text.contains("NaN"), text);
        assertTrue(text.contains("CV ≈ n/a"), text);
    }

    @Test
    void oneWorkerAndOneSampleReadInTheSingularAndPWaitIsAPercent() {
        // 0.4 Erlangs on one worker: P(wait) = ρ = 40 %.
        QueueReading r = new QueueReading(1, 400, 400, 400 * 1e6, Math.log(2) * 1e6, 4.6e6, 400, 400 * 0.6e6, 0.3e6,
                0.3, 0.7, 1, Double.NaN, Double.NaN, 1, 1, 1, STEADY, UNBOUNDED);
        String text = lines(r);
        assertTrue(text.contains("Erlangs on c = 1 worker, ρ 0.400"), text);
        assertTrue(text.contains("Erlang C P(wait) 40.00 %"), text);
        assertTrue(text.contains("(1 level sample, one per interval)"), text);
    }

    @Test
    void littlesLawNamesItsLambdaAsTheServedRate() {
        // 400/s arrive but only 300/s left the queue in the window: λWq is 300 × 0.6 ms.
        QueueReading r = new QueueReading(1, 400, 300, 300 * 1e6, Math.log(2) * 1e6, 4.6e6, 300, 300 * 0.6e6, 0.3e6,
                0.2, 0.5, 10, 0.1, 0.1, 2, 2, 2, STEADY, UNBOUNDED);
        String text = lines(r);
        assertTrue(text.contains("Little's law with λ served 300.0/s (attempts that left the queue): queue λWq "
                + "0.180 vs "), text);
    }
}
