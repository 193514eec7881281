package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.controlsfx.control.RangeSlider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.PoolState;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Shutting the pool down from the UI ends every request with an outcome, and a restart brings a fresh pool. */
@ExtendWith(ApplicationExtension.class)
class LifecycleTest {

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
    void shutdownFromTheUiEndsEveryRequestWithAnOutcomeAndShowsTheReport(FxRobot robot) {
        robot.clickOn("#startButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> lab.dispatcher().snapshot().queued() > 0);
        var pool = lab.dispatcher();
        robot.interact(() -> robot.lookup("#deadlineSpinner").queryAs(javafx.scene.control.Spinner.class)
                .getValueFactory().setValue(0));
        robot.clickOn("#shutdownButton");
        await().atMost(Duration.ofSeconds(10)).until(pool::isTerminated);
        await().atMost(Duration.ofSeconds(5)).until(() -> DashboardFixture.onFx(
                () -> robot.lookup("#reportBanner").query().isVisible()));
        PoolSnapshot end = pool.snapshot();
        assertEquals(end.submitted(), end.finished(), "every request ended with an outcome");
        assertEquals(0, end.inFlight());
        assertTrue(end.returned() > 0, "queued requests were handed back: " + end);
        String report = DashboardFixture.onFx(() -> robot.lookup("#reportLabel").queryAs(Label.class).getText());
        assertTrue(report.contains("returned " + String.format("%,d", end.returned())), report);
        assertEquals(Lab.Phase.STOPPED, DashboardFixture.onFx(() -> lab.phaseProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        Label reportLabel = DashboardFixture.onFx(() -> robot.lookup("#reportLabel").queryAs(Label.class));
        assertFalse(DashboardFixture.onFx(() -> ScreenFitTest.truncated(reportLabel)), () -> "the report is shown "
                + "whole: " + DashboardFixture.onFx(() -> reportLabel.lookupAll(".text").stream()
                        .map(n -> ((javafx.scene.text.Text) n).getText()).toList()));
        assertTrue(DashboardFixture.onFx(() -> robot.lookup("#startButton").query().isDisabled()),
                "Start cannot feed a stopped pool");
    }

    @Test
    void theShutdownCountdownShowsOverTheCharts(FxRobot robot) {
        robot.clickOn("#startButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> lab.dispatcher().snapshot().queued() > 0);
        robot.interact(() -> lab.shutdown(Duration.ofSeconds(5)));
        String shown = DashboardFixture.onFx(() -> {
            Label countdown = robot.lookup(".countdown").queryAs(Label.class);
            return countdown.isVisible() ? countdown.getText() : "hidden";
        });
        assertTrue(shown.startsWith("Shutting down"), shown);
    }

    @Test
    void restartBringsAFreshPoolWithTheCurrentSettings(FxRobot robot) {
        DashboardFixture.typeInto(robot, "#thresholdField", "77");
        robot.interact(() -> lab.shutdown(Duration.ZERO));
        await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(
                () -> lab.phaseProperty().get() == Lab.Phase.STOPPED));
        var old = lab.dispatcher();
        robot.clickOn("#restartButton");
        var fresh = lab.dispatcher();
        assertTrue(fresh != old && fresh.state() == PoolState.RUNNING);
        assertEquals(77, fresh.config().loadThreshold());
    }

    @Test
    void restartStartsAFreshViewAndStartWorksAgain(FxRobot robot) {
        robot.clickOn("#startButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(
                () -> lab.load().generatedProperty().get() > 0 && newestSecond("#queueChart", robot) > 1.5));
        robot.interact(() -> lab.shutdown(Duration.ZERO));
        await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(
                () -> lab.phaseProperty().get() == Lab.Phase.STOPPED));
        robot.clickOn("#restartButton");
        assertEquals(0, lab.load().generatedProperty().get(), "the Generated counter starts over");
        double newest = DashboardFixture.onFx(() -> newestSecond("#queueChart", robot));
        assertTrue(newest < 1, "the charts start over at 0:00, not where the old pool's ended: " + newest);
        assertFalse(DashboardFixture.onFx(() -> robot.lookup("#startButton").query().isDisabled()));
    }

    @Test
    void aStoppedPoolsControlsAreOffShowTheSettingsInForceAndRestartShowsTheNewPools(FxRobot robot) {
        robot.interact(() -> lab.shutdown(Duration.ZERO));
        await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(
                () -> lab.phaseProperty().get() == Lab.Phase.STOPPED));
        @SuppressWarnings("unchecked")
        ComboBox<OverflowPolicy> policyBox = DashboardFixture.onFx(() -> robot.lookup("#policyBox")
                .queryAs(ComboBox.class));
        RangeSlider workers = DashboardFixture.onFx(() -> robot.lookup(".range-slider").queryAs(RangeSlider.class));
        for (String control : List.of("#policyBox", "#scalingBox", "#capacitySpinner", "#thresholdField",
                ".range-slider")) {
            assertTrue(DashboardFixture.onFx(() -> robot.lookup(control).query().isDisabled()), control + " is off");
        }
        assertEquals("The pool is stopped: Restart pool to change its settings",
                DashboardFixture.onFx(() -> policyBox.getTooltip().getText()));

        // A change that reaches the stopped pool all the same is refused, and the controls show what is in force.
        robot.interact(() -> policyBox.setValue(OverflowPolicy.DROP_OLDEST));
        robot.interact(() -> workers.setHighValue(20));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(OverflowPolicy.DROP_NEWEST, DashboardFixture.onFx(policyBox::getValue));
        assertEquals(8, DashboardFixture.onFx(workers::getHighValue), 0);

        robot.clickOn("#restartButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(DashboardFixture.onFx(() -> robot.lookup("#policyBox").query().isDisabled()));
        assertEquals(lab.dispatcher().config().overflowPolicy(), DashboardFixture.onFx(policyBox::getValue));
        assertEquals(lab.dispatcher().config().maxWorkers(), DashboardFixture.onFx(workers::getHighValue), 0);
    }

    private static double newestSecond(String chart, FxRobot robot) {
        return DashboardFixture.onFx(() -> ((LineChart<?, ?>) robot.lookup(chart).query())
                .getData().stream().flatMap(s -> s.getData().stream())
                .mapToDouble(d -> ((Number) d.getXValue()).doubleValue()).max().orElse(0));
    }

}
