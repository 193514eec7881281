package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Each policy's maths against worked examples, without threads: inputs are made by hand. */
class ScalingPolicyTest {

    private static final Duration NONE = Duration.ZERO;
    private static final PoolConfig POOL = PoolConfig.builder().workers(1, 64).loadThreshold(50).build();

    private static ScalingDecision decide(ScalingPolicy policy, ScalingInput input) {
        return policy.decide(input, new ScalingHistory());
    }

    private static ProportionalPolicy queueHpa(double target) {
        return new ProportionalPolicy(ProportionalPolicy.Metric.QUEUE_PER_WORKER, target, 0.1, NONE, NONE);
    }

    @Test
    void hpaExplainsTheIssuesExampleAndLimitsGrowthToDoublingOrFour() {
        ScalingDecision d = decide(queueHpa(10), Inputs.levels(POOL, 3, 3, 123));
        assertEquals("HPA: 3 workers × 41 queued per worker / target 10 = 12.3 → 13", d.reason());
        assertEquals(13, d.desired());
        assertEquals(7, d.next(3), "at most +4 (or doubling) per tick");
        assertEquals(13, d.next(12));
    }

    @Test
    void hpaDoublesAtTwiceTheTargetAndHalvesAtHalfIt() {
        // Kubernetes docs: 200m observed against 100m desired doubles the replicas; 50m halves them.
        assertEquals(8, decide(queueHpa(100), Inputs.levels(POOL, 4, 4, 4 * 200)).desired());
        assertEquals(2, decide(queueHpa(100), Inputs.levels(POOL, 4, 4, 4 * 50)).desired());
    }

    @Test
    void hpaFollowsTheDocsWalkthroughFromOneReplica() {
        // Kubernetes walkthrough: one replica at 305 % CPU against a 50 % target becomes ceil(6.1) = 7.
        assertEquals(7, decide(queueHpa(50), Inputs.levels(POOL, 1, 1, 305)).desired());
    }

    @Test
    void hpaHoldsWithinTheTolerance() {
        ScalingDecision d = decide(queueHpa(10), Inputs.levels(POOL, 10, 10, 109));
        assertEquals(10, d.desired());
        assertTrue(d.reason().contains("within tolerance 10 %"), d.reason());
        assertEquals(12, decide(queueHpa(10), Inputs.levels(POOL, 10, 10, 111)).desired(), "1.11 is outside: 11.1");
    }

    @Test
    void hpaHoldsExactlyAtTheTolerance() {
        // 0.88 / 0.8 is 1.1000000000000001 in doubles: still the tolerance's edge, which holds.
        ScalingInput in = Inputs.flows(POOL, 10, 10, 0, 1000, 0.0088, 8.8, 0, 880, 0);
        ScalingDecision d = decide(ProportionalPolicy.defaults(), in);
        assertEquals(10, d.desired(), d.reason());
    }

    @Test
    void hpaOnUtilisationUsesTheMeanBusyWorkers() {
        ScalingPolicy hpa = ProportionalPolicy.defaults();
        ScalingInput in = Inputs.flows(POOL, 10, 10, 0, 1000, 0.0095, 9.5, 0, 950, 0);
        ScalingDecision d = decide(hpa, in);
        assertEquals(12, d.desired(), d.reason());
        assertEquals("HPA: 10 workers × 0.95 utilisation / target 0.8 = 11.9 → 12", d.reason());
    }

    @Test
    void scaleDownTakesTheHighestRecommendationOverTheWindowAndForgetsOlderOnes() {
        ScalingPolicy hpa = new ProportionalPolicy(ProportionalPolicy.Metric.QUEUE_PER_WORKER, 10, 0.1,
                Duration.ofSeconds(3), NONE);
        ScalingHistory history = new ScalingHistory();
        history.recommend(Inputs.NOW - 4_000_000_000L, 12);
        history.recommend(Inputs.NOW - 2_000_000_000L, 9);
        history.recommend(Inputs.NOW - 1_000_000_000L, 7);
        ScalingDecision d = hpa.decide(Inputs.levels(POOL, 10, 2, 20), history);
        assertEquals(9, d.desired(), d.reason());
        assertEquals("HPA: 10 workers × 2 queued per worker / target 10 = 2 → 2; highest in the last 3 s: 9",
                d.reason());
    }

    @Test
    void backlogDividesOutstandingByTheTargetPerWorker() {
        ScalingDecision d = decide(new BacklogPolicy(2, NONE, NONE), Inputs.levels(POOL, 4, 4, 37));
        assertEquals(21, d.desired());
        assertEquals("Backlog: (37 queued + 4 running) / target 2 per worker = 20.5 → 21", d.reason());
        assertEquals(21, d.next(4), "in one jump");
    }

