package dev.poolscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.AimdPolicy;
import dev.poolscope.engine.BacklogPolicy;
import dev.poolscope.engine.CapacityPolicy;
import dev.poolscope.engine.ProportionalPolicy;
import dev.poolscope.engine.ScalingPolicy;
import dev.poolscope.engine.ThresholdPolicy;

/** Each policy's parameters in screen units, set from typed text, refused in the screen's words. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PolicyParameterTest {

    private static PolicyParameter named(ScalingPolicy p, String label) {
        return PolicyParameter.of(p).stream().filter(x -> x.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not among " + PolicyParameter.of(p)));
    }

    @Test
    void everyPolicyHasItsOwnParameters() {
        assertEquals(List.of("Down window", "Cooldown"), labels(ThresholdPolicy.defaults()));
        assertEquals(List.of("Metric", "Target utilisation", "Tolerance", "Down window", "Cooldown"),
                labels(ProportionalPolicy.defaults()));
        assertEquals(List.of("Target per worker", "Down window", "Cooldown"), labels(BacklogPolicy.defaults()));
        assertEquals(List.of("P(wait) target", "Max utilisation", "Down window", "Cooldown"),
                labels(CapacityPolicy.defaults()));
        assertEquals(List.of("Run p99 target", "Back-off factor", "Back-off gap", "Down window", "Cooldown"),
                labels(AimdPolicy.defaults()));
    }

    private static List<String> labels(ScalingPolicy p) {
        return PolicyParameter.of(p).stream().map(PolicyParameter::label).toList();
    }

    @Test
    void valuesAreShownInScreenUnits() {
        assertEquals("80", named(ProportionalPolicy.defaults(), "Target utilisation").value());
        assertEquals("10", named(ProportionalPolicy.defaults(), "Tolerance").value());
        assertEquals("20", named(CapacityPolicy.defaults(), "P(wait) target").value());
        assertEquals("100", named(AimdPolicy.defaults(), "Run p99 target").value());
        assertEquals("3", named(BacklogPolicy.defaults(), "Down window").value());
    }

    @Test
    void aTypedValueMakesThePolicyWithOnlyThatParameterChanged() {
        ProportionalPolicy hpa = (ProportionalPolicy) named(ProportionalPolicy.defaults(), "Tolerance").with("20 %");
        assertEquals(0.2, hpa.tolerance(), 1e-12);
        assertEquals(0.8, hpa.target(), 1e-12);
        CapacityPolicy capacity = (CapacityPolicy) named(CapacityPolicy.defaults(), "P(wait) target").with("5");
        assertEquals(0.05, capacity.maxWaitProbability(), 1e-12);
        AimdPolicy aimd = (AimdPolicy) named(AimdPolicy.defaults(), "Run p99 target").with("1,500");
        assertEquals(Duration.ofMillis(1500), aimd.runTimeTarget());
        AimdPolicy factor = (AimdPolicy) named(AimdPolicy.defaults(), "Back-off factor").with("0.5");
        assertEquals(0.5, factor.backoffFactor(), 1e-12);
        BacklogPolicy backlog = (BacklogPolicy) named(BacklogPolicy.defaults(), "Down window").with("0.25");
        assertEquals(Duration.ofMillis(250), backlog.downscaleWindow());
    }

    @Test
    void switchingTheHpaMetricStartsFromThatMetricsTarget() {
        ProportionalPolicy queue = (ProportionalPolicy) named(ProportionalPolicy.defaults(), "Metric")
                .with("queued per worker");
        assertEquals(ProportionalPolicy.Metric.QUEUE_PER_WORKER, queue.metric());
        assertEquals(10, queue.target(), 1e-12);
        assertEquals("10", named(queue, "Target per worker").value());
        assertTrue(named(queue, "Metric").isChoice());
    }

    @Test
    void badValuesAreRefusedInTheScreensWords() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> named(ProportionalPolicy.defaults(), "Tolerance").with("80"));
        assertEquals("Tolerance 80 % is not allowed: must be 0 to 50 %", range.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> named(CapacityPolicy.defaults(), "P(wait) target").with("lots"));
        assertEquals("P(wait) target \"lots\" is not a number: must be 0.1 to 99.9 %", text.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> named(ThresholdPolicy.defaults(), "Cooldown").with("5000"));
        assertEquals("Cooldown 5,000 s is not allowed: must be 0 to 3,600 s", big.getMessage());
    }
}
