package dev.poolscope.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop asks for dark windows, where that can be read: JavaFX 21 has no API for it, so this reads
 * GTK_THEME (e.g. {@code Adwaita:dark}) and GNOME's {@code color-scheme} setting. Empty when it cannot tell.
 */
final class OsColorScheme {

    private OsColorScheme() {
    }

    static Optional<Boolean> prefersDark() {
        String gtkTheme = System.getenv("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) {
            return Optional.of(gtkTheme.toLowerCase(Locale.ROOT).contains("dark"));
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        return gnomeColorScheme().map(scheme -> scheme.contains("prefer-dark"));
    }

    private static Optional<String> gnomeColorScheme() {
        try {
            Process p = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
                    .redirectErrorStream(true).start();
            // A desktop answers in milliseconds; never hold the window up for long if it does not.
            if (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
                p.destroy();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException noGsettings) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
