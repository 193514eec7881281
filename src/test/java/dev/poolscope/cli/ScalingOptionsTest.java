package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.AimdPolicy;
import dev.poolscope.engine.BacklogPolicy;
import dev.poolscope.engine.CapacityPolicy;
import dev.poolscope.engine.ProportionalPolicy;
import dev.poolscope.engine.ScalingPolicy;
import dev.poolscope.engine.ThresholdPolicy;

class ScalingOptionsTest {

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> Options.parse(args)).getMessage();
    }

    @Test
    void theDefaultIsTheThresholdPolicyWithItsDefaults() {
        assertEquals(ThresholdPolicy.defaults(), Options.parse("--headless").pool().scalingPolicy());
    }

    @Test
    void scalingPicksAPolicyAndItsFlagsTuneIt() {
        ScalingPolicy hpa = Options.parse("--headless", "--scaling", "hpa", "--hpa-metric", "queue",
                "--hpa-target", "10", "--hpa-tolerance", "0.2", "--down-window", "5s", "--cooldown", "200ms")
                .pool().scalingPolicy();
        assertEquals(new ProportionalPolicy(ProportionalPolicy.Metric.QUEUE_PER_WORKER, 10, 0.2,
                Duration.ofSeconds(5), Duration.ofMillis(200)), hpa);
        assertEquals(new BacklogPolicy(4, Duration.ofSeconds(3), Duration.ZERO),
                Options.parse("--scaling", "BACKLOG", "--backlog-target", "4").pool().scalingPolicy());
        assertEquals(new CapacityPolicy(0.1, 0.8, Duration.ofSeconds(3), Duration.ZERO), Options.parse(
                "--scaling", "capacity", "--capacity-wait", "0.1", "--capacity-utilisation", "0.8").pool()
                .scalingPolicy());
        AimdPolicy aimd = (AimdPolicy) Options.parse("--scaling", "aimd", "--aimd-target", "50ms", "--aimd-factor",
                "0.75").pool().scalingPolicy();
        assertEquals(Duration.ofMillis(50), aimd.runTimeTarget());
        assertEquals(0.75, aimd.backoffFactor());
    }

    @Test
    void badValuesNameTheFlagTheValueAndTheRange() {
        assertEquals("--scaling fastest is not allowed: must be one of threshold, hpa, backlog, capacity, aimd",
                error("--scaling", "fastest"));
        assertEquals("--hpa-tolerance 0.7 is not allowed: must be between 0 and 0.5",
                error("--scaling", "hpa", "--hpa-tolerance", "0.7"));
        assertEquals("--hpa-target 10 is not allowed: must be between 0.01 and 1 for the utilisation metric",
                error("--scaling", "hpa", "--hpa-target", "10"));
        assertEquals("--hpa-target 0 is not allowed: must be between 0.01 and 1 for the utilisation metric",
                error("--scaling", "hpa", "--hpa-target", "0"));
        assertEquals("--hpa-target 0 is not allowed: must be between 0.01 and 10000000 for the queue metric",
                error("--scaling", "hpa", "--hpa-target", "0", "--hpa-metric", "queue"));
        assertEquals("--hpa-tolerance -0.1 is not allowed: must be between 0 and 0.5",
                error("--scaling", "hpa", "--hpa-tolerance", "-0.1"), "a negative number is a number");
        assertEquals("--settle 10s is not allowed: must be shorter than the run (--duration 300ms)",
                error("--headless", "--duration", "300ms", "--settle", "10s"), "nothing would be counted");
        assertEquals("--settle 30s is not allowed: must be shorter than the run (--duration 30s)",
                error("--tournament", "--settle", "30s"));
        assertEquals("--csv and --json name the same file (" + Path.of("same.out").toAbsolutePath() + "): the JSON "
                + "would overwrite the CSV; give each its own",
                error("--tournament", "--csv", "same.out", "--json", "./same.out"));
        assertEquals("--capacity-wait 1 is not allowed: must be between 0.001 and 0.999",
                error("--scaling", "capacity", "--capacity-wait", "1"));
        assertEquals("--aimd-factor 0.05 is not allowed: must be between 0.1 and 0.99",
                error("--scaling", "aimd", "--aimd-factor", "0.05"));
        assertTrue(error("--down-window", "2h").startsWith("--down-window 2h is not allowed"),
                error("--down-window", "2h"));
        assertEquals("--policies threshold,fast is not allowed: 'fast' must be one of threshold, hpa, backlog, capacity, "
                + "aimd",
                error("--tournament", "--policies", "threshold,fast"));
    }

    @Test
    void aFlagForAPolicyNotInPlayIsAnError() {
        assertEquals("--hpa-target 0.5 only applies to the hpa policy: add --scaling hpa",
                error("--headless", "--hpa-target", "0.5"));
        assertEquals("--backlog-target 3 only applies to the backlog policy: add it to --policies",
                error("--tournament", "--policies", "hpa,aimd", "--backlog-target", "3"));
        assertEquals("--policies only applies to a tournament: add --tournament",
                error("--headless", "--policies", "hpa"));
        assertEquals("--json only applies to a tournament: add --tournament", error("--headless", "--json", "x.json"));
        assertTrue(error("--tournament", "--scaling", "hpa").contains("cannot be combined with --tournament"));
    }

    @Test
    void aTournamentRunsAllFivePoliciesUnlessTold() {
        Options all = Options.parse("--tournament", "--scenario", "burst", "--seed", "4");
        assertEquals(Options.Mode.TOURNAMENT, all.mode());
        assertEquals(ScalingPolicy.NAMES, all.entrants().stream().map(ScalingPolicy::name).toList());
        Options two = Options.parse("--tournament", "--policies", "aimd,threshold", "--aimd-factor", "0.5");
        assertEquals(List.of("aimd", "threshold"), two.entrants().stream().map(ScalingPolicy::name).toList());
        assertEquals(0.5, ((AimdPolicy) two.entrants().get(0)).backoffFactor());
        assertEquals("--policies hpa,hpa is not allowed: names hpa twice",
                error("--tournament", "--policies", "hpa,hpa"));
    }

    @Test
    void everyEntrantSharesOneSeedAndNoFiles() {
        Options t = Options.parse("--tournament", "--policies", "hpa", "--csv", "t.csv", "--json", "t.json");
        Options entrant = t.forEntrant(t.entrants().get(0), 99);
        assertEquals(Options.Mode.HEADLESS, entrant.mode());
        assertEquals(99L, entrant.seed());
        assertEquals(null, entrant.csv());
        assertEquals("hpa", entrant.pool().scalingPolicy().name());
    }
}
