package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.poolscope.load.LoadGenerator;

class HeadlessRunnerTest {

    @Test
    void aRunWhoseGeneratorDiedFailsAndSaysWhy() throws Exception {
        Options options = Options.parse("--headless", "--duration", "100ms", "--seed", "1");
        RunReport report = new HeadlessRunner(options, (pool, settings, seed) -> new LoadGenerator(pool, settings,
                new SplittableRandom(seed), () -> {
                    throw new IllegalStateException("clock broke");
                })).run();
        assertTrue(report.invariantHolds(), "nothing was lost, yet the run proves little");
        assertFalse(report.passed());
        assertTrue(report.summary().contains("; the load generator FAILED: java.lang.IllegalStateException: clock"
                + " broke"), report.summary());
        assertTrue(report.smokeLine().startsWith("PoolScope smoke FAILED: "), report.smokeLine());
    }
}
