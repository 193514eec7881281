package dev.poolscope.view;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.layout.Region;

/**
 * A side panel's width: {@code em} of the text size, but no more than {@value #WINDOW_SHARE} of the window once that
 * is wider than {@code em} of the unzoomed text would be, and no less than {@value #MIN_EM} of that. In em of the
 * zoomed text alone (as the stylesheet had it) Projector and Ctrl+Plus widened the panel until the charts beside it
 * lost their legends and the tiles ran off the window; what no longer fits the panel's width scrolls inside it.
 */
final class SidePanelWidth {

    static final double WINDOW_SHARE = 0.3;
    static final double MIN_EM = 18;

    private SidePanelWidth() {
    }

    static void cap(Region panel, double em, FontScale scale, ObservableDoubleValue windowWidth) {
        panel.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.min(em * scale.pxProperty().get(),
                        Math.max(MIN_EM * FontScale.BASE_PX, WINDOW_SHARE * windowWidth.get())),
                scale.pxProperty(), windowWidth));
    }
}
