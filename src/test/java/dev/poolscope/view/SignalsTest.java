package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The screen says plainly what the pool is doing: drops, a pool capped at max, paused charts, capacity off scale. */
@ExtendWith(ApplicationExtension.class)
class SignalsTest {

    private Lab lab;

    @Start
    void start(Stage stage) {
        lab = DashboardFixture.show(stage, Scenario.SLOW_DOWNSTREAM, 600);
    }

    @AfterEach
    void closeLab() {
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
    }

    @Test
    void aQuietQueueLeavesTheCapacityOffScaleAndSaysSo(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < 5; i++) {
                lab.sampler().tick();
            }
        });
        LineChart<?, ?> queue = DashboardFixture.onFx(() -> robot.lookup("#queueChart").queryAs(LineChart.class));
        assertTrue(DashboardFixture.onFx(() -> queue.getTitle()).contains("capacity 500 (off scale)"));
        assertEquals(0, (int) DashboardFixture.onFx(() -> queue.getData().stream()
                .filter(s -> s.getName().equals("capacity")).findFirst().orElseThrow().getData().size()));
    }

    /** What the invariant tile and the status bar's right side say, read in one FX-thread pass. */
    private record Accounting(String title, String value, String detail, boolean detailAmber, String tileState,
                              String statusLedger, boolean statusLedgerGreen, boolean statusTrouble) {

        static Accounting read(FxRobot robot) {
            return DashboardFixture.onFx(() -> {
                Label status = robot.lookup(".status-ledger").queryAs(Label.class);
                Node tile = robot.lookup("#ledgerTile").query();
                return new Accounting(((Label) ((javafx.scene.layout.VBox) tile).getChildren().get(0)).getText(),
                        robot.lookup("#ledger").queryAs(Label.class).getText(),
                        robot.lookup("#ledgerDetail").queryAs(Label.class).getText(),
                        robot.lookup("#ledgerDetail").query().getStyleClass().contains("tile-detail-losses"),
                        tile.getStyleClass().stream().filter(c -> c.startsWith("ledger-")).findFirst().orElse(""),
                        status.getText(), status.getStyleClass().contains("ok"),
                        robot.lookup(".status-bar").query().getStyleClass().contains("trouble"));
            });
        }
    }

    @Test
    void aQuietPoolIsAllAccountedForInGreenWithNothingUnserved(FxRobot robot) {
        Accounting quiet = await().atMost(Duration.ofSeconds(10)).until(() -> Accounting.read(robot),
                a -> !a.statusLedger().isEmpty());
        assertEquals("ACCOUNTED", quiet.title());
        assertEquals("✔ all", quiet.value());
        assertEquals("none dropped, timed out or failed", quiet.detail());
        assertFalse(quiet.detailAmber());
        assertEquals("ledger-ok", quiet.tileState());
        assertEquals("✔ all accounted for", quiet.statusLedger());
        assertTrue(quiet.statusLedgerGreen());
    }

    @Test
    void anIntervalInWhichNoRequestWasServedShowsADashForItsLatencyNotAnInstantZero(FxRobot robot) {
        Label latency = DashboardFixture.onFx(() -> robot.lookup("#latency").queryAs(Label.class));
        Label detail = DashboardFixture.onFx(() -> robot.lookup("#latencyDetail").queryAs(Label.class));
        await().atMost(Duration.ofSeconds(10)).until(() -> !DashboardFixture.onFx(detail::getText).isEmpty());
        assertEquals("—", DashboardFixture.onFx(latency::getText), "no load yet: nothing was served");
        assertEquals("none served since the last sample", DashboardFixture.onFx(detail::getText));
        robot.clickOn("#startButton");
        String served = await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(latency::getText),
                text -> !text.startsWith("—"));
        assertTrue(served.matches("[\\d.,—]+ / [\\d.,—]+"), "p99 wait / run: " + served);
        assertTrue(DashboardFixture.onFx(detail::getText).startsWith("ms · p50 "), "the unit leads the line beneath");
    }

    @Test
    void aDropStormCountsTheDropsAsDropsAndNeverShowsGreenBesideTheTroubleWarning(FxRobot robot) {
        robot.interact(() -> {
            lab.settings().queueCapacityProperty().set(20);
            lab.settings().maxWorkersProperty().set(2);
        });
        robot.clickOn("#startButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> DashboardFixture.onFx(
                () -> has("#ledgerTile", "ledger-dropping", robot) && has("#troubleTile", "tile-warning", robot)
                        && has(".status-bar", "trouble", robot)));
        Accounting storm = await().atMost(Duration.ofSeconds(20)).until(() -> Accounting.read(robot),
                a -> a.statusTrouble() && a.tileState().equals("ledger-dropping"));
        assertEquals("✔ all", storm.value(), "the invariant holds: every dropped request has its outcome");
        assertTrue(storm.detail().matches("[\\d,]+ dropped( · [\\d,]+ timed out)?( · [\\d,]+ failed)?"),
                storm.detail());
        assertTrue(storm.detailAmber(), "drops are shown in amber, not as part of a green tick");
        assertEquals("✔ all accounted for", storm.statusLedger());
        assertFalse(storm.statusLedgerGreen(), "no green beside '⚠ trouble'");
        String status = DashboardFixture.onFx(() -> robot.lookup(".status-bar").queryAs(StatusBar.class).getText());
        assertTrue(status.startsWith("⚠ trouble: "), status);
        await().atMost(Duration.ofSeconds(20)).until(() -> DashboardFixture.onFx(
                () -> robot.lookup("#workersChart").queryAs(LineChart.class).getTitle()
                        .equals("Workers · capped at max 2")
                        && robot.lookup("#workersDetail").queryAs(Label.class).getText().startsWith("capped at max 2")));
    }

    @Test
    void everyHeadlineTileSaysWhatItsNumberIs(FxRobot robot) {
        Map<String, List<String>> words = Map.of(
                "#workers", List.of("workers"),
                "#queued", List.of("waiting in the queue", "threshold", "capacity"),
                "#throughput", List.of("completed", "per second", "submitted"),
                "#latency", List.of("99th percentile", "queue wait", "run time", "last sampling interval", "ms"),
                "#trouble", List.of("dropped", "timed out", "failed", "per second"),
                "#ledger", List.of("invariant", "dropped"));
        words.forEach((value, said) -> {
            Label label = DashboardFixture.onFx(() -> robot.lookup(value).queryAs(Label.class));
            String tip = DashboardFixture.onFx(() -> label.getTooltip() == null ? "" : label.getTooltip().getText());
            for (String word : said) {
                assertTrue(tip.contains(word), value + "'s tooltip says '" + word + "': " + tip);
            }
            Object onTile = DashboardFixture.onFx(() -> label.getParent().getProperties()
                    .get("javafx.scene.control.Tooltip"));
            assertSame(DashboardFixture.onFx(label::getTooltip), onTile, value + ": the whole tile shows it");
        });
    }

    @Test
    void pausedChartsSayItOnTheCharts(FxRobot robot) {
        Node badge = DashboardFixture.onFx(() -> robot.lookup(".charts-paused").query());
        assertEquals(false, DashboardFixture.onFx(badge::isVisible));
        robot.clickOn("#pauseChartsButton");
        assertEquals(true, DashboardFixture.onFx(badge::isVisible));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> covered = DashboardFixture.onFx(() -> {
            badge.getScene().getRoot().applyCss();
            badge.getScene().getRoot().layout();
            Bounds b = badge.localToScene(badge.getBoundsInLocal());
            return robot.lookup(".chart-title").queryAll().stream().filter(ScreenFitTest::shown)
                    .filter(t -> t.localToScene(t.getBoundsInLocal()).intersects(b))
                    .map(t -> ((javafx.scene.control.Labeled) t).getText()).toList();
        });
        assertEquals(List.of(), covered, "the badge covers no chart's title");
        assertEquals("Pause load", DashboardFixture.onFx(() -> robot.lookup("#pauseButton")
                .queryAs(javafx.scene.control.Button.class).getText()), "the two pause buttons have distinct names");
    }

    private static boolean has(String query, String styleClass, FxRobot robot) {
        return DashboardFixture.onFx(() -> robot.lookup(query).query().getStyleClass().contains(styleClass));
    }
}
