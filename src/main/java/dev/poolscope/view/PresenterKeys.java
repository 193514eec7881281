package dev.poolscope.view;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * Keys for presenting: Ctrl/Cmd + Plus and Minus zoom every text (the stylesheet sizes fonts in em of the root,
 * whose size {@link FontScale} keeps, projector mode included), Ctrl/Cmd + 0 resets, F11 toggles full screen.
 */
public final class PresenterKeys {

    private PresenterKeys() {
    }

    /** Installs the keys on {@code scene}; they zoom its root's {@link FontScale}. */
    public static void install(Scene scene) {
        FontScale keys = FontScale.of(scene.getRoot());
        var accelerators = scene.getAccelerators();
        // SHIFT_ANY: on a US keyboard "Ctrl + Plus" is typed as Ctrl + Shift + '='.
        for (KeyCode bigger : new KeyCode[] {KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD}) {
            accelerators.put(new KeyCodeCombination(bigger, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
                    () -> keys.zoom(1));
        }
        for (KeyCode smaller : new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}) {
            accelerators.put(new KeyCodeCombination(smaller, KeyCombination.SHORTCUT_DOWN), () -> keys.zoom(-1));
        }
        accelerators.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                () -> keys.zoom(0));
        accelerators.put(new KeyCodeCombination(KeyCode.F11), () -> {
            if (scene.getWindow() instanceof Stage stage) {
                stage.setFullScreen(!stage.isFullScreen());
            }
        });
    }
}
