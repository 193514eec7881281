package dev.poolscope.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.AimdPolicy;
import dev.poolscope.engine.BacklogPolicy;
import dev.poolscope.engine.CapacityPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ProportionalPolicy;
import dev.poolscope.engine.ScalingPolicy;

class PolicyTargetTest {

    private static PoolConfig under(String policy) {
        return PoolConfig.builder().workers(2, 16).loadThreshold(50).scalingPolicy(ScalingPolicy.withDefaults(policy))
                .build();
    }

    @Test
    void theThresholdRulesTargetIsThePoolsLoadThreshold() {
        PoolConfig c = under("threshold");
        assertEquals("Load threshold", PolicyTarget.label(c.scalingPolicy()));
        assertEquals("50", PolicyTarget.text(c));
        assertEquals(80, PolicyTarget.with(c, 80).loadThreshold());
        assertEquals(c.scalingPolicy(), PolicyTarget.with(c, 80).scalingPolicy());
    }

    @Test
    void everyOtherPolicyKeepsItsOtherParametersAndTakesTheNewTarget() {
        ProportionalPolicy hpa = (ProportionalPolicy) PolicyTarget.with(under("hpa"), 0.6).scalingPolicy();
        assertEquals(0.6, hpa.target());
        assertEquals(ProportionalPolicy.defaults().tolerance(), hpa.tolerance());
        assertEquals(5, ((BacklogPolicy) PolicyTarget.with(under("backlog"), 5).scalingPolicy()).targetPerWorker());
        assertEquals(0.05, ((CapacityPolicy) PolicyTarget.with(under("capacity"), 0.05).scalingPolicy())
                .maxWaitProbability());
        assertEquals(Duration.ofMillis(250), ((AimdPolicy) PolicyTarget.with(under("aimd"), 250).scalingPolicy())
                .runTimeTarget());
        assertEquals("100", PolicyTarget.text(under("aimd")));
        assertEquals("0.8", PolicyTarget.text(under("hpa")));
        assertEquals(50, PolicyTarget.with(under("hpa"), 0.6).loadThreshold(), "the pool's own settings stay");
    }

    @Test
    void aRefusedTargetIsNamedAsTheFormLabelsIt() {
        IllegalArgumentException hpa = assertThrows(IllegalArgumentException.class,
                () -> PolicyTarget.with(under("hpa"), 2));
        assertEquals("Target utilisation 2 is not allowed: must be greater than 0 and at most 1", hpa.getMessage());
        IllegalArgumentException threshold = assertThrows(IllegalArgumentException.class,
                () -> PolicyTarget.with(under("threshold"), 2.5));
        assertEquals("Load threshold 2.5 is not allowed: must be a whole number from 1 to 10,000,000",
                threshold.getMessage());
        IllegalArgumentException aimd = assertThrows(IllegalArgumentException.class,
                () -> PolicyTarget.with(under("aimd"), 0));
        assertEquals("Run p99 target (ms) 0 is not allowed: must be greater than 0 and at most 3,600,000 ms",
                aimd.getMessage());
    }
}
