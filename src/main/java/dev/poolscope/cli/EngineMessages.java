package dev.poolscope.cli;

import java.util.Map;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.Scenario;

/**
 * Rewords the engine's config refusals ({@code field = value is not allowed: ...}) in the command line's terms:
 * each {@link PoolConfig} field becomes the flag that sets it and the value becomes the text the user typed, so
 * {@code loadThreshold = 5000 is not allowed: must be at most queueCapacity (2000)} reads
 * {@code --threshold 5000 is not allowed: must be at most --capacity (2000)}.
 */
final class EngineMessages {

    /** The flag that sets each {@link PoolConfig} field. */
    private static final Map<String, String> FLAG_OF_FIELD = Map.of(
            "minWorkers", "--min", "maxWorkers", "--max", "loadThreshold", "--threshold",
            "queueCapacity", "--capacity", "requestTimeout", "--timeout", "maxRetries", "--retries",
            "overflowPolicy", "--policy");

    private static final String REFUSAL = " is not allowed: ";

    private EngineMessages() {
    }

    /**
     * The engine's {@code message} about a config built from the command line, in flags.
     *
     * @param typed flag → the text the user typed for it
     */
    static String inFlags(String message, Map<String, String> typed) {
        int refusal = message.indexOf(REFUSAL);
        String field = message.split(" ", 2)[0];
        String flag = FLAG_OF_FIELD.get(field);
        if (refusal < 0 || flag == null) {
            return "pool settings: " + flagNames(message);
        }
        String value = typed.containsKey(flag) ? typed.get(flag) : defaultOf(field) + " (the default)";
        return flag + " " + value + REFUSAL + flagNames(message.substring(refusal + REFUSAL.length()));
    }

    private static String flagNames(String text) {
        String out = text;
        for (Map.Entry<String, String> e : FLAG_OF_FIELD.entrySet()) {
            out = out.replaceAll("\\b" + e.getKey() + "\\b", e.getValue());
        }
        return out;
    }

    private static String defaultOf(String field) {
        PoolConfig d = Scenario.suggestedConfig();
        return switch (field) {
            case "minWorkers" -> String.valueOf(d.minWorkers());
            case "maxWorkers" -> String.valueOf(d.maxWorkers());
            case "loadThreshold" -> String.valueOf(d.loadThreshold());
            case "queueCapacity" -> String.valueOf(d.queueCapacity());
            case "maxRetries" -> String.valueOf(d.maxRetries());
            case "overflowPolicy" -> Options.nameOf(d.overflowPolicy());
            default -> DurationText.format(d.requestTimeout());
        };
    }
}
