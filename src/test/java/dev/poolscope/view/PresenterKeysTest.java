package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/** Presenter zoom scales the text of the whole window, headline numbers included. */
@ExtendWith(ApplicationExtension.class)
class PresenterKeysTest {

    private Lab lab;

    @Start
    void start(Stage stage) {
        lab = DashboardFixture.show(stage, Scenario.STEADY, 100);
    }

    @AfterEach
    void closeLab() {
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
    }

    @Test
    void ctrlPlusZoomsEveryTextAndCtrlZeroResets(FxRobot robot) {
        double before = DashboardFixture.onFx(() -> robot.lookup(".tile-value").queryAs(Label.class).getFont().getSize());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.SHIFT,
                KeyCode.CONTROL);
        double zoomed = DashboardFixture.onFx(() -> robot.lookup(".tile-value").queryAs(Label.class).getFont().getSize());
        assertEquals(before * 15 / 13, zoomed, 0.5, "two steps (Ctrl+=, then Ctrl+Shift+= as a US keyboard "
                + "types Ctrl+Plus) from 13 px to 15 px scale the tiles too");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = DashboardFixture.onFx(() -> robot.lookup(".tile-title").queryAllAs(Label.class).stream()
                .filter(ScreenFitTest::truncated).map(Label::getText).toList());
        assertEquals(List.of(), cut, "zooming never cuts off a tile title");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        double reset = DashboardFixture.onFx(() -> robot.lookup(".tile-value").queryAs(Label.class).getFont().getSize());
        assertEquals(before, reset, 0.01);
    }

    @Test
    void inProjectorModeZoomGrowsFromTheProjectorsLargerText(FxRobot robot) {
        robot.clickOn("#projectorButton");
        WaitForAsyncUtils.waitForFxEvents();
        double projector = DashboardFixture.onFx(() -> robot.lookup(".app-title").queryAs(Label.class).getFont()
                .getSize());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = DashboardFixture.onFx(() -> robot.lookup(".app-title").queryAs(Label.class).getFont()
                .getSize());
        assertEquals(projector * 17 / 16, zoomed, 0.3, "one step up from projector mode's 16 px, not down to 14");
    }
}
