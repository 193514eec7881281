package dev.poolscope.model;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the screen shows and takes them: {@code 2,000}, {@code 0.25}, {@code 20 %}. Parsing is lenient about
 * thousands separators, spaces and a trailing unit, and strict about the range, refusing in the screen's words with
 * the field, the value typed and the allowed range: {@code P(wait) target 150 % is not allowed: must be 0.1 to
 * 99.9 %}, {@code Retries "abc" is not a whole number: must be 0 to 100}.
 */
public final class ScreenNumber {

    private ScreenNumber() {
    }

    /** {@code value} with thousands separators and at most three decimals, no trailing zeros. */
    public static String format(double value) {
        return formatter().format(value);
    }

    private static DecimalFormat formatter() {
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /**
     * The number typed into the field labelled {@code label}, in {@code unit} (may be empty), if it lies in
     * [{@code lowest}, {@code highest}]; otherwise an {@link IllegalArgumentException} whose message names the
     * field as the user sees it, the value and the allowed range.
     */
    public static double parse(String label, String unit, String text, double lowest, double highest) {
        return typed(label, unit, text, "a number", lowest, highest).doubleValue();
    }

    /** As {@link #parse}, for a field that takes whole numbers only. */
    public static long parseWhole(String label, String unit, String text, long lowest, long highest) {
        BigDecimal value = typed(label, unit, text, "a whole number", lowest, highest);
        if (value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(label + " " + show(value, unit) + " is not a whole number: must be "
                    + range(lowest, highest, unit));
        }
        return value.longValueExact();
    }

    /** The value typed, checked against the range; exact, so that no typed number is too long to name. */
    private static BigDecimal typed(String label, String unit, String text, String kind, double lowest,
                                    double highest) {
        String typed = text == null ? "" : text.trim();
        String digits = typed.replace(",", "").replace("_", "");
        if (!unit.isEmpty() && digits.endsWith(unit)) {
            digits = digits.substring(0, digits.length() - unit.length());
        }
        digits = digits.trim();
        if (digits.isEmpty()) {
            throw new IllegalArgumentException(label + " is empty: must be " + range(lowest, highest, unit));
        }
        BigDecimal value;
        try {
            value = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " \"" + typed + "\" is not " + kind + ": must be "
                    + range(lowest, highest, unit));
        }
        if (value.compareTo(BigDecimal.valueOf(lowest)) < 0 || value.compareTo(BigDecimal.valueOf(highest)) > 0) {
            throw new IllegalArgumentException(label + " " + show(value, unit) + " is not allowed: must be "
                    + range(lowest, highest, unit));
        }
        return value;
    }

    private static String show(BigDecimal value, String unit) {
        return formatter().format(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    private static String range(double lowest, double highest, String unit) {
        return format(lowest) + " to " + format(highest) + (unit.isEmpty() ? "" : " " + unit);
    }
}
