package dev.poolscope.view;

import javafx.util.StringConverter;

/** Tick labels for sliders whose value is log10 of what they set: 0 → "1", 3 → "1k", 7 → "10M". */
final class LogScale {

    private static final String[] LABELS = {"1", "10", "100", "1k", "10k", "100k", "1M", "10M"};

    private LogScale() {
    }

    static StringConverter<Double> labels() {
        return new StringConverter<>() {
            @Override
            public String toString(Double exponent) {
                int i = (int) Math.round(exponent);
                return i >= 0 && i < LABELS.length ? LABELS[i] : "";
            }

            @Override
            public Double fromString(String s) {
                throw new UnsupportedOperationException("labels are not parsed");
            }
        };
    }
}
