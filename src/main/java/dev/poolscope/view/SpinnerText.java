package dev.poolscope.view;

import java.util.function.Consumer;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Lenient text for editable number spinners: accepts "2,000" and " 20 ", and on text that is no number keeps
 * the current value and reports the problem instead of throwing from the text field.
 */
final class SpinnerText {

    private SpinnerText() {
    }

    static void integers(Spinner<Integer> spinner, String field, Consumer<String> complain) {
        SpinnerValueFactory<Integer> factory = spinner.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : String.format("%,d", value);
            }

            @Override
            public Integer fromString(String text) {
                String digits = text == null ? "" : text.replace(",", "").replace("_", "").trim();
                try {
                    return Integer.valueOf(digits);
                } catch (NumberFormatException e) {
                    complain.accept(field + " \"" + text + "\" is not a whole number");
                    return factory.getValue();
                }
            }
        });
        commitOnFocusLoss(spinner);
    }

    /** Decimals such as "2.5" or "1,000"; text that is no number keeps the current value and is reported. */
    static void decimals(Spinner<Double> spinner, String field, Consumer<String> complain) {
        SpinnerValueFactory<Double> factory = spinner.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : value == Math.rint(value) ? String.format("%,.0f", value)
                        : String.format("%,.2f", value);
            }

            @Override
            public Double fromString(String text) {
                String digits = text == null ? "" : text.replace(",", "").replace("_", "").replace("%", "").trim();
                try {
                    return Double.valueOf(digits);
                } catch (NumberFormatException e) {
                    complain.accept(field + " \"" + text + "\" is not a number");
                    return factory.getValue();
                }
            }
        });
        commitOnFocusLoss(spinner);
    }

    /** Commits typed text when focus leaves, not only on Enter, so what is shown is what is in force. */
    private static void commitOnFocusLoss(Spinner<?> spinner) {
        spinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                spinner.commitValue();
            }
        });
    }
}
