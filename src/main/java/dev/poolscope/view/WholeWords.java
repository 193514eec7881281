package dev.poolscope.view;

import javafx.beans.InvalidationListener;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A wrapping label that breaks only between words: its minimum width is its widest word's, so a narrow window
 * or a large text size wraps "THROUGHPUT" whole (or scrolls) instead of printing "THROUGHP / UT".
 */
final class WholeWords {

    private WholeWords() {
    }

    /**
     * Keeps {@code label}'s minimum width at its widest word as its text and font change, and its minimum height at
     * what its wrapped lines need (else a second line ends in "…").
     */
    static void keep(Labeled label) {
        label.setMinHeight(Region.USE_PREF_SIZE);
        InvalidationListener fit = o -> label.setMinWidth(widestWord(label));
        label.fontProperty().addListener(fit);
        label.textProperty().addListener(fit);
        fit.invalidated(null);
    }

    /** The width {@code label} needs for its widest word, padding included. */
    static double widestWord(Labeled label) {
        String text = label.getText();
        if (text == null || text.isBlank()) {
            return 0;
        }
        Text probe = new Text();
        probe.setFont(label.getFont());
        double widest = 0;
        for (String word : text.trim().split("\\s+")) {
            probe.setText(word);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest + label.getLabelPadding().getLeft() + label.getLabelPadding().getRight()
                + label.snappedLeftInset() + label.snappedRightInset()) + 1;
    }
}
