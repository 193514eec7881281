package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The policies' edges, where one comparison decides: a value exactly at a threshold, a band or a limit. Each case
 * here pins which side the edge belongs to, so an off-by-one in the maths is caught (ScalingPolicyTest has the
 * worked examples).
 */
class PolicyEdgesTest {

    private static final Duration NONE = Duration.ZERO;
    private static final PoolConfig POOL = PoolConfig.builder().workers(1, 64).loadThreshold(50).build();

    private static ScalingDecision decide(ScalingPolicy policy, ScalingInput input) {
        return policy.decide(input, new ScalingHistory());
    }

    @Test
    void reachingMaxOrMinExactlyIsNotReportedAsAClamp() {
        ThresholdPolicy seed = new ThresholdPolicy(NONE, NONE);
        PoolConfig small = PoolConfig.builder().workers(2, 8).loadThreshold(50).build();
        ScalingDecision up = decide(seed, Inputs.levels(small, 7, 7, 51));
        assertEquals("Threshold: queue 51 > 50, +1 → 8", up.reason());
        ScalingDecision down = decide(seed, Inputs.levels(small, 5, 1, 0));
        assertEquals(2, down.desired());
        assertEquals("Threshold: queue 0 < band 37.5, 1 busy + 1 spare → 2", down.reason());
    }

    @Test
    void numbersKeepEveryDigitBeyondTheRangeOfALong() {
        assertEquals("100000000000000000000", Decisions.num(1e20, 1));
        assertEquals("NaN", Decisions.num(Double.NaN, 1));
        assertEquals("Infinity", Decisions.num(Double.POSITIVE_INFINITY));
        assertEquals("12.35", Decisions.num(12.345678, 2));
    }

    @Test
    void theEdgesOfEveryRangeAreAllowed() {
        assertDoesNotThrow(() -> new ProportionalPolicy(ProportionalPolicy.Metric.UTILISATION, 1, 0, NONE, NONE));
        assertDoesNotThrow(() -> new ProportionalPolicy(ProportionalPolicy.Metric.UTILISATION, 0.5, 0.5, NONE, NONE));
        assertDoesNotThrow(() -> new AimdPolicy(Duration.ofNanos(1), 0.99, NONE, NONE, NONE));
        assertDoesNotThrow(() -> new CapacityPolicy(0.999, 1, NONE, NONE));
        assertThrows(IllegalArgumentException.class,
                () -> new ProportionalPolicy(ProportionalPolicy.Metric.UTILISATION, 0.8, -0.01, NONE, NONE));
        assertThrows(IllegalArgumentException.class, () -> new AimdPolicy(Duration.ofNanos(1), 0, NONE, NONE, NONE));
        assertEquals("backoffFactor = 0.995 is not allowed: must be greater than 0 and at most 0.99",
                assertThrows(IllegalArgumentException.class,
                        () -> new AimdPolicy(Duration.ofNanos(1), 0.995, NONE, NONE, NONE)).getMessage());
    }

    @Test
    void hpaHoldsWhenTheRatioIsExactlyAtTheTolerance() {
        ProportionalPolicy hpa = new ProportionalPolicy(ProportionalPolicy.Metric.QUEUE_PER_WORKER, 10, 0.5, NONE,
                NONE);
        assertEquals(2, decide(hpa, Inputs.levels(POOL, 2, 2, 30)).desired(), "ratio 1.5: at the edge, hold");
        assertEquals(4, decide(hpa, Inputs.levels(POOL, 2, 2, 32)).desired(), "ratio 1.6: outside");
    }

    @Test
    void capacitySizesWithExactlyTheLeastSamplesAndRoundsAnExactUtilisationDown() {
        // a = 8/s × 0.5 s = 4 Erlangs; ρ ≤ 0.5 needs exactly 8 workers, P(wait) ≤ 0.99 only 5.
        CapacityPolicy policy = new CapacityPolicy(0.99, 0.5, NONE, NONE);
        ScalingDecision d = decide(policy, Inputs.flows(POOL, 3, 3, 0, 8, 0.5, 3, 0, CapacityPolicy.MIN_SAMPLES, 0));
        assertEquals(8, d.desired(), d.reason());
    }

