package dev.poolscope.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ScalingPolicy;
import dev.poolscope.http.BackendSettings;
import dev.poolscope.load.LoadSettings;
import dev.poolscope.load.Scenario;
import dev.poolscope.remote.JmxTarget;

/**
 * The parsed and validated command line. {@link #parse} either returns options that can all be used as they are,
 * or throws {@link IllegalArgumentException} whose message names the flag, the value given and what is allowed,
 * e.g. {@code --min 0 is not allowed: must be between 1 and 1024}. Pool flags are checked against the engine's
 * own limits ({@link PoolConfig}'s public constants) as they are read, then by building the engine's config from
 * {@link Scenario#suggestedConfig()}; whatever the engine still refuses is reworded in flags
 * ({@link EngineMessages}), so no message ever names an engine field the user never typed.
 *
 * @param mode     what to do
 * @param scenario the load to run
 * @param duration how long a headless or smoke run lasts
 * @param pool     the pool's config
 * @param rate     requests per second replacing the scenario's base rate, or null for the scenario's own
 * @param interval how often the headless runner samples the pool (one CSV row each)
 * @param csv      where to write the per-interval CSV, or null for none
 * @param seed     seed for the load's random draws, or null for a fresh one each run
 * @param jmxName  the name to register the pool under in the platform MBean server, or null for none
 * @param entrants the scaling policies a tournament runs, in the order given; empty for other modes
 * @param json     where a tournament writes its table as JSON, or null for none
 * @param settle   how long after the start scaling events are not counted (the pool settling from min)
 * @param connect  the JVM to watch instead of running a pool here ({@code --connect}), or null
 * @param poolName the pool to watch in that JVM ({@code --pool}), or null for its only pool
 * @param backend  an HTTP scenario's backend settings after the {@code --backend-…} flags, or null for the
 *                 scenario's own (and for a scenario without a backend)
 */
