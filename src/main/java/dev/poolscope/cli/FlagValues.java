package dev.poolscope.cli;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one flag's value strictly: ASCII digits only (Java's own parsers also take other scripts' digits, so
 * {@code --min ５} would be 5), no trailing type letters, no hex, and every refusal names the flag, the text as
 * typed and what is allowed.
 */
final class FlagValues {

    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
    // A leading minus is read, so that a negative number is refused for its range rather than as no number.
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private FlagValues() {
    }

    /** A whole number from {@code lowest} to {@code highest}; a number too large for any type is out of range. */
    static long wholeNumber(String flag, String text, long lowest, long highest) {
        String range = "between " + lowest + " and " + highest;
        if (!WHOLE.matcher(text).matches()) {
            throw refused(flag, text, "a whole number " + range);
        }
        BigInteger n = new BigInteger(text);
        if (n.compareTo(BigInteger.valueOf(lowest)) < 0 || n.compareTo(BigInteger.valueOf(highest)) > 0) {
            throw refused(flag, text, range);
        }
        return n.longValueExact();
    }

    /** A decimal number such as {@code 1500}, {@code 12.5} or {@code 2e4}, from {@code lowest} to {@code highest}. */
    static double decimal(String flag, String text, double lowest, double highest, String unit) {
        String range = "between " + plain(lowest) + " and " + plain(highest);
        double v = number(flag, text, range + " (" + unit + ")");
        if (!(v >= lowest && v <= highest)) {
            throw refused(flag, text, range);
        }
        return v;
    }

    /** A decimal number of any size; the range is the caller's to check. {@code allowed} says it when none is. */
    static double number(String flag, String text, String allowed) {
        if (!DECIMAL.matcher(text).matches()) {
            throw refused(flag, text, "a number " + allowed);
        }
        return Double.parseDouble(text);
    }

    /** One of {@code names}, in any case, mapped through {@code choices}. */
    static <T> T choice(String flag, String text, Map<String, T> choices, List<String> names) {
        // DROP_OLDEST as the engine and JMX spell it finds drop-oldest too.
        T found = choices.get(text.toLowerCase(Locale.ROOT).replace('_', '-'));
        if (found == null) {
            throw refused(flag, text, "one of " + String.join(", ", names));
        }
        return found;
    }

    static Path path(String flag, String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(flag + " " + text + " is not allowed: " + e.getReason());
        }
    }

    /** Prints whole numbers without ".0". */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static IllegalArgumentException refused(String flag, String text, String allowed) {
        return new IllegalArgumentException(flag + " " + text + " is not allowed: must be " + allowed);
    }
}
