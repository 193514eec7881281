package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.controlsfx.control.RangeSlider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/** Tab walks the worker range's two thumbs and then leaves for the next control, with no invisible stop between. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class WorkerRangeTabbingTest {

    private Lab lab;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        lab = DashboardFixture.show(stage, Scenario.STEADY, 600);
    }

    @AfterEach
    void closeLab() {
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
    }

    @Test
    void tabFromTheHighThumbReachesTheThresholdSliderInOnePress(FxRobot robot) {
        RangeSlider workers = DashboardFixture.onFx(() -> robot.lookup("#workersSlider").queryAs(RangeSlider.class));
        Node threshold = DashboardFixture.onFx(() -> robot.lookup("#thresholdSlider").query());
        robot.interact(workers::requestFocus);

        robot.type(KeyCode.TAB);
        assertTrue(DashboardFixture.onFx(() -> workers.lookup(".high-thumb").isFocused()),
                "the first Tab still moves from the low thumb to the high one");
        double high = DashboardFixture.onFx(workers::getHighValue);
        robot.type(KeyCode.RIGHT);
        assertEquals(high + 1, DashboardFixture.onFx(workers::getHighValue), "the arrows move the high thumb");

        robot.type(KeyCode.TAB);
        assertSame(threshold, DashboardFixture.onFx(() -> stage.getScene().getFocusOwner()),
                "one Tab from the high thumb reaches the Load threshold slider: "
                        + DashboardFixture.onFx(() -> stage.getScene().getFocusOwner()));
    }

    @Test
    void shiftTabFromTheLowThumbGoesBackToThePoolPanelsTitle(FxRobot robot) {
        RangeSlider workers = DashboardFixture.onFx(() -> robot.lookup("#workersSlider").queryAs(RangeSlider.class));
        Node poolPanel = DashboardFixture.onFx(() -> robot.lookup("#poolControls").query());
        robot.interact(workers::requestFocus);
        double low = DashboardFixture.onFx(workers::getLowValue);
        robot.type(KeyCode.RIGHT);
        assertEquals(low + 1, DashboardFixture.onFx(workers::getLowValue), "the arrows move the low thumb");

        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        assertSame(poolPanel, DashboardFixture.onFx(() -> stage.getScene().getFocusOwner()),
                "Shift+Tab skips the label row above: "
                        + DashboardFixture.onFx(() -> stage.getScene().getFocusOwner()));
    }
}
