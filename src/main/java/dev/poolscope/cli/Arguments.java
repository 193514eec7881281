package dev.poolscope.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line split into flags and their values, before any value is read. Splitting checks what is wrong
 * with the line as a whole (an unknown flag, a stray word, a missing value, a flag given twice), so those are
 * errors even next to {@code --help}; what a value means is left to {@link Options}.
 */
final class Arguments {

    /** One flag as typed, with its value (null for a switch). */
    record Given(String flag, String value) {
    }

    private Arguments() {
    }

    /**
     * Splits {@code args}: a flag takes its value as the next argument or after {@code =}.
     *
     * @param switches flags that take no value
     * @param valued   flags that take one value
     */
    static List<Given> split(String[] args, Set<String> switches, Set<String> valued) {
        List<Given> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int next = 0; next < args.length; ) {
            String arg = args[next++];
            if (switches.contains(arg)) {
                if (seen.containsKey(arg)) {
                    throw new IllegalArgumentException(arg + " is given twice: give it once");
                }
                seen.put(arg, null);
                out.add(new Given(arg, null));
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': flags start with --");
            }
            int eq = arg.indexOf('=');
            String flag = eq < 0 ? arg : arg.substring(0, eq);
            if (switches.contains(flag)) {
                throw new IllegalArgumentException(flag + " takes no value, got '" + arg.substring(eq + 1) + "'");
            }
            if (!valued.contains(flag)) {
                throw new IllegalArgumentException(flag + " is not a PoolScope flag");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (next < args.length && !args[next].startsWith("--")) {
                value = args[next++];
            } else {
                value = "";
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value; see --help");
            }
            String before = seen.put(flag, value);
            if (before != null) {
                throw new IllegalArgumentException(flag + " is given twice (" + before + " and " + value
                        + "): give it once");
            }
            out.add(new Given(flag, value));
        }
        return out;
    }
}
