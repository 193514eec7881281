package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.poolscope.engine.CapacityPolicy;
import dev.poolscope.engine.ProportionalPolicy;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/** The selected scaling policy's own parameters are fields in the Pool panel that tune the running pool. */
@ExtendWith(ApplicationExtension.class)
class PolicyParametersTest {

    private Lab lab;

    @Start
    void start(Stage stage) {
        lab = DashboardFixture.show(stage, Scenario.STEADY, 600);
    }

    @AfterEach
    void closeLab() {
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
    }

    private void choose(FxRobot robot, String policy) {
        DashboardFixture.reveal(robot, "#scalingBox");
        robot.clickOn("#scalingBox");
        // The popup's cell, not a chart legend that reads "capacity" too.
        Node cell = DashboardFixture.onFx(() -> robot.lookup(".list-cell")
                .match((ListCell<?> c) -> policy.equals(c.getText())).query());
        robot.clickOn(cell);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> lab.dispatcher().config().scalingPolicy().name().equals(policy));
    }

    private String field(FxRobot robot, String id) {
        return DashboardFixture.onFx(() -> robot.lookup(id).queryAs(TextField.class).getText());
    }

    @Test
    void typingTheHpaToleranceTunesTheRunningPool(FxRobot robot) {
        choose(robot, "hpa");
        assertEquals("80", field(robot, "#policy-target-utilisation"));
        DashboardFixture.typeInto(robot, "#policy-tolerance", "20");
        ProportionalPolicy hpa = (ProportionalPolicy) lab.dispatcher().config().scalingPolicy();
        assertEquals(0.2, hpa.tolerance(), 1e-12);
        assertEquals(0.8, hpa.target(), 1e-12, "the other parameters stay");
        assertEquals("20", field(robot, "#policy-tolerance"));
    }

    @Test
    void anOutOfRangeParameterIsRefusedInTheScreensWordsAndNothingChanges(FxRobot robot) {
        choose(robot, "hpa");
        DashboardFixture.typeInto(robot, "#policy-tolerance", "80");
        assertEquals(ProportionalPolicy.defaults(), lab.dispatcher().config().scalingPolicy());
        assertEquals("10", field(robot, "#policy-tolerance"), "the field snapped back");
        String message = DashboardFixture.onFx(() -> robot.lookup(".status-message").queryAs(Label.class).getText());
        assertEquals("⚠ Tolerance 80 % is not allowed: must be 0 to 50 %", message);
    }

    @Test
    void theCapacityPoliciesWaitTargetIsAPercentage(FxRobot robot) {
        choose(robot, "capacity");
        DashboardFixture.typeInto(robot, "#policy-p-wait-target", "5");
        assertEquals(0.05, ((CapacityPolicy) lab.dispatcher().config().scalingPolicy()).maxWaitProbability(), 1e-12);
    }

    @Test
    void switchingTheHpaMetricShowsThatMetricsTarget(FxRobot robot) {
        choose(robot, "hpa");
        robot.clickOn("#policy-metric");
        robot.clickOn("queued per worker");
        await().atMost(Duration.ofSeconds(5)).until(() -> ((ProportionalPolicy) lab.dispatcher().config()
                .scalingPolicy()).metric() == ProportionalPolicy.Metric.QUEUE_PER_WORKER);
        assertEquals("10", field(robot, "#policy-target-per-worker"));
    }
}
