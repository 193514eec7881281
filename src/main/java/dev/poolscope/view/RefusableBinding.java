package dev.poolscope.view;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;

/**
 * Keeps a control's value and a model property in step when the model may refuse a value.
 *
 * <p>A plain bidirectional binding cannot show a refusal: the model resets its property from inside the change
 * notification, the binding ignores changes while it is updating, and the control keeps the refused value.
 * Here the control pushes to the model, and if the model does not hold what was pushed, the control is set
 * back on the next pulse, outside the notification in progress. That deferral happens only on refusal.
 */
final class RefusableBinding<T> {

    private final Property<T> control;
    private final Supplier<T> read;
    private final Consumer<T> write;
    private boolean showingModel;

    private RefusableBinding(Property<T> control, Supplier<T> read, Consumer<T> write) {
        this.control = control;
        this.read = read;
        this.write = write;
    }

    /** Binds an integer control (a spinner's value) to an integer model property that may refuse values. */
    static void bind(Property<Integer> control, IntegerProperty model) {
        bind(control, model::getValue, model::setValue, model);
    }

    /** Binds a decimal control (a spinner's value) to a decimal model property that may refuse values. */
    static void bind(Property<Double> control, DoubleProperty model) {
        bind(control, model::getValue, model::setValue, model);
    }

    /** Binds a choice (a combo box's value) to a model property that may refuse values. */
    static <T> void bind(Property<T> control, ObjectProperty<T> model) {
        bind(control, model::get, model::set, model);
    }

    /**
     * Binds a control that moves in fractions (a slider thumb) to a whole-number model property that may refuse
     * values; the control settles on the whole number in force.
     */
    static void bindWhole(DoubleProperty control, IntegerProperty model) {
        bind(control, () -> (double) model.get(), v -> model.set(v.intValue()), model);
    }

    private static <T> void bind(Property<T> control, Supplier<T> read, Consumer<T> write, Observable model) {
        RefusableBinding<T> binding = new RefusableBinding<>(control, read, write);
        binding.show();
        control.addListener((o, a, b) -> binding.pushed(b));
        model.addListener(o -> binding.show());
    }

    private void pushed(T value) {
        if (showingModel) {
            return;
        }
        write.accept(value);
        if (!Objects.equals(read.get(), value)) {
            Platform.runLater(this::show);
        }
    }

    private void show() {
        showingModel = true;
        try {
            control.setValue(read.get());
        } finally {
            showingModel = false;
        }
    }
}
