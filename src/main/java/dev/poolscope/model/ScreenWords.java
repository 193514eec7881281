package dev.poolscope.model;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the engine's refusals in the words on the screen: {@code loadThreshold = -5 is not allowed: must be between
 * 1 and 10000000} becomes {@code Load threshold -5 is not allowed: must be 1 to 10,000,000}. Messages it does not
 * recognise pass through with thousands separators added. The status bar and the event log both say it so.
 */
public final class ScreenWords {

    /** Engine field names → the labels of the controls that set them. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("minWorkers", "Min workers"), Map.entry("maxWorkers", "Max workers"),
            Map.entry("loadThreshold", "Load threshold"), Map.entry("queueCapacity", "Queue capacity"),
            Map.entry("overflowPolicy", "When full"), Map.entry("requestTimeout", "Timeout"),
            Map.entry("maxRetries", "Retries"), Map.entry("scalingTick", "Scaling tick"),
            Map.entry("blockTimeout", "Block timeout"), Map.entry("shrinkFactor", "Shrink factor"),
            Map.entry("ratePerSecond", "Rate (req/s)"), Map.entry("meanServiceTime", "Mean"),
            Map.entry("typeMix", "Type mix"));
    /** {@code field = value …}, or {@code field[key] = value …} for one entry of a map such as the type mix. */
    private static final Pattern REFUSAL = Pattern.compile("(\\w+)(?:\\[(.*?)])? = (.*?) is not allowed: must be (.*)");
    private static final Pattern BETWEEN = Pattern.compile("between (.+?) and (.+)");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d.,])\\d{4,}(?![\\d.])");
    private static final Pattern FIELD = Pattern.compile("\\b(" + String.join("|", LABELS.keySet()) + ")\\b");

    private ScreenWords() {
    }

    /** The engine's {@code engineMessage} in the screen's words; null stays null. */
    public static String of(String engineMessage) {
        if (engineMessage == null) {
            return null;
        }
        Matcher m = REFUSAL.matcher(engineMessage);
        if (!m.matches()) {
            return grouped(labelled(engineMessage));
        }
        String allowed = m.group(4);
        Matcher between = BETWEEN.matcher(allowed);
        if (between.matches()) {
            allowed = between.group(1) + " to " + between.group(2);
        }
        String value = m.group(2) == null ? shown(m.group(3)) : m.group(2) + "=" + m.group(3);
        return grouped(label(m.group(1)) + " " + value + " is not allowed: must be " + labelled(allowed));
    }

    /** A value as the user wrote it: a map's {@code {read=3.0, write=1.0}} as {@code read=3.0, write=1.0}. */
    private static String shown(String value) {
        if (value.startsWith("{") && value.endsWith("}")) {
            String entries = value.substring(1, value.length() - 1);
            return entries.isEmpty() ? "(none)" : entries;
        }
        return value;
    }

    /** The control label for an engine field name, or the name itself. */
    private static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    private static String labelled(String text) {
        return FIELD.matcher(text).replaceAll(r -> LABELS.get(r.group(1)));
    }

    private static String grouped(String text) {
        // A BigInteger: the user may type more digits than a long holds.
        return LONG_NUMBER.matcher(text).replaceAll(r -> String.format("%,d", new BigInteger(r.group())));
    }
}