    @Test
    void everyPolicyClampsToMinAndMaxAndSaysSo() {
        PoolConfig small = PoolConfig.builder().workers(2, 8).build();
        ScalingDecision high = decide(new BacklogPolicy(1, NONE, NONE), Inputs.levels(small, 4, 4, 100));
        assertEquals(8, high.desired());
        assertTrue(high.reason().endsWith("→ 104; max 8"), high.reason());
        ScalingDecision low = decide(new BacklogPolicy(1, NONE, NONE), Inputs.levels(small, 4, 0, 0));
        assertEquals(2, low.desired());
        assertTrue(low.reason().endsWith("→ 0; min 2"), low.reason());
    }

    @Test
    void cooldownHoldsTheSizeButShowsTheIntent() {
        ScalingPolicy backlog = new BacklogPolicy(1, NONE, Duration.ofSeconds(1));
        ScalingHistory history = new ScalingHistory();
        history.changed(Inputs.NOW - 500_000_000L, true);
        ScalingDecision d = backlog.decide(Inputs.levels(POOL, 4, 4, 6), history);
        assertEquals(10, d.desired());
        assertEquals(4, d.next(4));
        assertTrue(d.reason().endsWith("; cooling down (1 s)"), d.reason());
        history.changed(Inputs.NOW - 1_000_000_000L, true);
        assertEquals(10, backlog.decide(Inputs.levels(POOL, 4, 4, 6), history).next(4), "cooled down");
    }

    @Test
    void capacityPicksTheFewestWorkersForTheWaitTarget() {
        // λ = 800/s and S = 10 ms make a = 8 Erlangs: 10 workers wait 40.9 %, 11 wait 24.5 %, 12 wait 14.0 %.
        ScalingDecision d = decide(new CapacityPolicy(0.2, 1, NONE, NONE),
                Inputs.flows(POOL, 10, 8, 0, 800, 0.010, 8, 30_000_000, 80, 0));
        assertEquals(12, d.desired());
        assertEquals("Capacity: λ 800/s × S 10 ms = a 8 Erlangs; at 12 workers P(wait) 0.14, ρ 0.67 "
                + "(targets 0.2, 1) → 12", d.reason());
    }

    @Test
    void capacityAlsoMeetsTheUtilisationTarget() {
        // Two workers at one Erlang wait a third of the time; ρ ≤ 0.4 needs three.
        CapacityPolicy policy = new CapacityPolicy(0.5, 0.4, NONE, NONE);
        assertEquals(3, decide(policy, Inputs.flows(POOL, 2, 1, 0, 100, 0.010, 1, 0, 100, 0)).desired());
        assertEquals(2, decide(new CapacityPolicy(0.34, 1, NONE, NONE),
                Inputs.flows(POOL, 2, 1, 0, 100, 0.010, 1, 0, 100, 0)).desired(), "P(wait) 1/3 ≤ 0.34 at two");
    }

    @Test
    void capacityHoldsOnTooFewSamplesAndFallsToMinWithoutLoad() {
        CapacityPolicy policy = CapacityPolicy.defaults();
        ScalingDecision few = decide(policy, Inputs.flows(POOL, 5, 1, 0, 50, 0.010, 0.5, 0, 5, 0));
        assertEquals(5, few.desired());
        assertTrue(few.reason().contains("fewer than 20"), few.reason());
        ScalingInput slowSecond = new ScalingInput(Inputs.NOW, POOL, 5, 1, 0, 1.0, 5, 0.010, 0.05, 0, 5, 0);
        assertEquals(1, decide(new CapacityPolicy(0.2, 0.9, NONE, NONE), slowSecond).desired(),
                "a full second of a light load is sized: a = 0.05");
        assertEquals(1, decide(new CapacityPolicy(0.2, 0.9, NONE, NONE), Inputs.levels(POOL, 5, 0, 0)).desired());
    }

    @Test
    void aimdAddsOneWhileSaturatedAndHealthy() {
        ScalingDecision d = decide(AimdPolicy.defaults(),
                Inputs.flows(POOL, 6, 6, 40, 1000, 0.010, 6, 12_000_000, 100, 0));
        assertEquals(7, d.desired());
        assertEquals("AIMD: all 6 busy, 40 queued, run p99 12 ms ≤ 100 ms, +1 → 7", d.reason());
    }

