package dev.poolscope.view;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;

/**
 * A window's one text size: {@value #BASE_PX} px × the projector factor (while the root has the {@code projector}
 * style class) × the presenter zoom ({@value #STEP_FACTOR} per step), recomputed whenever either changes, so
 * Projector and Ctrl+Plus compose in any order. Every other size in the stylesheets is in em of it.
 * <p>
 * The size is set by a tiny stylesheet on the root rather than its inline style: an inline font size outranks the
 * stylesheets' font weights below it (the side panel's bold headings read plain after a zoom).
 */
final class FontScale {

    static final double BASE_PX = 13;
    /** Projector mode's text is 16 px before any zoom. */
    static final double PROJECTOR_FACTOR = 16.0 / 13;
    static final double STEP_FACTOR = 1.08;
    static final double MIN_PX = 9;
    static final double MAX_PX = 30;

    private final Parent root;
    private final ReadOnlyDoubleWrapper px = new ReadOnlyDoubleWrapper(this, "px", BASE_PX);
    // FX-thread confined, as is everything here.
    private int steps;
    private String sheet;

    private FontScale(Parent root) {
        this.root = root;
        root.getStyleClass().addListener((ListChangeListener<String>) c -> apply());
        apply();
    }

    /** The scale of {@code root}'s window, made on first use. */
    static FontScale of(Parent root) {
        return (FontScale) root.getProperties().computeIfAbsent(FontScale.class, k -> new FontScale(root));
    }

    /** One step bigger ({@code +1}), smaller ({@code -1}), or back to no zoom ({@code 0}); stops at the limits. */
    void zoom(int step) {
        if (step == 0) {
            steps = 0;
        } else {
            double next = size(steps + step);
            if (next >= MIN_PX - 1e-9 && next <= MAX_PX + 1e-9) {
                steps += step;
            }
        }
        apply();
    }

    /** The text size now, in px. */
    ReadOnlyDoubleProperty pxProperty() {
        return px.getReadOnlyProperty();
    }

    /** How many times the unzoomed, non-projector text size the text is now. */
    double factor() {
        return px.get() / BASE_PX;
    }

    private double size(int zoomSteps) {
        double mode = root.getStyleClass().contains("projector") ? PROJECTOR_FACTOR : 1;
        return BASE_PX * mode * Math.pow(STEP_FACTOR, zoomSteps);
    }

    private void apply() {
        double size = Math.max(MIN_PX, Math.min(MAX_PX, size(steps)));
        if (sheet != null && size == px.get()) {
            return;
        }
        px.set(size);
        String css = String.format(Locale.ROOT, ".root, .root.projector { -fx-font-size: %.2fpx; }", size);
        String next = "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
        if (sheet != null) {
            root.getStylesheets().remove(sheet);
        }
        root.getStylesheets().add(next);
        sheet = next;
    }
}
