package dev.poolscope.view;

import java.util.concurrent.atomic.AtomicBoolean;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;

/**
 * Every tooltip in the app wraps at a readable width, so a long one never runs off a 1024-wide screen. Applied to
 * each tooltip as it opens, wherever it was made (FXML, code, a dialog): CSS cannot do it, since a tooltip's width
 * is not a CSS property.
 */
public final class WrappedTooltips {

    /** The widest a tooltip grows before its text wraps. */
    static final double MAX_WIDTH = 480;

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private WrappedTooltips() {
    }

    /** Wraps every tooltip that opens from now on; once per JVM, on the FX thread. */
    public static void install() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window opened : change.getAddedSubList()) {
                    if (opened instanceof Tooltip tooltip) {
                        wrap(tooltip);
                    }
                }
            }
        });
    }

    static void wrap(Tooltip tooltip) {
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(MAX_WIDTH);
    }
}
