package dev.poolscope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures launcher start to first frame, when the system property {@value #PROPERTY} is set: prints the time from
 * process start until the window's first frame has been painted, and exits if the value is {@code exit}.
 * This is how the README's start-up figure is measured (see "Install / double-click").
 *
 * <p>Both ends need care. The first pulse after {@code show()} only starts the first frame (CSS, layout, then
 * painting on the render thread, together half a second here); a pulse does not get past its sync step while the
 * previous frame is still painting, so the third pulse starts after the first frame is on screen, at most two
 * frame intervals late. And on Linux {@link ProcessHandle.Info#startInstant()} counts from the boot time rounded
 * down to the second, up to a second early, so the process age is read from {@code /proc} to 10 ms instead.
 */
final class StartupProbe {

    static final String PROPERTY = "poolscope.firstFrame";

    /** Linux reports process start times in clock ticks of this many milliseconds (USER_HZ is 100). */
    private static final long MILLIS_PER_TICK = 10;

    private StartupProbe() {
    }

    static void armIfAsked() {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 3) {
                    return;
                }
                stop();
                System.out.println("first frame " + sinceProcessStart().toMillis() + " ms after process start");
                if ("exit".equals(mode)) {
                    Platform.exit();
                }
            }
        }.start();
    }

    private static Duration sinceProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields from the third on follow the ")" that ends the command name; the 22nd is the start time.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startMillis = Long.parseLong(fields[22 - 3]) * MILLIS_PER_TICK;
            String uptime = Files.readString(Path.of("/proc/uptime"));
            long uptimeMillis = Math.round(Double.parseDouble(uptime.substring(0, uptime.indexOf(' '))) * 1000);
            return Duration.ofMillis(uptimeMillis - startMillis);
        } catch (IOException | RuntimeException notLinux) {
            Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            return Duration.between(start, Instant.now());
        }
    }
}
