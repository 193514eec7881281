package dev.poolscope;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Saves the window as a PNG after a delay and exits, when the system property {@value #TARGET} names a file:
 * the reproducible way the README's screenshot is made (see {@code assets/make-screenshot.sh}).
 */
final class Screenshot {

    static final String TARGET = "poolscope.screenshot";
    static final String DELAY = "poolscope.screenshotAfterSeconds";

    private Screenshot() {
    }

    /** Saves {@code stage} after the delay if asked, then prints {@code note} (the FX cost, say) and exits. */
    static void scheduleIfAsked(Stage stage, Supplier<String> note) {
        String target = System.getProperty(TARGET);
        if (target == null || target.isBlank()) {
            return;
        }
        PauseTransition wait = new PauseTransition(Duration.seconds(Double.parseDouble(
                System.getProperty(DELAY, "12"))));
        wait.setOnFinished(e -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                        Path.of(target).toFile());
                System.out.println("screenshot saved to " + Path.of(target).toAbsolutePath());
                System.out.println(note.get());
            } catch (IOException failed) {
                System.err.println("screenshot failed: " + failed);
            }
            Platform.exit();
        });
        wait.play();
    }
}
