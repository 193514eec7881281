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
        double before = DashboardFixture.onFx(() -> robot.lookup(".tile-detail").queryAs(Label.class).getFont().getSize());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.SHIFT,
                KeyCode.CONTROL);
        double zoomed = DashboardFixture.onFx(() -> robot.lookup(".tile-detail").queryAs(Label.class).getFont().getSize());
        assertEquals(before * Math.pow(FontScale.STEP_FACTOR, 2), zoomed, 0.1, "two steps (Ctrl+=, then Ctrl+Shift+= "
                + "as a US keyboard types Ctrl+Plus) scale the tiles too");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = DashboardFixture.onFx(() -> robot.lookup(".tile-title").queryAllAs(Label.class).stream()
                .filter(ScreenFitTest::truncated).map(Label::getText).toList());
        assertEquals(List.of(), cut, "zooming never cuts off a tile title");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        double reset = DashboardFixture.onFx(() -> robot.lookup(".tile-detail").queryAs(Label.class).getFont().getSize());
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
        assertEquals(projector * FontScale.STEP_FACTOR, zoomed, 0.1, "one step up from projector mode's 16 px, "
                + "not down to 14");
    }

    @Test
    void projectorAndZoomComposeInEitherOrder(FxRobot robot) {
        robot.clickOn("#projectorButton");
        zoomIn(robot, 2);
        double projectorThenZoom = rootFontPx(robot);
        assertEquals(FontScale.BASE_PX * FontScale.PROJECTOR_FACTOR * Math.pow(FontScale.STEP_FACTOR, 2),
                projectorThenZoom, 0.1, "base × projector × two zoom steps");

        robot.clickOn("#projectorButton");
        assertEquals(FontScale.BASE_PX * Math.pow(FontScale.STEP_FACTOR, 2), rootFontPx(robot), 0.1,
                "projector off keeps the zoom and drops only the projector's factor");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        zoomIn(robot, 2);
        robot.clickOn("#projectorButton");
        assertEquals(projectorThenZoom, rootFontPx(robot), 0.01, "zoom then projector is projector then zoom");
    }

    @Test
    void zoomKeepsTheSidePanelsHeadingsBold(FxRobot robot) {
        zoomIn(robot, 2);
        List<String> plain = DashboardFixture.onFx(() -> robot.lookup(".titled-pane > .title > .text")
                .queryAllAs(javafx.scene.text.Text.class).stream()
                .filter(t -> !t.getFont().getStyle().toLowerCase(java.util.Locale.ROOT).contains("bold"))
                .map(javafx.scene.text.Text::getText).toList());
        assertEquals(List.of(), plain, "headings still bold after a zoom");
    }

    private static void zoomIn(FxRobot robot, int steps) {
        for (int i = 0; i < steps; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double rootFontPx(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return DashboardFixture.onFx(() -> robot.lookup(".app-title").queryAs(Label.class).getFont().getSize())
                / 1.4;
    }
}
