package dev.poolscope.view;

import java.util.function.Consumer;
import java.util.function.Function;

import dev.poolscope.model.ScreenNumber;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;

/**
 * Typed text for editable number spinners, checked as typed and before the spinner's own clamping: accepts
 * "2,000", " 20 " and a trailing unit; a value outside the spinner's range, text that is no number, or nothing at
 * all is refused with the control's label, the text typed and the allowed range ({@code Timeout -1 ms is not
 * allowed: must be 0 to 3,600,000 ms}), and the spinner shows the value in force again. The spinner's range is
 * therefore the range the setting allows, so that the message states it truly.
 */
final class SpinnerText {

    private SpinnerText() {
    }

    /** Whole numbers in the range of {@code spinner}'s factory, labelled {@code label}, in {@code unit} (or ""). */
    static void integers(Spinner<Integer> spinner, String label, String unit, Consumer<String> complain) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory();
        checked(spinner, value -> String.format("%,d", value), text -> (int) ScreenNumber.parseWhole(label, unit,
                text, factory.getMin(), factory.getMax()), complain);
    }

    /** Decimals such as "2.5" or "1,000" in the range of {@code spinner}'s factory. */
    static void decimals(Spinner<Double> spinner, String label, String unit, Consumer<String> complain) {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                (SpinnerValueFactory.DoubleSpinnerValueFactory) spinner.getValueFactory();
        checked(spinner, ScreenNumber::format, text -> ScreenNumber.parse(label, unit, text, factory.getMin(),
                factory.getMax()), complain);
    }

    private static <T> void checked(Spinner<T> spinner, Function<T, String> show, Function<String, T> parse,
                                    Consumer<String> complain) {
        SpinnerValueFactory<T> factory = spinner.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException refused) {
                    complain.accept(refused.getMessage());
                    // The value stays, so the spinner would not redraw it: put it back over the refused text.
                    spinner.getEditor().setText(toString(factory.getValue()));
                    return factory.getValue();
                }
            }
        });
        commitOnFocusLoss(spinner);
        // Enter applies the typed value and nothing else: it must not go on to press the window's default button.
        spinner.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
            }
        });
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
