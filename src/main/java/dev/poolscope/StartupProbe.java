package dev.poolscope;

import java.time.Duration;
import java.time.Instant;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures launcher start to first frame, when the system property {@value #PROPERTY} is set: prints the time from
 * process start to the first animation pulse after the window is shown, and exits if the value is {@code exit}.
 * This is how the README's start-up figure is measured (see "Install / double-click").
 */
final class StartupProbe {

    static final String PROPERTY = "poolscope.firstFrame";

    private StartupProbe() {
    }

    static void armIfAsked() {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                System.out.println("first frame " + Duration.between(processStart, Instant.now()).toMillis()
                        + " ms after process start");
                if ("exit".equals(mode)) {
                    Platform.exit();
                }
            }
        }.start();
    }
}
