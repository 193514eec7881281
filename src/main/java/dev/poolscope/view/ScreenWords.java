package dev.poolscope.view;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the engine's refusals in the words on the screen: {@code loadThreshold = -5 is not allowed: must be between
 * 1 and 10000000} becomes {@code Load threshold -5 is not allowed: must be 1 to 10,000,000}. Messages it does not
 * recognise pass through with thousands separators added.
 */
final class ScreenWords {

    /** Engine field names → the labels of the controls that set them. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("minWorkers", "Min workers"), Map.entry("maxWorkers", "Max workers"),
            Map.entry("loadThreshold", "Load threshold"), Map.entry("queueCapacity", "Queue capacity"),
            Map.entry("overflowPolicy", "When full"), Map.entry("requestTimeout", "Timeout"),
            Map.entry("maxRetries", "Retries"), Map.entry("scalingTick", "Scaling tick"),
            Map.entry("blockTimeout", "Block timeout"), Map.entry("shrinkFactor", "Shrink factor"));
    private static final Pattern REFUSAL = Pattern.compile("(\\w+) = (.*?) is not allowed: must be (.*)");
    private static final Pattern BETWEEN = Pattern.compile("between (.+?) and (.+)");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d.,])\\d{4,}(?![\\d.])");
    private static final Pattern FIELD = Pattern.compile("\\b(" + String.join("|", LABELS.keySet()) + ")\\b");

    private ScreenWords() {
    }

    static String of(String engineMessage) {
        if (engineMessage == null) {
            return null;
        }
        Matcher m = REFUSAL.matcher(engineMessage);
        if (!m.matches()) {
            return grouped(labelled(engineMessage));
        }
        String allowed = m.group(3);
        Matcher between = BETWEEN.matcher(allowed);
        if (between.matches()) {
            allowed = between.group(1) + " to " + between.group(2);
        }
        return grouped(label(m.group(1)) + " " + m.group(2) + " is not allowed: must be " + labelled(allowed));
    }

    /** The control label for an engine field name, or the name itself. */
    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    private static String labelled(String text) {
        return FIELD.matcher(text).replaceAll(r -> LABELS.get(r.group(1)));
    }

    private static String grouped(String text) {
        return LONG_NUMBER.matcher(text).replaceAll(r -> String.format("%,d", Long.parseLong(r.group())));
    }
}