    @Test
    void aimdTreatsARunTimeExactlyAtTheTargetAsHealthy() {
        ScalingDecision d = decide(AimdPolicy.defaults(),
                Inputs.flows(POOL, 6, 6, 40, 1000, 0.010, 6, 100_000_000, 100, 0));
        assertEquals(7, d.desired(), d.reason());
    }

    @Test
    void aimdBacksOffAgainOnceExactlyTheGapHasPassed() {
        ScalingInput slow = Inputs.flows(POOL, 20, 20, 40, 1000, 0.010, 20, 140_000_000, 100, 0);
        ScalingHistory history = new ScalingHistory();
        history.changed(Inputs.NOW - 1_000_000_000L, false);
        assertEquals(18, AimdPolicy.defaults().decide(slow, history).desired());
        ScalingHistory grown = new ScalingHistory();
        grown.changed(Inputs.NOW - 100_000_000L, true);
        assertEquals(18, AimdPolicy.defaults().decide(slow, grown).desired(), "growing is no back-off");
    }

    @Test
    void aimdShrinksByTheFactorOnlyWhenNothingIsQueuedAndUnderHalfIsBusy() {
        AimdPolicy aimd = new AimdPolicy(Duration.ofMillis(100), 0.5, Duration.ofSeconds(1), NONE, NONE);
        ScalingDecision idle = decide(aimd, Inputs.flows(POOL, 10, 2, 0, 100, 0.010, 4.9, 1_000_000, 100, 0));
        assertEquals(5, idle.desired(), idle.reason());
        assertEquals("AIMD: nothing queued, 4.9 of 10 busy on average, × 0.5 → 5", idle.reason());
        assertEquals(10, decide(aimd, Inputs.flows(POOL, 10, 5, 0, 100, 0.010, 5, 1_000_000, 100, 0)).desired(),
                "exactly half busy: hold");
        ScalingDecision queued = decide(aimd, Inputs.flows(POOL, 10, 2, 3, 100, 0.010, 2, 1_000_000, 100, 0));
        assertEquals(10, queued.desired(), "requests queued, not all busy: hold");
        assertEquals("AIMD: 2 of 10 busy, 3 queued, run p99 1 ms: hold → 10", queued.reason());
        assertEquals(10, decide(aimd, Inputs.flows(POOL, 10, 10, 0, 100, 0.010, 10, 1_000_000, 100, 0)).desired(),
                "all busy but nothing queued: no need for more, too busy for fewer");
    }

    @Test
    void everyPolicyDescribesItsSettings() {
        assertEquals("threshold and shrink band from the pool, down window 3 s, cooldown 0 s",
                ThresholdPolicy.defaults().settings());
        assertEquals("utilisation target 0.8, tolerance 10 %, down window 3 s, cooldown 0 s",
                ProportionalPolicy.defaults().settings());
        assertEquals("queued per worker target 12.5, tolerance 25 %, down window 0 s, cooldown 250 ms",
                new ProportionalPolicy(ProportionalPolicy.Metric.QUEUE_PER_WORKER, 12.5, 0.25, NONE,
                        Duration.ofMillis(250)).settings());
        assertEquals("target 2 outstanding per worker, down window 3 s, cooldown 0 s",
                BacklogPolicy.defaults().settings());
        assertEquals("P(wait) ≤ 20 %, ρ ≤ 0.9, down window 3 s, cooldown 0 s", CapacityPolicy.defaults().settings());
        assertEquals("run-time p99 target 100 ms, × 0.9 every 1 s at most, down window 3 s, cooldown 0 s",
                AimdPolicy.defaults().settings());
        assertEquals("run-time p99 target 1.5 ms, × 0.9 every 1 s at most, down window 2500.5 ms, cooldown 500 µs",
                new AimdPolicy(Duration.ofMillis(1).plusNanos(500_000), 0.9, Duration.ofSeconds(1),
                        Duration.ofMillis(2500).plusNanos(500_000), Duration.ofNanos(500_000)).settings(),
                "durations exact, not cut to whole milliseconds or seconds");
        for (String name : ScalingPolicy.NAMES) {
            assertFalse(ScalingPolicy.withDefaults(name).summary().isBlank(), name);
        }
    }

    @Test
    void onlyACompletedOutcomeIsASuccess() {
        assertTrue(Outcome.Completed.of("v", 0, 0, 0).isSuccess());
        assertFalse(new Outcome.Failed(new IllegalStateException(), 1).isSuccess());
    }
}
