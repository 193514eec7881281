package dev.poolscope;

import java.io.InputStream;

import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The window icons, in the sizes desktops ask for; missing files are skipped, never fatal. */
final class Icons {

    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private Icons() {
    }

    static void apply(Stage stage) {
        for (int size : SIZES) {
            InputStream in = Icons.class.getResourceAsStream("icons/poolscope-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
    }
}
