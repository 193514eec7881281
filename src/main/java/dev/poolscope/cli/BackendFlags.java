package dev.poolscope.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.LatencyShape;
import dev.poolscope.load.Scenario;

/**
 * The HTTP backend's flags: each replaces one of the scenario's own {@link BackendSettings}, and the rest stay the
 * scenario's. They apply only to an HTTP scenario, where a backend exists; for any other they are an error rather
 * than silently ignored. Each value is checked as it is read; the two limits are checked against each other once
 * the scenario is known, blaming the flag the user typed.
 */
final class BackendFlags {

    static final String LATENCY = "--backend-latency";
    static final String MEAN = "--backend-mean";
    static final String ERRORS = "--backend-errors";
    static final String LIMIT = "--backend-limit";
    static final String REJECT_ABOVE = "--backend-reject-above";

    /** Flags read here, each taking one value. */
    static final Set<String> VALUED = Set.of(LATENCY, MEAN, ERRORS, LIMIT, REJECT_ABOVE);

    /** Command-line names of the latency shapes: {@code HEAVY_TAILED} is {@code heavy-tailed}. */
    static final Map<String, LatencyShape> SHAPES = Map.of("constant", LatencyShape.CONSTANT,
            "log-normal", LatencyShape.LOG_NORMAL, "heavy-tailed", LatencyShape.HEAVY_TAILED);
    static final List<String> SHAPE_NAMES = List.of("constant", "log-normal", "heavy-tailed");

    private LatencyShape shape;
    private Duration mean;
    private Double errors;
    private Integer limit;
    private Integer rejectAbove;
    // Flag → the text typed, for errors; also says which flags were given, in no order.
    private final Map<String, String> typed = new HashMap<>();

    /** Reads one of {@link #VALUED}. */
    void apply(String flag, String text) {
        typed.put(flag, text);
        switch (flag) {
            case LATENCY -> shape = FlagValues.choice(flag, text, SHAPES, SHAPE_NAMES);
            case MEAN -> mean = DurationText.parse(flag, text, Duration.ZERO, BackendSettings.MAX_MEAN_LATENCY);
            case ERRORS -> errors = FlagValues.decimal(flag, text, 0, 1, "a fraction of calls answered 500");
            case LIMIT -> limit = (int) FlagValues.wholeNumber(flag, text, 1, BackendSettings.MAX_LIMIT);
            case REJECT_ABOVE -> rejectAbove = (int) FlagValues.wholeNumber(flag, text, 1, BackendSettings.MAX_LIMIT);
            default -> throw new IllegalStateException(flag + " is listed as a backend flag but not read");
        }
    }

    /**
     * The backend settings for {@code scenario}: its own with the flags given applied, or null when no flag was given.
     *
     * @throws IllegalArgumentException if a flag was given for a scenario without a backend, or the limits cross
     */
    BackendSettings settingsFor(Scenario scenario) {
        if (typed.isEmpty()) {
            return null;
        }
        BackendSettings own = scenario.backend();
        if (own == null) {
            throw new IllegalArgumentException(firstGiven() + " only applies to an HTTP scenario (" + String.join(", ",
                    httpScenarios()) + "); --scenario " + Options.nameOf(scenario) + " has no backend");
        }
        int least = limit != null ? limit : own.concurrencyLimit();
        int most = rejectAbove != null ? rejectAbove : own.rejectLimit();
        if (most < least) {
            throw new IllegalArgumentException(limitsCrossed(scenario, least, most));
        }
        return new BackendSettings(shape != null ? shape : own.shape(), mean != null ? mean : own.meanLatency(),
                errors != null ? errors : own.errorRate(), least, most);
    }

    /** One of the flags given, the same one each time, for messages that need to name one. */
    String firstGiven() {
        return VALUED.stream().filter(typed::containsKey).sorted().findFirst().orElseThrow();
    }

    /** Blames the limit the user typed; when both were typed, the 503 limit is the one below the other. */
    private String limitsCrossed(Scenario scenario, int least, int most) {
        String name = Options.nameOf(scenario);
        if (rejectAbove == null) {
            return LIMIT + " " + typed.get(LIMIT) + " is above " + name + "'s 503 limit " + most + " (the default of "
                    + REJECT_ABOVE + "): lower " + LIMIT + " to " + most + " or less, or raise " + REJECT_ABOVE
                    + " as well";
        }
        if (limit == null) {
            return REJECT_ABOVE + " " + typed.get(REJECT_ABOVE) + " is below " + name + "'s concurrency limit "
                    + least + " (the default of " + LIMIT + "): raise " + REJECT_ABOVE + " to " + least
                    + " or more, or lower " + LIMIT + " as well";
        }
        return REJECT_ABOVE + " " + typed.get(REJECT_ABOVE) + " is below " + LIMIT + " " + typed.get(LIMIT) + ": "
                + REJECT_ABOVE + " must be at least " + LIMIT;
    }

    private static List<String> httpScenarios() {
        return Options.SCENARIO_NAMES.stream().filter(n -> Options.SCENARIOS.get(n).backend() != null).toList();
    }
}
