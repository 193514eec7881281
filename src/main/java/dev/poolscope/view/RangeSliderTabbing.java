package dev.poolscope.view;

import java.util.List;
import java.util.Optional;

import org.controlsfx.control.RangeSlider;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab out of a ControlsFX {@link RangeSlider} straight to the next control. The slider keeps its own keys: Tab moves
 * from the low thumb to the high one (Shift+Tab back), arrows move the thumb in focus. But from the high thumb its
 * skin hands focus to the slider's next sibling by {@code requestFocus}, which in a form is usually a label row: a
 * stop nobody can see. Here Tab from the high thumb (and Shift+Tab from the low one) goes to the nearest control
 * that Tab would stop at, in scene order, as JavaFX's own traversal does.
 */
final class RangeSliderTabbing {

    private RangeSliderTabbing() {
    }

    /** Makes Tab leave {@code slider} for the next (Shift+Tab: the previous) focusable control. */
    static void install(RangeSlider slider) {
        slider.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            boolean forward = !e.isShiftDown();
            if (!thumbFocused(slider, forward ? ".high-thumb" : ".low-thumb")) {
                return;
            }
            Optional<Node> beside = nextStop(slider, forward);
            if (beside.isPresent()) {
                beside.get().requestFocus();
                e.consume();
            }
        });
    }

    /** Whether the skin shows the thumb {@code selector} as the one the keys move. */
    private static boolean thumbFocused(RangeSlider slider, String selector) {
        Node thumb = slider.lookup(selector);
        return thumb != null && thumb.isFocused();
    }

    /**
     * The node Tab ({@code forward}) or Shift+Tab would stop at next from {@code from}, outside {@code from}'s own
     * subtree: the nearest visible, enabled, focus-traversable node in scene order; empty if there is none.
     */
    private static Optional<Node> nextStop(Node from, boolean forward) {
        for (Node node = from; node.getParent() != null; node = node.getParent()) {
            Parent parent = node.getParent();
            List<Node> siblings = parent.getChildrenUnmodifiable();
            int step = forward ? 1 : -1;
            for (int i = siblings.indexOf(node) + step; i >= 0 && i < siblings.size(); i += step) {
                Optional<Node> stop = firstStop(siblings.get(i), forward);
                if (stop.isPresent()) {
                    return stop;
                }
            }
            // Going back, a focusable container comes before its children, as in JavaFX's own tab order.
            if (!forward && isStop(parent)) {
                return Optional.of(parent);
            }
        }
        return Optional.empty();
    }

    /** The first stop in {@code node}'s subtree, or its last going back; a stop's own children are not stops. */
    private static Optional<Node> firstStop(Node node, boolean forward) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        if (node.isFocusTraversable()) {
            return Optional.of(node);
        }
        if (node instanceof Parent parent) {
            List<Node> children = parent.getChildrenUnmodifiable();
            for (int k = 0; k < children.size(); k++) {
                Optional<Node> stop = firstStop(children.get(forward ? k : children.size() - 1 - k), forward);
                if (stop.isPresent()) {
                    return stop;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isStop(Node node) {
        return node.isFocusTraversable() && node.isVisible() && !node.isDisabled();
    }
}
