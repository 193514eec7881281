package dev.poolscope.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The request-type mix as one line of text, {@code read=3, write=1}, for a text field. */
final class TypeMixText {

    private TypeMixText() {
    }

    static String format(Map<String, Double> mix) {
        return mix.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + (e.getValue() == Math.rint(e.getValue())
                        ? Long.toString(e.getValue().longValue()) : e.getValue().toString()))
                .collect(Collectors.joining(", "));
    }

    /** Parses {@code type=weight} pairs; a bare type weighs 1. Throws with the offending part named. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> mix = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String type = (eq < 0 ? item : item.substring(0, eq)).trim();
            if (type.isEmpty()) {
                throw new IllegalArgumentException("typeMix = \"" + text + "\" is not allowed: \"" + item
                        + "\" has no type name; write type=weight, e.g. read=3, write=1");
            }
            double weight;
            try {
                weight = eq < 0 ? 1 : Double.parseDouble(item.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("typeMix = \"" + text + "\" is not allowed: the weight of \""
                        + type + "\" is not a number; write type=weight, e.g. read=3, write=1");
            }
            mix.put(type, weight);
        }
        return mix;
    }
}
