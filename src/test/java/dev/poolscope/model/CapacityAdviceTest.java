package dev.poolscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.OverflowPolicy;

/** The advisor's queueing maths against textbook worked examples, and its plain words where the model fails. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CapacityAdviceTest {

    private static final double SECOND = 1e9;
    /** Arrivals whose counts spread no more than Poisson's across the window's intervals. */
    private static final ArrivalRates STEADY = new ArrivalRates(95, 105, 0);
    /** A queue that never filled. */
    private static final Overflow UNBOUNDED = new Overflow(0, 0, 2000, OverflowPolicy.DROP_NEWEST);

    /**
     * A steady window of 100 s with {@code lambda} arrivals per second of mean service {@code service} seconds
     * (exponential: median ln 2 × mean, p99 4.6 × mean), {@code workers} workers throughout, and the given waits.
     */
    private static QueueReading reading(double lambda, double service, int workers, double meanWait, double meanQueued) {
        long n = Math.round(lambda * 100);
        return new QueueReading(100, n, n, n * service * SECOND, Math.log(2) * service * SECOND,
                4.6 * service * SECOND, n, n * meanWait * SECOND, 0, meanQueued, meanQueued + lambda * service,
                1000, 0.01, 0.01, workers, workers, workers, STEADY, UNBOUNDED);
    }

    @Test
    void tenWorkersAtEightErlangsWaitWithProbabilityPoint409() {
        CapacityAdvice advice = CapacityAdvice.of(reading(8, 1, 10, 0.2, 1.6), 0.2);
        assertEquals(8, advice.offeredLoad(), 1e-9);
        assertEquals(0.8, advice.utilisation(), 1e-9);
        assertEquals(0.409, advice.waitProbability(), 5e-4);
        // Wq = C × S / (c − a) = 0.409 × 1 s / 2
        assertEquals(0.4091801508 / 2, advice.predictedWait(), 1e-6);
    }

    @Test
    void twoWorkersAtOneErlangWaitWithProbabilityOneThird() {
        CapacityAdvice advice = CapacityAdvice.of(reading(100, 0.01, 2, 0.0033, 0.33), 0.2);
        assertEquals(1, advice.offeredLoad(), 1e-9);
        assertEquals(1 / 3.0, advice.waitProbability(), 1e-9);
        assertEquals(0.01 / 3, advice.predictedWait(), 1e-9);
    }

    @Test
    void workersNeededIsTheFewestMeetingTheTarget() {
        // At 8 Erlangs: P(wait) is 0.245 with 11 workers and 0.140 with 12.
        assertEquals(12, CapacityAdvice.of(reading(8, 1, 10, 0.2, 1.6), 0.2).workersNeeded());
        assertEquals(11, CapacityAdvice.of(reading(8, 1, 10, 0.2, 1.6), 0.25).workersNeeded());
    }

    @Test
    void littlesLawIsTheQueueThroughputTimesTheObservedWait() {
        CapacityAdvice advice = CapacityAdvice.of(reading(8, 1, 10, 0.2, 1.6), 0.2);
        assertEquals(8 * 0.2, advice.littleQueue(), 1e-9);
        assertEquals(8 * 1.2, advice.littlePool(), 1e-9);
        assertEquals(0.2, advice.observedWait(), 1e-9);
    }

    @Test
    void aSteadyExponentialWindowFitsTheModel() {
        CapacityAdvice advice = CapacityAdvice.of(reading(8, 1, 10, 0.2, 1.6), 0.2);
        assertTrue(advice.fits(), advice.caveats().toString());
        assertEquals(1.04, advice.serviceVariation(), 0.01, "exponential: CV about 1 by the log-normal estimate");
    }

    @Test
    void overloadSaysThereIsNoSteadyStateAndStillSizesThePool() {
        CapacityAdvice advice = CapacityAdvice.of(reading(12, 1, 10, 5, 40), 0.2);
        assertEquals(1, advice.waitProbability());
        assertEquals(Double.POSITIVE_INFINITY, advice.predictedWait());
        assertTrue(advice.caveats().stream().anyMatch(c -> c.startsWith("Overloaded: ρ = 1.200 ≥ 1")),
                advice.caveats().toString());
        assertTrue(advice.workersNeeded() > 12);
    }

    /** {@code r} with the queue's bound showing as {@code overflow}. */
    private static QueueReading bounded(QueueReading r, Overflow overflow) {
        return new QueueReading(r.seconds(), r.arrivals(), r.served(), r.serviceNanos(), r.serviceP50Nanos(),
                r.serviceP99Nanos(), r.waited(), r.waitNanos(), r.waitP50Nanos(), r.meanQueued(), r.meanInPool(),
                r.levelSamples(), r.queuedError(), r.inPoolError(), r.workers(), r.fewestWorkers(), r.mostWorkers(),
                r.arrivalRates(), overflow);
    }

    @Test
    void droppedArrivalsAreSaidAndTheModelDoesNotFit() {
        // 0.875 Erlangs a worker with room for 2 queued: 27 % were dropped, which Erlang C knows nothing of.
        QueueReading r = bounded(reading(1659.3, 1.054e-3, 2, 0.257e-3, 0.25),
                new Overflow(45_000, 300, 2, OverflowPolicy.DROP_NEWEST));
        CapacityAdvice advice = CapacityAdvice.of(r, 0.2);
        assertFalse(advice.fits());
        assertEquals(List.of("Finite queue: 45,000 of 165,930 arrivals (27 %) were dropped in the window; the queue "
                + "holds 2 and was full at 300 of 1,000 samples, and a request that finds it full is dropped "
                + "(drop-newest). Erlang C assumes an unbounded queue where every arrival waits its turn."),
                advice.caveats());
    }

    @Test
    void dropsBetweenSamplesAreSaidWithoutAFullSampleCount() {
        QueueReading r = bounded(reading(1659.3, 1.054e-3, 2, 0.257e-3, 0.25),
                new Overflow(45_000, 0, 2, OverflowPolicy.DROP_NEWEST));
        assertEquals(List.of("Finite queue: 45,000 of 165,930 arrivals (27 %) were dropped in the window; the queue "
                + "holds 2, and a request that finds it full is dropped (drop-newest). Erlang C assumes an unbounded "
                + "queue where every arrival waits its turn."), CapacityAdvice.of(r, 0.2).caveats());
    }

    @Test
    void overloadUnderCallerRunsSaysWhatThePolicyDoesInsteadOfDropping() {
        QueueReading r = bounded(reading(12, 1, 10, 5, 40), new Overflow(0, 400, 50, OverflowPolicy.CALLER_RUNS));
        CapacityAdvice advice = CapacityAdvice.of(r, 0.2);
        assertTrue(advice.caveats().contains("Overloaded: ρ = 1.200 ≥ 1. The load needs more workers than the pool "
                + "has, so there is no steady state: the queue grows until it is full, and then a submitter that "
                + "finds it full runs the request itself, so nothing is dropped and arrivals slow to the pool's pace "
                + "(caller-runs). Erlang C does not apply."), advice.caveats().toString());
        assertTrue(advice.caveats().stream().anyMatch(c -> c.startsWith("Finite queue: the queue holds 50 and was "
                + "full at 400 of 1,000 samples")), advice.caveats().toString());
    }

    @Test
    void aLoadBeyondThePoolsLimitIsNotSizedAtTheLimit() {
        // 20,000/s of 70 ms is 1,400 Erlangs: even the limit of 1,024 workers is overloaded.
        CapacityAdvice advice = CapacityAdvice.of(reading(20_000, 0.07, 2, 1.5, 2000), 0.2);
        assertEquals(1024, advice.workersNeeded());
        assertFalse(advice.targetReachable(), "1,024 workers do not meet P(wait) ≤ 20 %");
        assertTrue(CapacityAdvice.of(reading(8, 1, 10, 0.2, 1.6), 0.2).targetReachable());
    }

    @Test
    void noServiceTimeMeansNoFiguresAndNoSizing() {
        QueueReading idle = new QueueReading(0.6, 0, 0, 0, Double.NaN, Double.NaN, 0, 0, Double.NaN, 0, 0, 6, 0, 0,
                2, 2, 2, STEADY, UNBOUNDED);
        CapacityAdvice advice = CapacityAdvice.of(idle, 0.2);
        assertTrue(Double.isNaN(advice.offeredLoad()) && Double.isNaN(advice.waitProbability()));
        assertEquals(0, advice.workersNeeded());
        assertFalse(advice.targetReachable());
        assertEquals(List.of("No attempt ended in the 0.6 s window: there is no service time, so nothing to model or "
                + "size."), advice.caveats());
    }

    @Test
    void tooFewSamplesIsSaid() {
        QueueReading few = new QueueReading(0.5, 50, 50, 50 * 1e6, 0.7e6, 4.6e6, 50, 0, 0, 0, 0.05, 5, 0, 0, 2, 2, 2,
                STEADY, UNBOUNDED);
        CapacityAdvice advice = CapacityAdvice.of(few, 0.2);
        assertTrue(advice.caveats().get(0).startsWith("Too few samples: 50 service times in 0.5 s"),
                advice.caveats().toString());
    }

    @Test
    void aHeavyTailIsSaidWithItsRatio() {
        // Log-normal σ = 1: median e^−½ × mean, p99 e^(2.326 − ½) ≈ 6.2 × mean.
        QueueReading r = new QueueReading(100, 1000, 1000, 1000 * 0.01 * SECOND, Math.exp(-0.5) * 0.01 * SECOND,
                6.2 * 0.01 * SECOND, 1000, 0, 0, 0, 0.1, 1000, 0, 0.01, 2, 2, 2, STEADY, UNBOUNDED);
        CapacityAdvice advice = CapacityAdvice.of(r, 0.2);
        assertEquals(Math.sqrt(Math.E - 1), advice.serviceVariation(), 1e-6);
        assertTrue(advice.caveats().stream().anyMatch(c -> c.startsWith("Heavy-tailed service: p99 is 6.2 × the "
                + "mean and CV ≈ 1.31")), advice.caveats().toString());
        assertFalse(advice.fits());
    }

    @Test
    void aHeavyTailWhenOverloadedGivesNoFactorOnAnInfinitePrediction() {
        // The heavy tail above, at ρ = 1.2: there is no predicted wait for real waits to run longer than.
        QueueReading r = new QueueReading(100, 24_000, 24_000, 24_000 * 0.01 * SECOND, Math.exp(-0.5) * 0.01 * SECOND,
                6.2 * 0.01 * SECOND, 24_000, 0, 0, 0, 0.1, 1000, 0, 0.01, 2, 2, 2, STEADY, UNBOUNDED);
        CapacityAdvice advice = CapacityAdvice.of(r, 0.2);
        assertEquals(Double.POSITIVE_INFINITY, advice.predictedWait());
        assertTrue(advice.caveats().contains("Heavy-tailed service: p99 is 6.2 × the mean and CV ≈ 1.31 (exponential: "
                + "4.6 × and 1). Erlang C assumes exponential service."), advice.caveats().toString());
    }

    @Test
    void nearlyConstantServiceSaysTheModelOverstatesWaits() {
        QueueReading r = new QueueReading(100, 1000, 1000, 1000 * 0.01 * SECOND, 0.0099 * SECOND, 0.0105 * SECOND,
                1000, 0, 0, 0, 0.1, 1000, 0, 0.01, 2, 2, 2, STEADY, UNBOUNDED);
        assertTrue(CapacityAdvice.of(r, 0.2).caveats().get(0).startsWith("Nearly constant service"));
    }

    @Test
    void aPoolThatChangedSizeIsSaid() {
        QueueReading r = new QueueReading(100, 800, 800, 800 * 1e7, Math.log(2) * 1e7, 4.6e7, 800, 0, 0, 0, 0.08, 1000,
                0, 0.01, 4, 2, 4, STEADY, UNBOUNDED);
        assertTrue(CapacityAdvice.of(r, 0.2).caveats().contains("The pool changed size in the window (2–4 "
                + "workers); the model assumes a fixed c."));
    }

    @Test
    void aHandOffLongerThanThePredictedWaitIsExplained() {
        // 0.4 Erlangs on 2 workers predicts Wq = 0.067 × 1 ms / 1.6 ≈ 0.04 ms; every request waits 0.1 ms to wake.
        QueueReading r = new QueueReading(100, 40_000, 40_000, 40_000 * 1e6, Math.log(2) * 1e6, 4.6e6, 40_000,
                40_000 * 0.15e6, 0.1e6, 0, 0.4, 1000, 0, 0.01, 2, 2, 2, STEADY, UNBOUNDED);
        CapacityAdvice advice = CapacityAdvice.of(r, 0.2);
        assertEquals(1 / 15.0, advice.waitProbability(), 1e-9);
        assertTrue(advice.caveats().get(0).startsWith("Observed waits include a hand-off of about 0.100 ms"),
                advice.caveats().toString());
    }

    /**
     * The Burst scenario at a fixed 8 workers, as a headless run read it: 324/s of 10 ms (CV 1.1) predicts a
     * 0.04 ms wait, but 2 s spikes at 1,000/s among 5 s at 100/s made it 207 ms (median 221 ms).
     */
    private static QueueReading burst(ArrivalRates rates, int fewestWorkers) {
        long n = 2594;
        return new QueueReading(8, n, n, n * 10.018e6, 6.74e6, 46.9e6, n, n * 207.5e6, 221e6, 81, 83.4, 8, 55.6,
                56.7, 8, fewestWorkers, 8, rates, UNBOUNDED);
    }

    @Test
    void burstsAreSaidToExplainTheObservedWaitNotAHandOff() {
        CapacityAdvice advice = CapacityAdvice.of(burst(new ArrivalRates(100, 1000, 1.1), 8), 0.2);
        assertEquals(0.042e-3, advice.predictedWait(), 0.001e-3);
        assertTrue(advice.caveats().contains("Arrivals were not steady: the rate ran from 100.0/s to 1,000.0/s "
                + "across the window's intervals (a spread of about 110 % beyond Poisson's own). Erlang C assumes a "
                + "steady stream; bursts queue requests that the mean rate does not predict, which is why the "
                + "observed wait (207.500 ms) runs far above the predicted one (0.042 ms)."),
                advice.caveats().toString());
        assertTrue(advice.caveats().stream().noneMatch(c -> c.startsWith("Observed waits include a hand-off")),
                advice.caveats().toString());
    }

    @Test
    void aMedianWaitLongAgainstTheServiceTimeIsNoHandOff() {
        // Steady-looking counts, yet the median wait (221 ms) is 22 service times: queueing, not a thread wake-up.
        CapacityAdvice advice = CapacityAdvice.of(burst(STEADY, 8), 0.2);
        assertTrue(advice.caveats().stream().noneMatch(c -> c.startsWith("Observed waits include a hand-off")),
                advice.caveats().toString());
    }

    @Test
    void aMeanWaitFarAboveTheMedianIsNoHandOff() {
        // Most requests wait 0.1 ms to wake a worker, a few wait long in a queue: the mean (5 ms) is 50 medians.
        QueueReading r = new QueueReading(100, 40_000, 40_000, 40_000 * 1e6, Math.log(2) * 1e6, 4.6e6, 40_000,
                40_000 * 5e6, 0.1e6, 0, 0.4, 1000, 0, 0.01, 2, 2, 2, STEADY, UNBOUNDED);
        assertTrue(CapacityAdvice.of(r, 0.2).caveats().stream()
                .noneMatch(c -> c.startsWith("Observed waits include a hand-off")));
    }

    @Test
    void aPoolThatChangedSizeExplainsTheWaitBeforeAHandOffDoes() {
        // The hand-off reading below, but on a pool that grew from 2 to 4 workers in the window.
        QueueReading r = new QueueReading(100, 40_000, 40_000, 40_000 * 1e6, Math.log(2) * 1e6, 4.6e6, 40_000,
                40_000 * 0.15e6, 0.1e6, 0, 0.4, 1000, 0, 0.01, 2, 2, 4, STEADY, UNBOUNDED);
        CapacityAdvice advice = CapacityAdvice.of(r, 0.2);
        assertEquals(List.of("The pool changed size in the window (2–4 workers); the model assumes a fixed c."),
                advice.caveats());
    }

    @Test
    void aTargetOutsideZeroToOneIsRefused() {
        QueueReading r = reading(8, 1, 10, 0.2, 1.6);
        assertThrows(IllegalArgumentException.class, () -> CapacityAdvice.of(r, 0));
        assertThrows(IllegalArgumentException.class, () -> CapacityAdvice.of(r, 1));
    }
}
