package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.controlsfx.control.RangeSlider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/** The pool controls drive the running dispatcher; what the engine refuses snaps back with its reason. */
@ExtendWith(ApplicationExtension.class)
class PoolControlsTest {

    private Lab lab;

    @Start
    void start(Stage stage) {
        lab = DashboardFixture.show(stage, Scenario.STEADY, 600);
    }

    @AfterEach
    void closeLab() {
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
    }

    @Test
    void choosingAScalingPolicySwitchesTheRunningPoolAndShowsItsSettings(FxRobot robot) {
        DashboardFixture.reveal(robot, "#scalingBox");
        robot.clickOn("#scalingBox");
        robot.clickOn("aimd");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> lab.dispatcher().config().scalingPolicy().name().equals("aimd"));
        assertEquals("100", DashboardFixture.onFx(() -> robot.lookup("#policy-run-p99-target").queryAs(TextField.class)
                .getText()), "the policy's own parameters are on show");
        Label reason = DashboardFixture.onFx(() -> robot.lookup("#scalingReason").queryAs(Label.class));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> DashboardFixture.onFx(reason::getText).startsWith("AIMD: "));
    }

    @Test
    void draggingTheRangeSliderThumbsChangesTheDispatchersMinAndMax(FxRobot robot) {
        Dispatcher pool = lab.dispatcher();
        RangeSlider slider = DashboardFixture.onFx(() -> robot.lookup(".range-slider").queryAs(RangeSlider.class));
        Node high = DashboardFixture.onFx(() -> robot.lookup(".range-slider .high-thumb").query());
        Node low = DashboardFixture.onFx(() -> robot.lookup(".range-slider .low-thumb").query());
        double perWorker = DashboardFixture.onFx(() -> trackWidth(slider) / (slider.getMax() - slider.getMin()));

        robot.drag(high).moveBy(perWorker * 10, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        int max = DashboardFixture.onFx(() -> (int) slider.getHighValue());
        assertTrue(max >= 14, "high thumb moved right: " + max);
        assertEquals(max, pool.config().maxWorkers(), "the engine runs with the slider's max");

        robot.drag(low).moveBy(perWorker * 3, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        int min = DashboardFixture.onFx(() -> (int) slider.getLowValue());
        assertTrue(min >= 3, "low thumb moved right: " + min);
        assertEquals(min, pool.config().minWorkers());
        assertEquals(min, pool.snapshot().poolSize(), "raising min started workers at once");
    }

    @Test
    void typingAThresholdChangesTheDispatcher(FxRobot robot) {
        DashboardFixture.typeInto(robot, "#thresholdField", "120");
        assertEquals(120, lab.dispatcher().config().loadThreshold());
        double slider = DashboardFixture.onFx(() -> robot.lookup("#thresholdSlider")
                .queryAs(javafx.scene.control.Slider.class).getValue());
        assertEquals(Math.log10(120), slider, 1e-9, "the slider is logarithmic");
    }

    @Test
    void theThresholdSliderSpansTheEnginesRangeAndPageKeysMoveByTenTimes(FxRobot robot) {
        DashboardFixture.typeInto(robot, "#thresholdField", "50");
        robot.clickOn("#thresholdSlider .thumb");
        robot.interact(() -> robot.lookup("#thresholdSlider").query().requestFocus());
        robot.type(javafx.scene.input.KeyCode.PAGE_UP);
        assertEquals(500, lab.dispatcher().config().loadThreshold(), 1, "Page Up: ten times");
        robot.type(javafx.scene.input.KeyCode.END);
        assertEquals(dev.poolscope.engine.PoolConfig.THRESHOLD_LIMIT, lab.dispatcher().config().loadThreshold(),
                "End reaches the largest threshold the box accepts");
        robot.type(javafx.scene.input.KeyCode.HOME);
        assertEquals(1, lab.dispatcher().config().loadThreshold());
    }

    @Test
    void tooltipsQuoteTheEnginesLimits(FxRobot robot) {
        String tip = DashboardFixture.onFx(() -> robot.lookup("#capacitySpinner")
                .queryAs(javafx.scene.control.Spinner.class).getTooltip().getText());
        assertTrue(tip.contains(String.format("%,d", dev.poolscope.engine.PoolConfig.CAPACITY_LIMIT)), tip);
    }

    @Test
    void draggingTheThresholdSliderChangesTheDispatcher(FxRobot robot) {
        int before = lab.dispatcher().config().loadThreshold();
        robot.drag("#thresholdSlider .thumb").moveBy(60, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        await().atMost(Duration.ofSeconds(5)).until(() -> lab.dispatcher().config().loadThreshold() > before);
    }

    @Test
    void aRefusedThresholdSnapsBackAndTheStatusBarSaysWhy(FxRobot robot) {
        int inForce = lab.dispatcher().config().loadThreshold();
        DashboardFixture.typeInto(robot, "#thresholdField", "0");
        assertEquals(inForce, lab.dispatcher().config().loadThreshold(), "the engine kept its threshold");
        String field = DashboardFixture.onFx(() -> robot.lookup("#thresholdField").queryAs(TextField.class).getText());
        assertEquals(Integer.toString(inForce), field, "the control snapped back");
        String message = DashboardFixture.onFx(() -> robot.lookup(".status-message").queryAs(Label.class).getText());
        assertEquals("⚠ Load threshold 0 is not allowed: must be 1 to 10,000,000", message);
        assertTrue(DashboardFixture.onFx(() -> robot.lookup(".status-message").query().getStyleClass()
                .contains("status-error")));
    }

    @Test
    void aRefusedCapacitySnapsBackToTheValueInForce(FxRobot robot) {
        int inForce = lab.dispatcher().config().queueCapacity();
        DashboardFixture.reveal(robot, "#capacitySpinner");
        robot.doubleClickOn("#capacitySpinner .text-field");
        robot.interact(() -> robot.lookup("#capacitySpinner .text-field").queryAs(TextField.class).setText("0"));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(inForce, lab.dispatcher().config().queueCapacity());
        String message = DashboardFixture.onFx(() -> robot.lookup(".status-message").queryAs(Label.class).getText());
        assertTrue(message.startsWith("⚠ Queue capacity 0 is not allowed"), message);
        Integer shown = DashboardFixture.onFx(() -> robot.lookup("#capacitySpinner")
                .queryAs(javafx.scene.control.Spinner.class).getValue() instanceof Integer i ? i : -1);
        assertEquals(inForce, shown);
    }

    private static double trackWidth(RangeSlider slider) {
        Bounds b = slider.lookup(".track").getBoundsInLocal();
        return b.getWidth();
    }
}