    @Test
    void aimdBacksOffByTheFactorOnSlowRunsOrTimeoutsButNotTwiceWithinTheGap() {
        ScalingInput slow = Inputs.flows(POOL, 20, 20, 40, 1000, 0.010, 20, 140_000_000, 100, 0);
        ScalingDecision d = decide(AimdPolicy.defaults(), slow);
        assertEquals(18, d.desired());
        assertEquals("AIMD: run p99 140 ms > 100 ms, × 0.9 → 18", d.reason());
        assertEquals(9, decide(AimdPolicy.defaults(),
                Inputs.flows(POOL, 10, 10, 0, 100, 0.010, 10, 1_000_000, 100, 3)).desired(), "3 timed out");
        assertEquals(4, decide(AimdPolicy.defaults(),
                Inputs.flows(POOL, 5, 5, 0, 100, 0.010, 5, 1_000_000, 100, 1)).desired(), "at least −1");
        ScalingHistory history = new ScalingHistory();
        history.changed(Inputs.NOW - 500_000_000L, false);
        assertEquals(20, AimdPolicy.defaults().decide(slow, history).desired(), "within the 1 s gap");
    }

    @Test
    void thresholdAddsOneAboveTheThresholdAndAimsAtBusyPlusOneBelowTheBand() {
        ThresholdPolicy seed = new ThresholdPolicy(NONE, NONE);
        ScalingDecision up = decide(seed, Inputs.levels(POOL, 4, 4, 51));
        assertEquals(5, up.desired());
        assertEquals("Threshold: queue 51 > 50, +1 → 5", up.reason());
        ScalingDecision down = decide(seed, Inputs.levels(POOL, 8, 2, 10));
        assertEquals(3, down.desired());
        assertEquals(7, down.next(8), "one per tick");
        assertEquals("Threshold: queue 10 < band 37.5, 2 busy + 1 spare → 3", down.reason());
        assertEquals(8, decide(seed, Inputs.levels(POOL, 8, 8, 40)).desired(), "inside the band");
    }

    @Test
    void parametersAreValidatedInTheEnginesMessageStyle() {
        assertEquals("target = 1.5 is not allowed: must be greater than 0 and at most 1",
                assertThrows(IllegalArgumentException.class, () -> new ProportionalPolicy(
                        ProportionalPolicy.Metric.UTILISATION, 1.5, 0.1, NONE, NONE)).getMessage());
        assertEquals("tolerance = 0.7 is not allowed: must be between 0 and 0.5",
                assertThrows(IllegalArgumentException.class, () -> new ProportionalPolicy(
                        ProportionalPolicy.Metric.UTILISATION, 0.8, 0.7, NONE, NONE)).getMessage());
        assertEquals("tolerance = 0.5000001 is not allowed: must be between 0 and 0.5",
                assertThrows(IllegalArgumentException.class, () -> new ProportionalPolicy(
                        ProportionalPolicy.Metric.UTILISATION, 0.8, 0.5000001, NONE, NONE)).getMessage(),
                "the value as given, not rounded into the range");
        assertEquals("target = -0.0000001 is not allowed: must be greater than 0 and at most 1",
                assertThrows(IllegalArgumentException.class, () -> new ProportionalPolicy(
                        ProportionalPolicy.Metric.UTILISATION, -1e-7, 0.1, NONE, NONE)).getMessage());
        String window = assertThrows(IllegalArgumentException.class,
                () -> new ThresholdPolicy(Duration.ofSeconds(-1), NONE)).getMessage();
        assertTrue(window.startsWith("downscaleWindow = -1000 ms is not allowed: must be between 0 ms and"), window);
        assertEquals("scalingPolicy = null is not allowed: must be one of threshold, hpa, backlog, capacity, aimd",
                assertThrows(IllegalArgumentException.class,
                        () -> PoolConfig.builder().scalingPolicy(null).build()).getMessage());
        assertEquals("scalingPolicy = null is not allowed: must be one of threshold, hpa, backlog, capacity, aimd",
                assertThrows(IllegalArgumentException.class, () -> ScalingPolicy.withDefaults(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BacklogPolicy(0, NONE, NONE));
        assertThrows(IllegalArgumentException.class, () -> new CapacityPolicy(1, 0.9, NONE, NONE));
        assertThrows(IllegalArgumentException.class, () -> new AimdPolicy(NONE, 0.9, NONE, NONE, NONE));
    }

    @Test
    void everyNameHasAPolicyWithThatName() {
        for (String name : ScalingPolicy.NAMES) {
            assertEquals(name, ScalingPolicy.withDefaults(name).name());
        }
        assertTrue(ScalingPolicy.defaultPolicy() instanceof ThresholdPolicy);
    }
}
