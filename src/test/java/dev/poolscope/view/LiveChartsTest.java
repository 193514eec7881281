package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.load.Scenario;
import dev.poolscope.load.SnapshotCsv;
import dev.poolscope.model.Lab;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The charts follow the pool: a burst shows up as growth and shrinkage, and memory stays bounded. */
@ExtendWith(ApplicationExtension.class)
class LiveChartsTest {

    private static final int SAMPLES_KEPT = 400;

    private Lab lab;

    @Start
    void start(Stage stage) {
        lab = DashboardFixture.show(stage, Scenario.BURST, SAMPLES_KEPT);
    }

    @AfterEach
    void closeLab() {
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
    }

    @Test
    void aBurstGrowsThePoolAboveMinOnTheChartsThenItShrinksBack(FxRobot robot) {
        int min = lab.dispatcher().config().minWorkers();
        // Burst: 5 s quiet, then a 2 s spike at ten times the base rate. 50/s × 10 ms keeps half a worker busy,
        // well inside min = 2; the spike needs 5.
        robot.interact(() -> lab.load().ratePerSecondProperty().set(50));
        robot.clickOn("#startButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> lab.dispatcher().poolSize() > min);
        int chartPeak = DashboardFixture.onFx(() -> maxY(robot.lookup("#workersChart").queryAs(LineChart.class), 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> DashboardFixture.onFx(
                () -> maxY(robot.lookup("#workersChart").queryAs(LineChart.class), 0)) > min);
        assertTrue(chartPeak >= min);
        // Then it shrinks back after the spike: the default policy keeps one spare above the busiest tick of its
        // 3 s window, so "back" means a shrinking decision, not necessarily min itself.
        await().atMost(Duration.ofSeconds(30)).until(() -> lab.dispatcher().scalingEventsSince(0).stream()
                .anyMatch(e -> e.sizeAfter() < e.sizeBefore()));
        int points = DashboardFixture.onFx(() -> ((LineChart<?, ?>) robot.lookup("#queueChart").query())
                .getData().get(0).getData().size());
        assertTrue(points > 10, "queue chart received points: " + points);
        // The chart learns of the shrink at its next sample: wait for both kinds of marker.
        await().atMost(Duration.ofSeconds(5)).until(() -> DashboardFixture.onFx(
                () -> robot.lookup("#workersChart .scale-up-marker").queryAll().size() >= 1
                        && robot.lookup("#workersChart .scale-down-marker").queryAll().size() >= 1));
        String log = DashboardFixture.onFx(() -> lab.log().entries().toString());
        assertTrue(log.contains(", +1 →") && log.contains(" spare →"), log);
    }

    @Test
    void seriesAndHistoryStayBoundedWhileSamplingGoesOn(FxRobot robot) {
        robot.clickOn("#startButton");
        robot.interact(() -> {
            for (int i = 0; i < SAMPLES_KEPT * 3; i++) {
                lab.sampler().tick();
            }
        });
        assertEquals(SAMPLES_KEPT, lab.history().size());
        for (String chart : List.of("#queueChart", "#workersChart", "#troubleChart", "#throughputChart",
                "#latencyChart")) {
            int largest = DashboardFixture.onFx(() -> ((LineChart<?, ?>) robot.lookup(chart).query()).getData()
                    .stream().mapToInt(s -> s.getData().size()).max().orElse(0));
            assertTrue(largest <= ChartsController.MAX_POINTS + 1, chart + " holds " + largest + " points");
        }
    }

    @Test
    void exportsTheKeptHistoryAsCsvInTheHeadlessRunnersFormat(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> {
            for (int i = 0; i < 20; i++) {
                lab.sampler().tick();
            }
        });
        DashboardController controller = DashboardFixture.onFx(() -> (DashboardController) robot.lookup(".dashboard")
                .query().getProperties().get(DashboardController.class));
        Path csv = dir.resolve("history.csv");
        int rows = DashboardFixture.onFx(() -> controller.exportCsv(csv)).get(10, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(SnapshotCsv.HEADER, lines.get(0));
        assertEquals(rows + 1, lines.size());
        Path png = dir.resolve("charts.png");
        DashboardFixture.onFx(() -> controller.savePng(png)).get(10, TimeUnit.SECONDS);
        assertTrue(Files.size(png) > 10_000, "a real image was written");
        String message = DashboardFixture.onFx(() -> robot.lookup(".status-message").queryAs(Label.class).getText());
        assertTrue(message.startsWith("✔ Saved charts to " + png.toAbsolutePath()), message);
        assertTrue(DashboardFixture.onFx(() -> robot.lookup(".status-message").query().getStyleClass()
                .contains("status-info")));
    }

    @Test
    @Timeout(60)
    void aWriteThatWaitsForTheDiskLeavesTheWindowResponsive(FxRobot robot, @TempDir Path dir) throws Exception {
        // A named pipe stands for a hung disk: opening it for writing waits until someone reads it.
        Path pipe = dir.resolve("slow.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "needs mkfifo");
        robot.interact(() -> lab.sampler().tick());
        DashboardController controller = DashboardFixture.onFx(() -> (DashboardController) robot.lookup(".dashboard")
                .query().getProperties().get(DashboardController.class));

        CompletableFuture<Integer> export = WaitForAsyncUtils.asyncFx(() -> controller.exportCsv(pipe))
                .get(5, TimeUnit.SECONDS);
        assertTrue(WaitForAsyncUtils.asyncFx(() -> true).get(5, TimeUnit.SECONDS), "the FX thread answers");
        assertFalse(export.isDone(), "the export waits for its reader, off the FX thread");

        assertEquals(SnapshotCsv.HEADER, Files.readAllLines(pipe).get(0));
        export.get(10, TimeUnit.SECONDS);
        String message = DashboardFixture.onFx(() -> robot.lookup(".status-message").queryAs(Label.class).getText());
        assertTrue(message.startsWith("✔ Exported "), message);
    }

    private static int maxY(LineChart<?, ?> chart, int series) {
        return chart.getData().get(series).getData().stream()
                .mapToInt(d -> ((Number) d.getYValue()).intValue()).max().orElse(0);
    }
}
