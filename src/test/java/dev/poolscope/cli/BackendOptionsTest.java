package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.LatencyShape;
import dev.poolscope.load.Scenario;

class BackendOptionsTest {

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> Options.parse(args)).getMessage();
    }

    @Test
    void everyBackendFlagReplacesOneOfTheScenariosSettings() {
        Options options = Options.parse("--headless", "--scenario", "http-saturates", "--backend-latency",
                "heavy-tailed", "--backend-mean", "35ms", "--backend-errors", "0.05", "--backend-limit", "12",
                "--backend-reject-above=40");
        assertEquals(new BackendSettings(LatencyShape.HEAVY_TAILED, Duration.ofMillis(35), 0.05, 12, 40),
                options.backend());
    }

    @Test
    void flagsNotGivenKeepTheScenariosOwn() {
        BackendSettings own = Scenario.HTTP_HEALTHY.backend();
        assertEquals(own.withShape(LatencyShape.CONSTANT), Options.parse("--headless", "--scenario",
                "http-healthy", "--backend-latency", "CONSTANT").backend());
        assertNull(Options.parse("--headless", "--scenario", "http-healthy").backend(), "no flag: the scenario's own");
    }

    @Test
    void theWindowTakesThemToo() {
        assertEquals(Scenario.HTTP_BROWNOUT.backend().withErrorRate(0),
                Options.parse("--scenario", "http-brownout", "--backend-errors", "0").backend());
    }

    @Test
    void badValuesNameTheFlagTheValueAndTheRange() {
        assertEquals("--backend-latency spiky is not allowed: must be one of constant, log-normal, heavy-tailed",
                error("--scenario", "http-healthy", "--backend-latency", "spiky"));
        assertEquals("--backend-mean 3s is not allowed: must be between 0ms and 2s",
                error("--scenario", "http-healthy", "--backend-mean", "3s"));
        assertTrue(error("--scenario", "http-healthy", "--backend-mean", "20").startsWith(
                "--backend-mean 20 is not allowed: must be a duration between 0ms and 2s"));
        assertEquals("--backend-errors 1.5 is not allowed: must be between 0 and 1",
                error("--scenario", "http-healthy", "--backend-errors", "1.5"));
        assertEquals("--backend-errors 5% is not allowed: must be a number between 0 and 1 (a fraction of calls "
                + "answered 500)", error("--scenario", "http-healthy", "--backend-errors", "5%"));
        assertEquals("--backend-limit 0 is not allowed: must be between 1 and 1000",
                error("--scenario", "http-healthy", "--backend-limit", "0"));
        assertEquals("--backend-reject-above 1001 is not allowed: must be between 1 and 1000",
                error("--scenario", "http-healthy", "--backend-reject-above", "1001"));
    }

    @Test
    void crossedLimitsBlameTheFlagTyped() {
        assertEquals("--backend-limit 100 is above http-healthy's 503 limit 64 (the default of "
                + "--backend-reject-above): lower --backend-limit to 64 or less, or raise --backend-reject-above "
                + "as well", error("--scenario", "http-healthy", "--backend-limit", "100"));
        assertEquals("--backend-reject-above 4 is below http-saturates's concurrency limit 6 (the default of "
                + "--backend-limit): raise --backend-reject-above to 6 or more, or lower --backend-limit as well",
                error("--scenario", "http-saturates", "--backend-reject-above", "4"));
        assertEquals("--backend-reject-above 10 is below --backend-limit 20: --backend-reject-above must be at "
                + "least --backend-limit", error("--scenario", "http-saturates", "--backend-limit", "20",
                "--backend-reject-above", "10"));
        assertEquals(Scenario.HTTP_SATURATES.backend().withLimits(30, 30), Options.parse("--scenario",
                "http-saturates", "--backend-limit", "30", "--backend-reject-above", "30").backend());
    }

    @Test
    void aScenarioWithoutABackendRefusesThem() {
        assertEquals("--backend-mean only applies to an HTTP scenario (http-healthy, http-saturates, "
                + "http-brownout); --scenario burst has no backend",
                error("--headless", "--scenario", "burst", "--backend-mean", "10ms"));
        assertTrue(error("--headless", "--backend-limit", "4").endsWith("--scenario steady has no backend"),
                "the default scenario has none either");
    }

    @Test
    void connectRefusesThem() {
        assertEquals("--backend-limit cannot be combined with --connect: the watched JVM runs no backend of ours",
                error("--connect", "4242", "--scenario", "http-healthy", "--backend-limit", "4"));
    }
}
