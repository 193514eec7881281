package dev.poolscope.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: {@code 500ms}, {@code 30s}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 1d}. */
final class DurationText {

    /** ASCII digits only: {@code \d} without UNICODE_CHARACTER_CLASS matches nothing else. */
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private DurationText() {
    }

    /**
     * Parses the value {@code text} of {@code flag} and checks it lies within {@code lowest}..{@code highest}.
     * The range is checked on the exact decimal amount, so no value, however long, overflows on the way.
     *
     * @throws IllegalArgumentException naming the flag, the text as typed and what is allowed
     */
    static Duration parse(String flag, String text, Duration lowest, Duration highest) {
        // A bare 0 needs no unit: "0 for no limit" reads the same in any of them.
        Matcher m = FORMAT.matcher(text.equals("0") ? "0ms" : text.toLowerCase(Locale.ROOT));
        String range = "between " + format(lowest) + " and " + format(highest);
        if (!m.matches()) {
            throw new IllegalArgumentException(flag + " " + text + " is not allowed: must be a duration " + range
                    + ", such as 500ms, 30s or 2m");
        }
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(nanosPer(m.group(2)));
        if (nanos.compareTo(nanosOf(lowest)) < 0 || nanos.compareTo(nanosOf(highest)) > 0) {
            throw new IllegalArgumentException(flag + " " + text + " is not allowed: must be " + range);
        }
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(flag + " " + text + " is not allowed: must be a whole number of"
                    + " nanoseconds");
        }
        BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
        return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    }

    private static BigDecimal nanosPer(String unit) {
        long nanos = switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
        return BigDecimal.valueOf(nanos);
    }

    private static BigDecimal nanosOf(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).multiply(NANOS_PER_SECOND).add(BigDecimal.valueOf(d.getNano()));
    }

    /**
     * The shortest of {@code 1h}, {@code 2m}, {@code 30s}, {@code 1.5s}, {@code 500ms}, {@code 0.5ms} that states
     * {@code d} exactly, in a form {@link #parse} reads back.
     */
    static String format(Duration d) {
        if (d.getNano() % 1_000_000 != 0) {
            BigDecimal nanos = nanosOf(d);
            return nanos.abs().compareTo(NANOS_PER_SECOND) >= 0
                    ? nanos.movePointLeft(9).stripTrailingZeros().toPlainString() + "s"
                    : nanos.movePointLeft(6).stripTrailingZeros().toPlainString() + "ms";
        }
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms != 0 && ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        if (ms >= 1000) {
            return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
        }
        return ms + "ms";
    }
}
