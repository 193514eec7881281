package dev.poolscope.view;

import java.util.Optional;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The window's colour theme: AtlantaFX Primer, light or dark; the dashboard's own colours follow it. */
enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    private final String userAgentStylesheet;

    Theme(String userAgentStylesheet) {
        this.userAgentStylesheet = userAgentStylesheet;
    }

    String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    /** The theme named {@code name}, if it is one. */
    static Optional<Theme> named(String name) {
        for (Theme t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
