package dev.poolscope.view;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a save dialog starts: the last folder used (else the user's home) and a file name stamped with the time. */
record SaveTarget(Path folder, String fileName) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    /** E.g. {@code poolscope-history-2026-11-26-021530.csv} in the last folder used. */
    static SaveTarget suggest(ViewPreferences prefs, String stem, String extension, LocalDateTime now) {
        Path folder = prefs.lastFolder().orElseGet(() -> Path.of(System.getProperty("user.home")));
        return new SaveTarget(folder, stem + "-" + now.format(STAMP) + "." + extension);
    }
}
