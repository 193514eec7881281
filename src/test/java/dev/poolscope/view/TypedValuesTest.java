package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * What the user types is checked as typed, before any spinner clamps it: out of range, not a number or nothing is
 * refused in the status bar with the control's label, the text typed and the allowed range, and the control shows
 * the value in force again.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class TypedValuesTest {

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
    void aTimeoutOutOfRangeIsRefusedAsTypedNotClamped(FxRobot robot) {
        PoolConfig before = lab.dispatcher().config();
        type(robot, "#timeoutSpinner", "-1");
        assertEquals("⚠ Timeout -1 ms is not allowed: must be 0 to 3,600,000 ms", statusMessage(robot));
        type(robot, "#timeoutSpinner", "99999999");
        assertEquals("⚠ Timeout 99,999,999 ms is not allowed: must be 0 to 3,600,000 ms", statusMessage(robot));
        assertEquals("500", editorText(robot, "#timeoutSpinner"), "the control shows the value in force");
        assertEquals(before, lab.dispatcher().config(), "nothing was applied");
    }

    @Test
    void retriesCapacityAndTickAreRefusedWithTheirOwnRanges(FxRobot robot) {
        PoolConfig before = lab.dispatcher().config();
        type(robot, "#retriesSpinner", "-1");
        assertEquals("⚠ Retries -1 is not allowed: must be 0 to 100", statusMessage(robot));
        type(robot, "#capacitySpinner", "-5");
        assertEquals("⚠ Queue capacity -5 is not allowed: must be 1 to 10,000,000", statusMessage(robot));
        type(robot, "#capacitySpinner", "50,000,000");
        assertEquals("⚠ Queue capacity 50,000,000 is not allowed: must be 1 to 10,000,000", statusMessage(robot));
        type(robot, "#tickSpinner", "-5");
        assertEquals("⚠ Scaling tick -5 ms is not allowed: must be 1 to 60,000 ms", statusMessage(robot));
        assertEquals(before, lab.dispatcher().config());
    }

    @Test
    void textThatIsNoNumberOrNothingSnapsBackToTheValueInForce(FxRobot robot) {
        type(robot, "#capacitySpinner", "abc");
        assertEquals("⚠ Queue capacity \"abc\" is not a whole number: must be 1 to 10,000,000",
                statusMessage(robot));
        assertEquals("500", editorText(robot, "#capacitySpinner"), "the typed text gave way");
        type(robot, "#capacitySpinner", "");
        assertEquals("⚠ Queue capacity is empty: must be 1 to 10,000,000", statusMessage(robot));
        assertEquals("500", editorText(robot, "#capacitySpinner"));
        assertEquals(500, lab.dispatcher().config().queueCapacity());
    }

    @Test
    void aThresholdTooLargeIsNamedAsTooLargeNotAsNoNumber(FxRobot robot) {
        DashboardFixture.typeInto(robot, "#thresholdField", "99999999999");
        assertEquals("⚠ Load threshold 99,999,999,999 is not allowed: must be 1 to 10,000,000",
                statusMessage(robot));
        assertEquals("5", DashboardFixture.onFx(() -> robot.lookup("#thresholdField").queryAs(TextField.class)
                .getText()));
    }

    @Test
    void theLoadsMeanIsRefusedAsTypedAndKeepsItsValue(FxRobot robot) {
        double mean = DashboardFixture.onFx(() -> lab.load().meanServiceMillisProperty().get());
        type(robot, "#meanSpinner", "abc");
        assertEquals("⚠ Mean \"abc\" is not a number: must be 0 to 10,000 ms", statusMessage(robot));
        type(robot, "#meanSpinner", "-5");
        assertEquals("⚠ Mean -5 ms is not allowed: must be 0 to 10,000 ms", statusMessage(robot));
        type(robot, "#meanSpinner", "99999");
        assertEquals("⚠ Mean 99,999 ms is not allowed: must be 0 to 10,000 ms", statusMessage(robot));
        type(robot, "#meanSpinner", "");
        assertEquals("⚠ Mean is empty: must be 0 to 10,000 ms", statusMessage(robot));
        assertEquals(mean, DashboardFixture.onFx(() -> lab.load().meanServiceMillisProperty().get()));
        assertEquals(mean, DashboardFixture.onFx(() -> ((Spinner<?>) robot.lookup("#meanSpinner").query())
                .getValue()));
    }

    @Test
    void theShutdownDeadlineIsRefusedAsTypedAndShutdownUsesTheValueShown(FxRobot robot) {
        type(robot, "#deadlineSpinner", "500");
        assertEquals("⚠ Deadline 500 s is not allowed: must be 0 to 120 s", statusMessage(robot));
        type(robot, "#deadlineSpinner", "abc");
        assertEquals("⚠ Deadline \"abc\" is not a whole number: must be 0 to 120 s", statusMessage(robot));
        type(robot, "#deadlineSpinner", "");
        assertEquals("3", editorText(robot, "#deadlineSpinner"));
        robot.interact(() -> robot.lookup("#shutdownButton").queryAs(javafx.scene.control.Button.class).fire());
        assertEquals(Lab.Phase.SHUTTING_DOWN == DashboardFixture.onFx(() -> lab.phaseProperty().get())
                || Lab.Phase.STOPPED == DashboardFixture.onFx(() -> lab.phaseProperty().get()), true,
                "Shut down ran with the deadline shown");
    }

    /** Focuses the spinner's text, replaces it with {@code text} and presses Enter, as a keyboard user would. */
    static void type(FxRobot robot, String spinner, String text) {
        // Looked up on the FX thread: the charts change the scene graph while a lookup walks it.
        TextField field = DashboardFixture.onFx(() -> robot.lookup(spinner + " .text-field").queryAs(TextField.class));
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String editorText(FxRobot robot, String spinner) {
        return DashboardFixture.onFx(() -> robot.lookup(spinner + " .text-field").queryAs(TextField.class)
                .getText());
    }

    static String statusMessage(FxRobot robot) {
        return DashboardFixture.onFx(() -> robot.lookup(".status-message").queryAs(Label.class).getText());
    }
}
