package dev.poolscope;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.view.DashboardController;
import javafx.stage.Stage;

/** The dashboard's Export CSV explains a failure in the same words as the headless runner. */
class ExportCsvTest {

    @Test
    void exportingToAFolderThatDoesNotExistSaysSo(@TempDir Path dir) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        App app = (App) FxToolkit.setupApplication(App.class);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> app.lab().history().size() > 0));
            DashboardController dashboard = onFx(() -> (DashboardController) stage.getScene().getRoot()
                    .getProperties().get(DashboardController.class));
            Path target = dir.resolve("no-such-folder").resolve("history.csv");
            IOException refused = onFx(() -> {
                try {
                    dashboard.exportCsv(target);
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            assertNotNull(refused, "the export must fail");
            assertEquals("cannot write CSV to " + target + ": the folder does not exist", refused.getMessage());
        } finally {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
