package dev.poolscope.view;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * Keys for presenting: Ctrl/Cmd + Plus and Minus zoom every text (the stylesheet sizes fonts in em of the root),
 * Ctrl/Cmd + 0 resets, F11 toggles full screen.
 */
public final class PresenterKeys {

    static final double DEFAULT_FONT_PX = 13;
    /** Projector mode's base size (dashboard.css, .root.projector); zoom steps start from it there. */
    static final double PROJECTOR_FONT_PX = 16;
    private static final double MIN_FONT_PX = 9;
    private static final double MAX_FONT_PX = 30;

    private int steps;

    private PresenterKeys() {
    }

    /** Installs the keys on {@code scene}. */
    public static void install(Scene scene) {
        PresenterKeys keys = new PresenterKeys();
        var accelerators = scene.getAccelerators();
        // SHIFT_ANY: on a US keyboard "Ctrl + Plus" is typed as Ctrl + Shift + '='.
        for (KeyCode bigger : new KeyCode[] {KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD}) {
            accelerators.put(new KeyCodeCombination(bigger, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
                    () -> keys.zoom(scene, 1));
        }
        for (KeyCode smaller : new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}) {
            accelerators.put(new KeyCodeCombination(smaller, KeyCombination.SHORTCUT_DOWN), () -> keys.zoom(scene, -1));
        }
        accelerators.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                () -> keys.zoom(scene, 0));
        accelerators.put(new KeyCodeCombination(KeyCode.F11), () -> {
            if (scene.getWindow() instanceof Stage stage) {
                stage.setFullScreen(!stage.isFullScreen());
            }
        });
    }

    private void zoom(Scene scene, int step) {
        double base = scene.getRoot().getStyleClass().contains("projector") ? PROJECTOR_FONT_PX : DEFAULT_FONT_PX;
        steps = step == 0 ? 0 : (int) (Math.max(MIN_FONT_PX, Math.min(MAX_FONT_PX, base + steps + step)) - base);
        scene.getRoot().setStyle(step == 0 ? "" : String.format("-fx-font-size: %.0fpx;", base + steps));
    }
}
