package dev.poolscope.model;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the screen shows and takes them: {@code 2,000}, {@code 0.25}, {@code 20 %}. Parsing is lenient about
 * thousands separators, spaces and a trailing unit, and strict about the range, refusing in the screen's words:
 * {@code P(wait) target 150 % is not allowed: must be 0.1 to 99.9 %}.
 */
public final class ScreenNumber {

    private ScreenNumber() {
    }

    /** {@code value} with thousands separators and at most three decimals, no trailing zeros. */
    public static String format(double value) {
        DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(value);
    }

    /**
     * The number typed into the field labelled {@code label}, in {@code unit} (may be empty), if it lies in
     * [{@code lowest}, {@code highest}]; otherwise an {@link IllegalArgumentException} whose message names the
     * field as the user sees it, the value and the allowed range.
     */
    public static double parse(String label, String unit, String text, double lowest, double highest) {
        String typed = text == null ? "" : text.trim();
        String digits = typed.replace(",", "").replace("_", "");
        if (!unit.isEmpty() && digits.endsWith(unit)) {
            digits = digits.substring(0, digits.length() - unit.length());
        }
        digits = digits.trim();
        double value;
        try {
            value = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " \"" + typed + "\" is not a number");
        }
        if (!(value >= lowest && value <= highest)) {
            String u = unit.isEmpty() ? "" : " " + unit;
            throw new IllegalArgumentException(label + " " + format(value) + u + " is not allowed: must be "
                    + format(lowest) + " to " + format(highest) + u);
        }
        return value;
    }
}
