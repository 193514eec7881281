package dev.poolscope.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.geometry.Rectangle2D;

/**
 * What the window remembers between runs (size, position, maximised state, last folder, theme), kept in
 * {@link Preferences}. Every read falls back to "nothing remembered" and every write is best effort: a missing,
 * read-only or corrupt preference store must never stop the window from opening.
 */
public final class ViewPreferences {

    private final Preferences node;

    private ViewPreferences(Preferences node) {
        this.node = node;
    }

    /** The current user's PoolScope preferences. */
    public static ViewPreferences forUser() {
        try {
            return new ViewPreferences(Preferences.userRoot().node("dev/poolscope/view"));
        } catch (RuntimeException unavailable) {
            return new ViewPreferences(null);
        }
    }

    /** Preferences kept in {@code node}; tests pass a throwaway one. */
    public static ViewPreferences in(Preferences node) {
        return new ViewPreferences(node);
    }

    /** The window's last normal (not maximised) bounds, if any were saved and are sane. */
    public Optional<Rectangle2D> windowBounds() {
        double x = number("window.x");
        double y = number("window.y");
        double w = number("window.width");
        double h = number("window.height");
        if (Double.isNaN(x) || Double.isNaN(y) || !(w > 0) || !(h > 0)) {
            return Optional.empty();
        }
        return Optional.of(new Rectangle2D(x, y, w, h));
    }

    /** Whether the window was maximised when it was last closed. */
    public boolean maximized() {
        return "true".equals(get("window.maximized"));
    }

    public void rememberWindow(Rectangle2D normalBounds, boolean maximized) {
        put("window.x", Double.toString(normalBounds.getMinX()));
        put("window.y", Double.toString(normalBounds.getMinY()));
        put("window.width", Double.toString(normalBounds.getWidth()));
        put("window.height", Double.toString(normalBounds.getHeight()));
        put("window.maximized", Boolean.toString(maximized));
        flush();
    }

    /** The folder a file was last saved in, if it still exists. */
    public Optional<Path> lastFolder() {
        String folder = get("lastFolder");
        try {
            return Optional.ofNullable(folder).map(Path::of).filter(Files::isDirectory);
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }

    public void rememberFolder(Path folder) {
        put("lastFolder", folder.toAbsolutePath().toString());
        flush();
    }

    /** The name of the theme last chosen, if any. */
    public Optional<String> theme() {
        return Optional.ofNullable(get("theme"));
    }

    public void rememberTheme(String theme) {
        put("theme", theme);
        flush();
    }

    /** Whether projector mode was on. */
    public boolean projector() {
        return "true".equals(get("projector"));
    }

    public void rememberProjector(boolean on) {
        put("projector", Boolean.toString(on));
        flush();
    }

    /** Whether the capacity advisor panel was open. */
    public boolean advisorShown() {
        return "true".equals(get("advisor"));
    }

    public void rememberAdvisor(boolean shown) {
        put("advisor", Boolean.toString(shown));
        flush();
    }

    private double number(String key) {
        try {
            String text = get(key);
            return text == null ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException corrupt) {
            return Double.NaN;
        }
    }

    private String get(String key) {
        try {
            return node == null ? null : node.get(key, null);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private void put(String key, String value) {
        try {
            if (node != null) {
                node.put(key, value);
            }
        } catch (RuntimeException unwritable) {
            // Remembering is a convenience; the window works without it.
        }
    }

    private void flush() {
        try {
            if (node != null) {
                node.flush();
            }
        } catch (BackingStoreException | RuntimeException unwritable) {
            // As above: the next run simply opens with the defaults.
        }
    }
}
