package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.geometry.Rectangle2D;

/** What the window remembers survives a run, and anything odd in the store falls back to the defaults. */
class ViewPreferencesTest {

    private final Preferences node = Preferences.userRoot().node("dev/poolscope/test/" + java.util.UUID.randomUUID());
    private final ViewPreferences prefs = ViewPreferences.in(node);

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void remembersBoundsAndMaximisedState() {
        prefs.rememberWindow(new Rectangle2D(10, 20, 1000, 700), true);
        assertEquals(Optional.of(new Rectangle2D(10, 20, 1000, 700)), prefs.windowBounds());
        assertTrue(prefs.maximized());
    }

    @Test
    void corruptOrMissingBoundsMeanNothingRemembered() {
        node.put("window.x", "ten");
        node.put("window.y", "0");
        node.put("window.width", "-5");
        assertEquals(Optional.empty(), prefs.windowBounds());
        assertEquals(Optional.empty(), ViewPreferences.in(null).windowBounds());
    }

    @Test
    void saveDialogsStartInTheLastFolderUsedWithATimestampedName(@TempDir Path folder) {
        LocalDateTime at = LocalDateTime.of(2026, 11, 26, 2, 15, 30);
        SaveTarget first = SaveTarget.suggest(prefs, "poolscope-history", "csv", at);
        assertEquals(Path.of(System.getProperty("user.home")), first.folder(), "the user's home at first");
        assertEquals("poolscope-history-2026-11-26-021530.csv", first.fileName());
        prefs.rememberFolder(folder);
        assertEquals(folder.toAbsolutePath(), SaveTarget.suggest(prefs, "poolscope-charts", "png", at).folder());
    }

    @Test
    void aRememberedFolderThatIsGoneFallsBackToHome() {
        prefs.rememberFolder(Path.of("/no/such/folder/anywhere"));
        assertEquals(Optional.empty(), prefs.lastFolder());
    }
}
