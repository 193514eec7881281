package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.Scenario;

class OptionsTest {

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> Options.parse(args)).getMessage();
    }

    @Test
    void noFlagsOpenTheWindowWithTheDashboardDefaults() {
        Options o = Options.parse();
        assertEquals(Options.Mode.WINDOW, o.mode());
        assertEquals(Scenario.STEADY, o.scenario());
        assertEquals(Scenario.suggestedConfig(), o.pool());
        assertNull(o.rate());
        assertNull(o.csv());
        assertNull(o.seed());
    }

    @Test
    void parsesEveryHeadlessFlag() {
        Options o = Options.parse("--headless", "--scenario", "flaky", "--duration", "2m", "--min", "3",
                "--max=20", "--threshold", "80", "--capacity", "5000", "--rate", "1500.5", "--timeout", "250ms",
                "--retries", "0", "--policy", "caller-runs", "--interval", "500ms", "--csv", "out.csv",
                "--seed", "-42");
        assertEquals(Options.Mode.HEADLESS, o.mode());
        assertEquals(Scenario.FLAKY_DOWNSTREAM, o.scenario());
        assertEquals(Duration.ofMinutes(2), o.duration());
        PoolConfig p = o.pool();
        assertEquals(3, p.minWorkers());
        assertEquals(20, p.maxWorkers());
        assertEquals(80, p.loadThreshold());
        assertEquals(5000, p.queueCapacity());
        assertEquals(Duration.ofMillis(250), p.requestTimeout());
        assertEquals(0, p.maxRetries());
        assertEquals(OverflowPolicy.CALLER_RUNS, p.overflowPolicy());
        assertEquals(1500.5, o.rate());
        assertEquals(Duration.ofMillis(500), o.interval());
        assertEquals(Path.of("out.csv"), o.csv());
        assertEquals(-42L, o.seed());
    }

    @Test
    void headlessDefaultsToThirtySecondsSampledEverySecond() {
        Options o = Options.parse("--headless");
        assertEquals(Duration.ofSeconds(30), o.duration());
        assertEquals(Duration.ofSeconds(1), o.interval());
    }

    @Test
    void smokeDefaultsToOneSecondAtAThousandPerSecond() {
        Options o = Options.parse("--smoke");
        assertEquals(Options.Mode.SMOKE, o.mode());
        assertEquals(Duration.ofSeconds(1), o.duration());
        assertEquals(1000.0, o.rate());
    }

    @Test
    void acceptsEveryScenarioAndPolicyName() {
        for (String name : Options.SCENARIO_NAMES) {
            assertEquals(name, Options.nameOf(Options.parse("--scenario", name).scenario()));
        }
        for (OverflowPolicy p : OverflowPolicy.values()) {
            assertEquals(p, Options.parse("--policy", Options.nameOf(p)).pool().overflowPolicy());
        }
    }

    @Test
    void readsDurationsWithUnits() {
        assertEquals(Duration.ofMillis(1500), Options.parse("--headless", "--duration", "1.5s").duration());
        assertEquals(Duration.ofHours(1), Options.parse("--headless", "--duration", "1h").duration());
        assertEquals(Duration.ZERO, Options.parse("--timeout", "0s").pool().requestTimeout());
    }

    @Test
    void helpAndVersionWinOverEverythingElse() {
        assertEquals(Options.Mode.HELP, Options.parse("--min", "0", "--help").mode());
        assertEquals(Options.Mode.HELP, Options.parse("-h").mode());
        assertEquals(Options.Mode.VERSION, Options.parse("--bogus", "--version").mode());
    }

    @Test
    void poolFlagsOutOfRangeNameFlagValueAndRange() {
        assertEquals("--min 0 is not allowed: must be between 1 and 1024", error("--min", "0"));
        assertEquals("--max 2000 is not allowed: must be between 1 and 1024", error("--max", "2000"));
        assertEquals("--threshold 0 is not allowed: must be between 1 and 10000000", error("--threshold", "0"));
        assertEquals("--capacity -5 is not allowed: must be between 1 and 10000000", error("--capacity", "-5"));
        assertEquals("--retries 101 is not allowed: must be between 0 and 100", error("--retries", "101"));
        assertEquals("--timeout 2h is not allowed: must be between 0 ms and 3600000 ms", error("--timeout", "2h"));
    }

    @Test
    void minAboveMaxIsBlamedOnMinEvenWhenMinIsTheDefault() {
        assertEquals("--min 20 is not allowed: must be at most maxWorkers (16); the allowed range is 1 to 16",
                error("--min", "20"));
        assertEquals("--min 2 (the default) is not allowed: must be at most maxWorkers (1); the allowed range is"
                + " 1 to 1", error("--max", "1"));
    }

    @Test
    void rateOutOfRangeUsesTheLoadSettingsRange() {
        assertEquals("--rate 0 is not allowed: must be between 1 and 1000000", error("--rate", "0"));
        assertEquals("--rate 2e6 is not allowed: must be between 1 and 1000000", error("--rate", "2e6"));
    }

    @Test
    void badNumbersDurationsAndNamesSayWhatIsAllowed() {
        assertEquals("--min two is not allowed: must be a whole number", error("--min", "two"));
        assertEquals("--rate fast is not allowed: must be a number of requests per second", error("--rate", "fast"));
        assertEquals("--seed 1.5 is not allowed: must be a whole number", error("--seed", "1.5"));
        assertEquals("--duration 30 is not allowed: must be a duration such as 500ms, 30s or 2m",
                error("--headless", "--duration", "30"));
        assertEquals("--duration 50ms is not allowed: must be between 100ms and 24h",
                error("--headless", "--duration", "50ms"));
        assertEquals("--interval 1ms is not allowed: must be between 10ms and 1h",
                error("--headless", "--interval", "1ms"));
        assertEquals("--timeout soon is not allowed: must be a duration such as 500ms, 30s or 2m",
                error("--timeout", "soon"));
        assertEquals("--scenario chaos is not allowed: must be one of steady, burst, ramp, sine, flaky, slow",
                error("--scenario", "chaos"));
        assertEquals("--policy drop is not allowed: must be one of block, caller-runs, drop-newest, drop-oldest",
                error("--policy", "drop"));
    }

    @Test
    void malformedCommandLinesAreExplained() {
        assertEquals("--frobnicate is not a PoolScope flag", error("--frobnicate"));
        assertEquals("--min needs a value; see --help", error("--min"));
        assertEquals("--min needs a value; see --help", error("--min", "--headless"));
        assertEquals("unexpected argument 'burst': flags start with --", error("--headless", "burst"));
        assertEquals("--headless takes no value, got 'yes'", error("--headless=yes"));
        assertEquals("--headless cannot be combined with --smoke: pick one", error("--smoke", "--headless"));
        assertEquals("--csv only applies to a run: add --headless (or --smoke)", error("--csv", "x.csv"));
    }
}
