package dev.poolscope.view;

import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Where the capacity advisor sits: in a panel of its own on the right when the window is wide enough for the charts
 * to keep two readable columns beside it, otherwise at the top of the left sidebar, so opening it never squeezes
 * the headline and charts of a 1024-pixel window.
 */
final class AdvisorDock {

    /** Below this window width the advisor joins the sidebar. */
    static final double WIDE_ENOUGH = 1200;

    private final Node advisor;
    private final Pane sidebar;
    private final Pane rightPanel;
    private final Node rightHolder;
    private final BooleanProperty shown;
    private final ObservableDoubleValue width;

    private AdvisorDock(Node advisor, Pane sidebar, Pane rightPanel, Node rightHolder, BooleanProperty shown,
                        ObservableDoubleValue width) {
        this.advisor = advisor;
        this.sidebar = sidebar;
        this.rightPanel = rightPanel;
        this.rightHolder = rightHolder;
        this.shown = shown;
        this.width = width;
    }

    /**
     * Keeps {@code advisor} shown while {@code shown} is true, in {@code rightPanel} (whose scrolling holder is
     * {@code rightHolder}) when {@code width} is at least {@link #WIDE_ENOUGH}, else first in {@code sidebar}.
     */
    static void install(Node advisor, Pane sidebar, Pane rightPanel, Node rightHolder, BooleanProperty shown,
                        ObservableDoubleValue width) {
        AdvisorDock dock = new AdvisorDock(advisor, sidebar, rightPanel, rightHolder, shown, width);
        shown.addListener((o, a, b) -> dock.place());
        width.addListener((o, a, b) -> dock.place());
        dock.place();
    }

    /** A hidden advisor is out of the scene altogether, so it neither lays out nor redraws. */
    private void place() {
        boolean wide = width.get() >= WIDE_ENOUGH;
        Pane home = !shown.get() ? null : wide ? rightPanel : sidebar;
        if (advisor.getParent() != home) {
            if (advisor.getParent() instanceof Pane old) {
                old.getChildren().remove(advisor);
            }
            if (home != null) {
                home.getChildren().add(0, advisor);
            }
        }
        rightHolder.setVisible(home == rightPanel);
        rightHolder.setManaged(home == rightPanel);
    }
}
