package dev.poolscope;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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
            CompletableFuture<Integer> export = onFx(() -> dashboard.exportCsv(target));
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> export.get(10, TimeUnit.SECONDS), "the export must fail");
            assertEquals("cannot write CSV to " + target + ": the folder does not exist",
                    refused.getCause().getMessage());
        } finally {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
