package dev.poolscope.view;

import javafx.application.Application;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;

/**
 * The theme (light or dark) and projector mode (high contrast, thicker lines, larger text) of the window.
 * The first run follows the desktop's preference where it can be read; a choice made with the toggles is
 * remembered. The theme is the application's user-agent stylesheet; the dashboard's stylesheet keys off the
 * root's {@code dark} and {@code projector} style classes.
 */
final class Appearance {

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty projector = new SimpleBooleanProperty(this, "projector");

    private Appearance() {
    }

    /** Applies the remembered (or the desktop's) appearance to {@code root} and follows later changes. */
    static Appearance install(Parent root, ViewPreferences prefs) {
        Appearance a = new Appearance();
        Theme initial = prefs.theme().flatMap(Theme::named)
                .orElseGet(() -> OsColorScheme.prefersDark().orElse(false) ? Theme.DARK : Theme.LIGHT);
        a.dark.set(initial == Theme.DARK);
        a.projector.set(prefs.projector());
        a.show(root);
        a.dark.addListener((o, was, is) -> {
            a.show(root);
            prefs.rememberTheme((is ? Theme.DARK : Theme.LIGHT).name());
        });
        a.projector.addListener((o, was, is) -> {
            a.show(root);
            prefs.rememberProjector(is);
        });
        return a;
    }

    /**
     * Keeps another window's {@code root} in this appearance as it changes (the theme itself is application-wide);
     * run what this returns when that window closes.
     */
    Runnable follow(Parent root) {
        show(root);
        InvalidationListener restyle = o -> show(root);
        dark.addListener(restyle);
        projector.addListener(restyle);
        return () -> {
            dark.removeListener(restyle);
            projector.removeListener(restyle);
        };
    }

    private void show(Parent root) {
        Application.setUserAgentStylesheet((dark.get() ? Theme.DARK : Theme.LIGHT).userAgentStylesheet());
        root.getStyleClass().removeAll("dark", "projector");
        if (dark.get()) {
            root.getStyleClass().add("dark");
        }
        if (projector.get()) {
            root.getStyleClass().add("projector");
        }
    }

    /** True for the dark theme. */
    BooleanProperty darkProperty() {
        return dark;
    }

    /** True for projector mode. */
    BooleanProperty projectorProperty() {
        return projector;
    }
}