public record Options(Mode mode, Scenario scenario, Duration duration, PoolConfig pool, Double rate,
                      Duration interval, Path csv, Long seed, String jmxName, List<ScalingPolicy> entrants,
                      Path json, Duration settle, JmxTarget connect, String poolName, BackendSettings backend) {

    public Options {
        entrants = List.copyOf(entrants);
    }

    /** What the program does with these options. */
    public enum Mode {
        /** No mode flag: open the JavaFX window. */
        WINDOW,
        /** {@code --headless}: run a scenario without a window, write CSV and a summary. */
        HEADLESS,
        /** {@code --smoke}: a one-second run that checks the engine and prints one line. */
        SMOKE,
        /** {@code --tournament}: run each scaling policy on the same seeded load and rank them. */
        TOURNAMENT,
        /** {@code --version}. */
        VERSION,
        /** {@code --help}. */
        HELP
    }

    /** Headless runs last this long unless {@code --duration} says otherwise. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
    /** A smoke run lasts this long unless {@code --duration} says otherwise. */
    public static final Duration SMOKE_DURATION = Duration.ofSeconds(1);
    /** A smoke run's rate unless {@code --rate} says otherwise. */
    public static final double SMOKE_RATE = 1000;
    /** The CSV sampling interval unless {@code --interval} says otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    static final Duration MIN_DURATION = Duration.ofMillis(100);
    static final Duration MAX_DURATION = Duration.ofHours(24);
    static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    static final Duration MAX_INTERVAL = Duration.ofHours(1);
    static final int MAX_JMX_NAME_LENGTH = 100;

    /** Command-line names of the scenarios, in menu order. */
    static final Map<String, Scenario> SCENARIOS = Map.of(
            "steady", Scenario.STEADY, "burst", Scenario.BURST, "ramp", Scenario.RAMP, "sine", Scenario.SINE,
            "flaky", Scenario.FLAKY_DOWNSTREAM, "slow", Scenario.SLOW_DOWNSTREAM, "http-healthy", Scenario.HTTP_HEALTHY,
            "http-saturates", Scenario.HTTP_SATURATES, "http-brownout", Scenario.HTTP_BROWNOUT);
    static final List<String> SCENARIO_NAMES = List.of("steady", "burst", "ramp", "sine", "flaky", "slow",
            "http-healthy", "http-saturates", "http-brownout");

    /** Command-line names of the overflow policies: {@code DROP_NEWEST} is {@code drop-newest}. */
    static final Map<String, OverflowPolicy> POLICIES = Arrays.stream(OverflowPolicy.values())
            .collect(Collectors.toMap(Options::nameOf, p -> p));
    private static final List<String> POLICY_NAMES = POLICIES.keySet().stream().sorted().toList();

    /** Flags that take no value. */
    static final Set<String> SWITCHES = Set.of("--headless", "--smoke", "--tournament", "--version", "--help", "-h",
            "--compare");
    /** Flags that take one value. */
    static final Set<String> VALUED = Stream.concat(Stream.of("--scenario", "--duration", "--interval", "--rate",
            "--seed", "--min", "--max", "--threshold", "--capacity", "--timeout", "--retries", "--policy", "--csv",
            "--json", "--settle", "--jmx", "--connect", "--pool"),
            Stream.concat(ScalingFlags.VALUED.stream(), BackendFlags.VALUED.stream()))
            .collect(Collectors.toUnmodifiableSet());

    /** Flags that set up this machine's pool or its load: a watched JVM's pool has its own. */
    private static final Set<String> LOCAL_POOL_OR_LOAD = Stream.concat(Stream.of("--scenario", "--rate", "--seed",
            "--min", "--max", "--threshold", "--capacity", "--timeout", "--retries", "--policy", "--settle"),
            ScalingFlags.VALUED.stream()).collect(Collectors.toUnmodifiableSet());

    /** These options for one tournament entrant: a headless run of {@code policy} on the shared seed, no files. */
    Options forEntrant(ScalingPolicy policy, long sharedSeed) {
        return new Options(Mode.HEADLESS, scenario, duration, pool.toBuilder().scalingPolicy(policy).build(), rate,
                interval, null, sharedSeed, null, List.of(), null, settle, null, null, backend);
    }

    /** The command-line name of {@code scenario}, e.g. {@code flaky}. */
    public static String nameOf(Scenario scenario) {
        return SCENARIOS.entrySet().stream().filter(e -> e.getValue() == scenario).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    /** The command-line name of {@code policy}, e.g. {@code drop-newest}. */
    public static String nameOf(OverflowPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses {@code args}; flags take their value as the next argument or after {@code =}. {@code --help} and
     * {@code --version} win over bad values, but not over a command line that does not split into known flags.
     */
    public static Options parse(String... args) {
        List<Arguments.Given> given = Arguments.split(args, SWITCHES, VALUED);
        Set<String> flags = given.stream().map(Arguments.Given::flag).collect(Collectors.toSet());
        if (flags.contains("--help") || flags.contains("-h")) {
            return new Options(Mode.HELP, Scenario.STEADY, DEFAULT_DURATION, Scenario.suggestedConfig(), null,
                    DEFAULT_INTERVAL, null, null, null, List.of(), null, Duration.ZERO, null, null, null);
        }
        if (flags.contains("--version")) {
            return new Options(Mode.VERSION, Scenario.STEADY, DEFAULT_DURATION, Scenario.suggestedConfig(), null,
                    DEFAULT_INTERVAL, null, null, null, List.of(), null, Duration.ZERO, null, null, null);
        }
        Parser parser = new Parser();
        given.forEach(g -> parser.apply(g.flag(), g.value()));
        return parser.finish();
    }

    /** Reads the flags one by one; holds what has been seen so far. */
    private static final class Parser {
        private Mode mode = Mode.WINDOW;
        private Scenario scenario = Scenario.STEADY;
        private Duration duration;
        private Double rate;
        private Duration interval;
        private Path csv;
        private Long seed;
        private String jmxName;
        private Path json;
        private Duration settle;
        private final ScalingFlags scaling = new ScalingFlags();
        private final BackendFlags backend = new BackendFlags();
        private JmxTarget connect;
        private String poolName;
        private boolean compare;
        private Integer min;
        private Integer max;
        private final PoolConfig.Builder pool = Scenario.suggestedConfig().toBuilder();
        // Flag → the text the user typed for it, for error messages.
        private final Map<String, String> typed = new HashMap<>();
        // The first flag given that sets up the local pool or load, for refusing it with --connect.
        private String localFlag;

        private void apply(String flag, String text) {
            if (text != null) {
                typed.put(flag, text);
            }
            if (localFlag == null && LOCAL_POOL_OR_LOAD.contains(flag)) {
                localFlag = flag;
            }
            switch (flag) {
                case "--headless" -> setMode(Mode.HEADLESS, flag);
                case "--smoke" -> setMode(Mode.SMOKE, flag);
                case "--tournament" -> setMode(Mode.TOURNAMENT, flag);
                case "--compare" -> compare = true;
                case "--scenario" -> scenario = FlagValues.choice(flag, text, SCENARIOS, SCENARIO_NAMES);
                case "--duration" -> duration = DurationText.parse(flag, text, MIN_DURATION, MAX_DURATION);
                case "--interval" -> interval = DurationText.parse(flag, text, MIN_INTERVAL, MAX_INTERVAL);
                case "--rate" -> rate = FlagValues.decimal(flag, text, LoadSettings.MIN_RATE, LoadSettings.MAX_RATE,
                        "requests per second");
                case "--seed" -> seed = FlagValues.wholeNumber(flag, text, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--min" -> {
                    min = count(flag, text, 1, PoolConfig.WORKER_LIMIT);
                    pool.minWorkers(min);
                }
                case "--max" -> {
                    max = count(flag, text, 1, PoolConfig.WORKER_LIMIT);
                    pool.maxWorkers(max);
                }
                case "--threshold" -> pool.loadThreshold(count(flag, text, 1, PoolConfig.THRESHOLD_LIMIT));
                case "--capacity" -> pool.queueCapacity(count(flag, text, 1, PoolConfig.CAPACITY_LIMIT));
                case "--retries" -> pool.maxRetries(count(flag, text, 0, PoolConfig.RETRY_LIMIT));
                case "--timeout" -> pool.requestTimeout(DurationText.parse(flag, text, Duration.ZERO,
                        PoolConfig.DURATION_LIMIT));
                case "--policy" -> pool.overflowPolicy(FlagValues.choice(flag, text, POLICIES, POLICY_NAMES));
                case "--csv" -> csv = FlagValues.path(flag, text);
                case "--jmx" -> jmxName = jmxName(flag, text);
                case "--json" -> json = FlagValues.path(flag, text);
                case "--settle" -> settle = DurationText.parse(flag, text, Duration.ZERO, MAX_DURATION);
                case "--connect" -> connect = target(flag, text);
                case "--pool" -> poolName = jmxName(flag, text);
                default -> {
                    if (BackendFlags.VALUED.contains(flag)) {
                        backend.apply(flag, text);
                    } else if (ScalingFlags.VALUED.contains(flag)) {
                        scaling.apply(flag, text);
                    } else {
                        throw new IllegalStateException(flag + " is listed as a flag but not read");
                    }
                }
            }
        }

        private Options finish() {
            boolean tournament = mode == Mode.TOURNAMENT;
            pool.scalingPolicy(scaling.poolPolicy(tournament));
            PoolConfig config = poolConfig();
            BackendSettings backendSettings = backend.settingsFor(scenario);
            if (mode == Mode.WINDOW) {
                requireRunMode("--csv", csv);
                requireRunMode("--duration", duration);
                requireRunMode("--interval", interval);
                requireRunMode("--seed", seed);
                requireRunMode("--settle", settle);
            }
            if (compare) {
                requireComparable();
            }
            if (json != null && !tournament) {
                throw new IllegalArgumentException("--json only applies to a tournament: add --tournament");
            }
            Path jsonFile = json == null ? null : json.toAbsolutePath().normalize();
            if (jsonFile != null && csv != null && jsonFile.equals(csv.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--csv and --json name the same file (" + jsonFile + "): the "
                        + "JSON would overwrite the CSV; give each its own");
            }
            if (poolName != null && connect == null) {
                throw new IllegalArgumentException("--pool only applies with --connect: name the JVM that runs it");
            }
            if (connect != null && mode == Mode.SMOKE) {
                throw new IllegalArgumentException("--connect cannot be combined with --smoke: use --headless");
            }
            if (connect != null && tournament) {
                throw new IllegalArgumentException("--connect cannot be combined with --tournament: a tournament "
                        + "runs each policy on a pool of its own, on this machine");
            }
            if (tournament && jmxName != null) {
                throw new IllegalArgumentException("--jmx cannot be combined with --tournament: its entrants run "
                        + "one after another, each on a pool of its own");
            }
            if (connect != null && backendSettings != null) {
                throw new IllegalArgumentException(backend.firstGiven() + " cannot be combined with --connect: the "
                        + "watched JVM runs no backend of ours");
            }
            if (connect != null && jmxName != null) {
                throw new IllegalArgumentException("--connect cannot be combined with --jmx: a watched pool is "
                        + "registered in its own JVM");
            }
            if (connect != null && localFlag != null) {
                throw new IllegalArgumentException(localFlag + " cannot be combined with --connect: the watched "
                        + "pool keeps its own settings and load (retune it from the window or over JMX)");
            }
            if (mode == Mode.SMOKE) {
                duration = duration != null ? duration : SMOKE_DURATION;
                rate = rate != null ? rate : SMOKE_RATE;
            }
            Duration runs = duration != null ? duration : DEFAULT_DURATION;
            if (settle != null && settle.compareTo(runs) >= 0) {
                // Nothing would be counted: every policy would look perfectly calm.
                throw new IllegalArgumentException("--settle " + DurationText.format(settle) + " is not allowed: "
                        + "must be shorter than the run (--duration " + DurationText.format(runs) + ")");
            }
            return new Options(mode, scenario, duration != null ? duration : DEFAULT_DURATION, config, rate,
                    interval != null ? interval : DEFAULT_INTERVAL, csv, seed, jmxName,
                    tournament ? scaling.entrantPolicies() : List.of(), json, settle != null ? settle : Duration.ZERO,
                    connect, poolName, backendSettings);
        }

        private PoolConfig poolConfig() {
            PoolConfig defaults = Scenario.suggestedConfig();
            int least = min != null ? min : defaults.minWorkers();
            int most = max != null ? max : defaults.maxWorkers();
            if (least > most) {
                throw new IllegalArgumentException(workersCrossed(least, most));
            }
            try {
                return pool.build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(EngineMessages.inFlags(e.getMessage(), typed), e);
            }
        }

        /** Blames the flag the user typed; when both were typed, max is the one below the other. */
        private String workersCrossed(int least, int most) {
            if (max == null) {
                return "--min " + typed.get("--min") + " is above --max " + most + " (the default): lower --min to "
                        + most + " or less, or raise --max as well";
            }
            if (min == null) {
                return "--max " + typed.get("--max") + " is below --min " + least + " (the default): raise --max to "
                        + least + " or more, or lower --min as well";
            }
            return "--max " + typed.get("--max") + " is below --min " + typed.get("--min")
                    + ": --max must be at least --min";
        }

        /** {@code --compare} opens the A/B window on this machine, fed one scenario of simulated work. */
        private void requireComparable() {
            if (mode != Mode.WINDOW) {
                throw new IllegalArgumentException("--compare opens the A/B window: it cannot be combined with --"
                        + mode.name().toLowerCase(Locale.ROOT));
            }
            if (connect != null) {
                throw new IllegalArgumentException("--compare cannot be combined with --connect: it compares two "
                        + "pools of its own");
            }
            if (scenario.backend() != null) {
                throw new IllegalArgumentException("--compare cannot run --scenario " + typed.get("--scenario")
                        + ": an HTTP scenario drives one pool; pick one of steady, burst, ramp, sine, flaky, slow");
            }
        }

        private void setMode(Mode m, String flag) {
            if (mode != Mode.WINDOW && mode != m) {
                throw new IllegalArgumentException(flag + " cannot be combined with --" + mode.name()
                        .toLowerCase(Locale.ROOT) + ": pick one");
            }
            mode = m;
        }

        private static void requireRunMode(String flag, Object value) {
            if (value != null) {
                throw new IllegalArgumentException(flag + " only applies to a run: add --headless (or --smoke)");
            }
        }

        /** Any pool name JMX can show: the object name quotes what it must, so only emptiness is refused. */
        private static String jmxName(String flag, String text) {
            if (text.isBlank() || text.length() > MAX_JMX_NAME_LENGTH) {
                throw new IllegalArgumentException(flag + " '" + text + "' is not allowed: must be a pool name of 1 to "
                        + MAX_JMX_NAME_LENGTH + " characters, not all spaces");
            }
            return text;
        }

        /** A pid, host:port or service:jmx: URL; the message names the flag and what it accepts. */
        private static JmxTarget target(String flag, String text) {
            try {
                return JmxTarget.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(flag + " " + e.getMessage().replaceFirst("^target ", ""), e);
            }
        }

        private static int count(String flag, String text, int lowest, int highest) {
            return (int) FlagValues.wholeNumber(flag, text, lowest, highest);
        }
    }
}
