package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;

/** A long tooltip wraps instead of running off a 1024-wide screen, whichever control it belongs to. */
@ExtendWith(ApplicationExtension.class)
class WrappedTooltipsTest {

    private Lab lab;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        lab = DashboardFixture.show(stage, Scenario.STEADY, 100);
    }

    @AfterEach
    void closeLab() {
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
    }

    @Test
    void theLongestPoolTooltipOpensNoWiderThanTheWrapWidth(FxRobot robot) {
        Tooltip tip = DashboardFixture.onFx(() -> robot.lookup("#timeoutSpinner").queryAs(Spinner.class).getTooltip());
        String text = DashboardFixture.onFx(tip::getText);
        assertTrue(text.length() > 150, "a tooltip that runs past 1,000 pixels on one line: " + text);

        robot.interact(() -> tip.show(stage));
        WaitForAsyncUtils.waitForFxEvents();

        double width = DashboardFixture.onFx(tip::getWidth);
        robot.interact(tip::hide);
        assertTrue(DashboardFixture.onFx(tip::isWrapText), "wraps");
        assertTrue(width > 0 && width <= WrappedTooltips.MAX_WIDTH + 40, "opened " + width + " px wide");
    }
}
