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
    private static final double MIN_FONT_PX = 9;
    private static final double MAX_FONT_PX = 30;

    private double fontPx = DEFAULT_FONT_PX;

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
        fontPx = step == 0 ? DEFAULT_FONT_PX : Math.max(MIN_FONT_PX, Math.min(MAX_FONT_PX, fontPx + step));
        scene.getRoot().setStyle(String.format("-fx-font-size: %.0fpx;", fontPx));
    }
}
