package dev.poolscope.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.LoadSettings;
import dev.poolscope.load.Scenario;

/**
 * The parsed and validated command line. {@link #parse} either returns options that can all be used as they are,
 * or throws {@link IllegalArgumentException} whose message names the flag, the value given and what is allowed,
 * e.g. {@code --min 0 is not allowed: must be between 1 and 1024}. Pool flags are checked by building the
 * engine's {@link PoolConfig}, starting from {@link Scenario#suggestedConfig()}, so the command line and the
 * engine can never disagree about what is valid.
 *
 * @param mode     what to do
 * @param scenario the load to run
 * @param duration how long a headless or smoke run lasts
 * @param pool     the pool's config
 * @param rate     requests per second replacing the scenario's base rate, or null for the scenario's own
 * @param interval how often the headless runner samples the pool (one CSV row each)
 * @param csv      where to write the per-interval CSV, or null for none
 * @param seed     seed for the load's random draws, or null for a fresh one each run
 */
public record Options(Mode mode, Scenario scenario, Duration duration, PoolConfig pool, Double rate,
                      Duration interval, Path csv, Long seed) {

    /** What the program does with these options. */
    public enum Mode {
        /** No mode flag: open the JavaFX window. */
        WINDOW,
        /** {@code --headless}: run a scenario without a window, write CSV and a summary. */
        HEADLESS,
        /** {@code --smoke}: a one-second run that checks the engine and prints one line. */
        SMOKE,
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

    private static final Duration MIN_DURATION = Duration.ofMillis(100);
    private static final Duration MAX_DURATION = Duration.ofHours(24);
    private static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    private static final Duration MAX_INTERVAL = Duration.ofHours(1);

    /** Command-line names of the scenarios, in menu order. */
    static final Map<String, Scenario> SCENARIOS = Map.of(
            "steady", Scenario.STEADY, "burst", Scenario.BURST, "ramp", Scenario.RAMP, "sine", Scenario.SINE,
            "flaky", Scenario.FLAKY_DOWNSTREAM, "slow", Scenario.SLOW_DOWNSTREAM);
    static final List<String> SCENARIO_NAMES = List.of("steady", "burst", "ramp", "sine", "flaky", "slow");

    /** Command-line names of the overflow policies: {@code DROP_NEWEST} is {@code drop-newest}. */
    static final Map<String, OverflowPolicy> POLICIES = Arrays.stream(OverflowPolicy.values())
            .collect(Collectors.toMap(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-'), p -> p));

    /** The flag that sets each {@link PoolConfig} field, for turning the engine's messages into flag messages. */
    private static final Map<String, String> FLAG_OF_FIELD = Map.of(
            "minWorkers", "--min", "maxWorkers", "--max", "loadThreshold", "--threshold",
            "queueCapacity", "--capacity", "requestTimeout", "--timeout", "maxRetries", "--retries");

    /** The command-line name of {@code scenario}, e.g. {@code flaky}. */
    public static String nameOf(Scenario scenario) {
        return SCENARIOS.entrySet().stream().filter(e -> e.getValue() == scenario).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    /** The command-line name of {@code policy}, e.g. {@code drop-newest}. */
    public static String nameOf(OverflowPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code args}; flags take their value as the next argument or after {@code =}. */
    public static Options parse(String... args) {
        List<String> all = Arrays.asList(args);
        if (all.contains("--help") || all.contains("-h")) {
            return new Options(Mode.HELP, Scenario.STEADY, DEFAULT_DURATION, Scenario.suggestedConfig(), null,
                    DEFAULT_INTERVAL, null, null);
        }
        if (all.contains("--version")) {
            return new Options(Mode.VERSION, Scenario.STEADY, DEFAULT_DURATION, Scenario.suggestedConfig(), null,
                    DEFAULT_INTERVAL, null, null);
        }
        return new Parser(args).parse();
    }

    /** One pass over the arguments; holds what has been seen so far. */
    private static final class Parser {
        private final String[] args;
        private int next;
        private Mode mode = Mode.WINDOW;
        private Scenario scenario = Scenario.STEADY;
        private Duration duration;
        private Double rate;
        private String rateText;
        private Duration interval;
        private Path csv;
        private Long seed;
        private final PoolConfig.Builder pool = Scenario.suggestedConfig().toBuilder();
        // PoolConfig field → the text the user gave for it, for error messages.
        private final Map<String, String> given = new HashMap<>();

        Parser(String[] args) {
            this.args = args;
        }

        Options parse() {
            while (next < args.length) {
                String arg = args[next++];
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "': flags start with --");
                }
                int eq = arg.indexOf('=');
                String flag = eq < 0 ? arg : arg.substring(0, eq);
                String inline = eq < 0 ? null : arg.substring(eq + 1);
                apply(flag, inline);
            }
            return finish();
        }

        private void apply(String flag, String inline) {
            switch (flag) {
                case "--headless" -> setMode(Mode.HEADLESS, flag, inline);
                case "--smoke" -> setMode(Mode.SMOKE, flag, inline);
                case "--scenario" -> scenario = choice(flag, value(flag, inline), SCENARIOS, SCENARIO_NAMES);
                case "--duration" -> duration = duration(flag, value(flag, inline), MIN_DURATION, MAX_DURATION);
                case "--interval" -> interval = duration(flag, value(flag, inline), MIN_INTERVAL, MAX_INTERVAL);
                case "--rate" -> {
                    rateText = value(flag, inline);
                    rate = number(flag, rateText, Double::parseDouble, "a number of requests per second");
                }
                case "--min" -> pool.minWorkers(poolInt(flag, "minWorkers", inline));
                case "--max" -> pool.maxWorkers(poolInt(flag, "maxWorkers", inline));
                case "--threshold" -> pool.loadThreshold(poolInt(flag, "loadThreshold", inline));
                case "--capacity" -> pool.queueCapacity(poolInt(flag, "queueCapacity", inline));
                case "--retries" -> pool.maxRetries(poolInt(flag, "maxRetries", inline));
                case "--timeout" -> {
                    String text = value(flag, inline);
                    given.put("requestTimeout", text);
                    pool.requestTimeout(duration(flag, text, Duration.ZERO, Duration.ofDays(365)));
                }
                case "--policy" -> pool.overflowPolicy(choice(flag, value(flag, inline), POLICIES,
                        POLICIES.keySet().stream().sorted().toList()));
                case "--csv" -> csv = path(flag, value(flag, inline));
                case "--seed" -> seed = number(flag, value(flag, inline), Long::parseLong, "a whole number");
                case "--version", "--help" -> { }
                default -> throw new IllegalArgumentException(flag + " is not a PoolScope flag");
            }
        }

        private Options finish() {
            PoolConfig config;
            try {
                config = pool.build();
            } catch (IllegalArgumentException e) {
                throw poolMessage(e);
            }
            if (rate != null) {
                try {
                    scenario.baseSettings().withRatePerSecond(rate);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(reword(e.getMessage(), "--rate " + rateText));
                }
            }
            if (mode == Mode.WINDOW) {
                requireRunMode("--csv", csv);
                requireRunMode("--duration", duration);
                requireRunMode("--interval", interval);
            }
            if (mode == Mode.SMOKE) {
                duration = duration != null ? duration : SMOKE_DURATION;
                rate = rate != null ? rate : SMOKE_RATE;
            }
            return new Options(mode, scenario, duration != null ? duration : DEFAULT_DURATION, config, rate,
                    interval != null ? interval : DEFAULT_INTERVAL, csv, seed);
        }

        private void setMode(Mode m, String flag, String inline) {
            if (inline != null) {
                throw new IllegalArgumentException(flag + " takes no value, got '" + inline + "'");
            }
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

        private String value(String flag, String inline) {
            if (inline != null) {
                return inline;
            }
            if (next >= args.length || args[next].startsWith("--")) {
                throw new IllegalArgumentException(flag + " needs a value; see --help");
            }
            return args[next++];
        }

        private int poolInt(String flag, String field, String inline) {
            String text = value(flag, inline);
            given.put(field, text);
            return number(flag, text, Integer::parseInt, "a whole number");
        }

        /** Turns the engine's "field = value is not allowed: ..." into "--flag value is not allowed: ...". */
        private IllegalArgumentException poolMessage(IllegalArgumentException e) {
            String field = e.getMessage().split(" ", 2)[0];
            String flag = FLAG_OF_FIELD.get(field);
            if (flag == null) {
                return new IllegalArgumentException("pool settings: " + e.getMessage(), e);
            }
            String said = given.containsKey(field) ? flag + " " + given.get(field)
                    : flag + " " + defaultText(field) + " (the default)";
            return new IllegalArgumentException(reword(e.getMessage(), said), e);
        }

        private static String defaultText(String field) {
            PoolConfig d = Scenario.suggestedConfig();
            return switch (field) {
                case "minWorkers" -> String.valueOf(d.minWorkers());
                case "maxWorkers" -> String.valueOf(d.maxWorkers());
                case "loadThreshold" -> String.valueOf(d.loadThreshold());
                case "queueCapacity" -> String.valueOf(d.queueCapacity());
                case "maxRetries" -> String.valueOf(d.maxRetries());
                default -> DurationText.format(d.requestTimeout());
            };
        }
    }

    /** Replaces the "field = value" that starts a validation message with {@code said}. */
    private static String reword(String message, String said) {
        int at = message.indexOf(" is not allowed: ");
        return at < 0 ? said + ": " + message : said + message.substring(at);
    }

    private static <T> T choice(String flag, String text, Map<String, T> choices, List<String> names) {
        T found = choices.get(text.toLowerCase(Locale.ROOT));
        if (found == null) {
            throw new IllegalArgumentException(flag + " " + text + " is not allowed: must be one of "
                    + String.join(", ", names));
        }
        return found;
    }

    private static Duration duration(String flag, String text, Duration lowest, Duration highest) {
        Duration d;
        try {
            d = DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " " + text + " is not allowed: must be " + e.getMessage());
        }
        if (d.compareTo(lowest) < 0 || d.compareTo(highest) > 0) {
            throw new IllegalArgumentException(flag + " " + text + " is not allowed: must be between "
                    + DurationText.format(lowest) + " and " + DurationText.format(highest));
        }
        return d;
    }

    private static <T> T number(String flag, String text, Function<String, T> parser, String expected) {
        try {
            return parser.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " " + text + " is not allowed: must be " + expected);
        }
    }

    private static Path path(String flag, String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(flag + " " + text + " is not allowed: " + e.getReason());
        }
    }
}
