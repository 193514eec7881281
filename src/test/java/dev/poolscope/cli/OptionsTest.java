package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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
        assertNull(o.jmxName());
    }

    @Test
    void jmxNamesThePoolForTheWindowAndForRuns() {
        assertEquals("orders EU", Options.parse("--jmx", "orders EU").jmxName());
        assertEquals("a,b=c", Options.parse("--headless", "--jmx=a,b=c").jmxName());
        assertEquals("--jmx '  ' is not allowed: must be a pool name of 1 to 100 characters, not all spaces",
                error("--jmx", "  "));
        assertEquals("--jmx '" + "x".repeat(101) + "' is not allowed: must be a pool name of 1 to 100 characters,"
                + " not all spaces", error("--jmx", "x".repeat(101)));
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
            assertEquals(p, Options.parse("--policy", p.name()).pool().overflowPolicy(), "as the engine spells it");
        }
    }

    @Test
    void readsDurationsWithUnits() {
        assertEquals(Duration.ofMillis(1500), Options.parse("--headless", "--duration", "1.5s").duration());
        assertEquals(Duration.ofHours(1), Options.parse("--headless", "--duration", "1h").duration());
        assertEquals(Duration.ofDays(1), Options.parse("--headless", "--duration", "1d").duration());
        assertEquals(Duration.ofNanos(1_500_000), Options.parse("--timeout", "1.5ms").pool().requestTimeout());
        assertEquals(Duration.ZERO, Options.parse("--timeout", "0s").pool().requestTimeout());
        assertEquals(Duration.ZERO, Options.parse("--timeout", "0").pool().requestTimeout(), "0 needs no unit");
    }

    @Test
    void helpAndVersionWinOverBadValues() {
        assertEquals(Options.Mode.HELP, Options.parse("--min", "0", "--help").mode());
        assertEquals(Options.Mode.HELP, Options.parse("-h").mode());
        assertEquals(Options.Mode.VERSION, Options.parse("--timeout", "forever", "--version").mode());
    }

    @Test
    void anUnknownFlagIsAnErrorEvenNextToHelpOrVersion() {
        assertEquals("--bogus is not a PoolScope flag", error("--help", "--bogus"));
        assertEquals("--bogus is not a PoolScope flag", error("--bogus", "--version"));
        assertEquals("unexpected argument 'burst': flags start with --", error("-h", "burst"));
        assertEquals("--help takes no value, got 'yes'", error("--help=yes"));
    }

    @Test
    void poolFlagsOutOfRangeNameFlagValueAndRange() {
        assertEquals("--min 0 is not allowed: must be between 1 and 1024", error("--min", "0"));
        assertEquals("--max 2000 is not allowed: must be between 1 and 1024", error("--max", "2000"));
        assertEquals("--threshold 0 is not allowed: must be between 1 and 10000000", error("--threshold", "0"));
        assertEquals("--capacity -5 is not allowed: must be between 1 and 10000000", error("--capacity", "-5"));
        assertEquals("--retries 101 is not allowed: must be between 0 and 100", error("--retries", "101"));
        assertEquals("--timeout 2h is not allowed: must be between 0ms and 1h", error("--timeout", "2h"));
    }

    @Test
    void timeoutAcceptsExactlyWhatTheEngineAccepts() {
        Duration limit = PoolConfig.DURATION_LIMIT;
        assertEquals(limit, Options.parse("--timeout", limit.toMillis() + "ms").pool().requestTimeout());
        assertEquals("--timeout 3600001ms is not allowed: must be between 0ms and 1h",
                error("--timeout", limit.toMillis() + 1 + "ms"));
    }

    @Test
    void hugeValuesAreOutOfRangeNeverAnOverflow() {
        assertEquals("--timeout 9999999999999d is not allowed: must be between 0ms and 1h",
                error("--timeout", "9999999999999d"));
        assertEquals("--duration 99999999999999999999h is not allowed: must be between 100ms and 24h",
                error("--headless", "--duration", "99999999999999999999h"));
        assertEquals("--interval 1e3s is not allowed: must be a duration between 10ms and 1h, such as 500ms, 30s"
                + " or 2m", error("--headless", "--interval", "1e3s"));
        assertEquals("--min 99999999999999999999 is not allowed: must be between 1 and 1024",
                error("--min", "99999999999999999999"));
        assertEquals("--capacity 2147483648 is not allowed: must be between 1 and 10000000",
                error("--capacity", "2147483648"));
        assertEquals("--seed 9223372036854775808 is not allowed: must be between -9223372036854775808 and"
                + " 9223372036854775807", error("--seed", "9223372036854775808"));
        assertEquals("--rate 1e400 is not allowed: must be between 1 and 1000000", error("--rate", "1e400"));
    }

    @Test
    void onlyAsciiDigitsAreNumbers() {
        assertEquals("--min \uff15 is not allowed: must be a whole number between 1 and 1024",
                error("--min", "\uff15"));
        assertEquals("--retries \u0663 is not allowed: must be a whole number between 0 and 100",
                error("--retries", "\u0663"));
        assertTrue(error("--seed", "\uff14\uff12").startsWith("--seed \uff14\uff12 is not allowed"));
        assertTrue(error("--rate", "\uff11\uff10").startsWith("--rate \uff11\uff10 is not allowed"));
        assertTrue(error("--timeout", "\uff15s").startsWith("--timeout \uff15s is not allowed"));
    }

    @Test
    void rateAcceptsPlainDecimalsOnly() {
        assertEquals(20_000.0, Options.parse("--rate", "2e4").rate());
        for (String javaOnly : new String[] {"100f", "100d", "0x10", "Infinity", "NaN", " 5", "+5", ".5"}) {
            assertEquals("--rate " + javaOnly + " is not allowed: must be a number between 1 and 1000000"
                    + " (requests per second)", error("--rate", javaOnly), javaOnly);
        }
    }

    @Test
    void durationsFinerThanANanosecondAreRefused() {
        assertEquals("--timeout 0.0000001ms is not allowed: must be a whole number of nanoseconds",
                error("--timeout", "0.0000001ms"));
    }

    @Test
    void maxBelowTheDefaultMinIsBlamedOnMax() {
        assertEquals("--max 1 is below --min 2 (the default): raise --max to 2 or more, or lower --min as well",
                error("--max", "1"));
    }

    @Test
    void minAboveTheDefaultMaxIsBlamedOnMin() {
        assertEquals("--min 20 is above --max 16 (the default): lower --min to 16 or less, or raise --max as well",
                error("--min", "20"));
    }

    @Test
    void crossedWorkerFlagsQuoteBothAsTyped() {
        assertEquals("--max 03 is below --min 5: --max must be at least --min", error("--min", "5", "--max", "03"));
        assertEquals(5, Options.parse("--min", "5", "--max", "5").pool().maxWorkers());
    }

    @Test
    void engineRefusalsAreRewordedInFlags() {
        assertEquals("--threshold 5000 is not allowed: must be at most --capacity (2000)", EngineMessages.inFlags(
                "loadThreshold = 5000 is not allowed: must be at most queueCapacity (2000)",
                Map.of("--threshold", "5000")));
        assertEquals("--capacity 2000 (the default) is not allowed: must be at least --threshold (5000)",
                EngineMessages.inFlags("queueCapacity = 2000 is not allowed: must be at least loadThreshold (5000)",
                        Map.of("--threshold", "5000")));
        assertEquals("--timeout 90m is not allowed: must be between 0 ms and 3600000 ms", EngineMessages.inFlags(
                "requestTimeout = 5400000 ms is not allowed: must be between 0 ms and 3600000 ms",
                Map.of("--timeout", "90m")));
    }

    @Test
    void rateOutOfRangeUsesTheLoadSettingsRange() {
        assertEquals("--rate 0 is not allowed: must be between 1 and 1000000", error("--rate", "0"));
        assertEquals("--rate 2e6 is not allowed: must be between 1 and 1000000", error("--rate", "2e6"));
    }

    @Test
    void badNumbersDurationsAndNamesSayWhatIsAllowed() {
        assertEquals("--min two is not allowed: must be a whole number between 1 and 1024", error("--min", "two"));
        assertEquals("--rate fast is not allowed: must be a number between 1 and 1000000 (requests per second)",
                error("--rate", "fast"));
        assertEquals("--seed 1.5 is not allowed: must be a whole number between -9223372036854775808 and"
                + " 9223372036854775807", error("--seed", "1.5"));
        assertEquals("--duration 30 is not allowed: must be a duration between 100ms and 24h, such as 500ms, 30s"
                + " or 2m", error("--headless", "--duration", "30"));
        assertEquals("--duration 50ms is not allowed: must be between 100ms and 24h",
                error("--headless", "--duration", "50ms"));
        assertEquals("--interval 1ms is not allowed: must be between 10ms and 1h",
                error("--headless", "--interval", "1ms"));
        assertEquals("--timeout soon is not allowed: must be a duration between 0ms and 1h, such as 500ms, 30s"
                + " or 2m", error("--timeout", "soon"));
        assertEquals("--scenario chaos is not allowed: must be one of steady, burst, ramp, sine, flaky, slow, "
                + "http-healthy, http-saturates, http-brownout",
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
        assertEquals("--seed only applies to a run: add --headless (or --smoke)", error("--seed", "7"));
        assertEquals("--csv needs a value; see --help", error("--headless", "--csv="));
        assertEquals("--min is given twice (3 and 4): give it once", error("--min", "3", "--min=4"));
        assertEquals("--headless is given twice: give it once", error("--headless", "--headless"));
    }

    @Test
    void durationsArePrintedExactlyAndReadBack() {
        for (Duration d : new Duration[] {Duration.ofMillis(500), Duration.ofNanos(500_000), Duration.ofSeconds(90),
                Duration.ofMillis(1500), Duration.ofSeconds(1).plusNanos(500_000), Duration.ofHours(2)}) {
            String text = DurationText.format(d);
            assertEquals(d, DurationText.parse("--timeout", text, Duration.ZERO, Duration.ofDays(1)), text);
        }
        assertEquals("0.5ms", DurationText.format(Duration.ofNanos(500_000)), "not 0ms, which reads as no limit");
    }

    @Test
    void helpListsEveryFlagTheParserReads() {
        for (String flag : Options.VALUED) {
            assertTrue(Usage.text().contains(flag + " "), "help lists " + flag);
        }
        for (String flag : Options.SWITCHES) {
            assertTrue(Usage.text().contains(flag), "help lists " + flag);
        }
    }
}
