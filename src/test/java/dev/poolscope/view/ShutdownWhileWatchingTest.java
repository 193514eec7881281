package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The demo pool shuts down while another pool is shown: its countdown and report stay the demo pool's. */
@ExtendWith(ApplicationExtension.class)
class ShutdownWhileWatchingTest {

    private static final Pattern FIGURES = Pattern.compile("(\\d+) queued · (\\d+) running");

    /** Idle: its figures are all 0, unlike the demo pool's while it drains. */
    private final Dispatcher other = Dispatcher.start("watched-test", PoolConfig.builder().workers(1, 2).build(),
            Map.of());
    private Lab lab;

    @Start
    void start(Stage stage) {
        lab = DashboardFixture.show(stage, Scenario.SLOW_DOWNSTREAM, 600);
    }

    @AfterEach
    void stop() {
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
        other.shutdown(Duration.ofSeconds(1));
    }

    @Test
    void theCountdownCountsTheDemoPoolWhileAnotherPoolIsShown(FxRobot robot) {
        robot.clickOn("#startButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> lab.dispatcher().snapshot().queued() > 50);
        robot.interact(() -> lab.shutdown(Duration.ofSeconds(30)));
        robot.interact(() -> lab.watch(new PretendRemote(other, Map.of())));

        Label countdown = DashboardFixture.onFx(() -> robot.lookup(".countdown").queryAs(Label.class));
        await().atMost(Duration.ofSeconds(5)).until(() -> DashboardFixture.onFx(countdown::getText)
                .startsWith("Demo pool shutting down"));
        Matcher figures = FIGURES.matcher(DashboardFixture.onFx(countdown::getText));
        assertTrue(figures.find(), DashboardFixture.onFx(countdown::getText));
        assertTrue(Integer.parseInt(figures.group(1)) + Integer.parseInt(figures.group(2)) > 0,
                "the draining demo pool's figures, not the idle watched pool's: " + figures.group());
    }

    @Test
    void theReportOfferingRestartShowsOnlyWithTheDemoPool(FxRobot robot) {
        robot.interact(() -> lab.shutdown(Duration.ZERO));
        await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(
                () -> lab.phaseProperty().get() == Lab.Phase.STOPPED));
        assertTrue(DashboardFixture.onFx(() -> robot.lookup("#reportBanner").query().isVisible()));

        robot.interact(() -> lab.watch(new PretendRemote(other, Map.of())));
        assertTrue(DashboardFixture.onFx(() -> robot.lookup("#restartButton").query().isDisabled()));
        assertFalse(DashboardFixture.onFx(() -> robot.lookup("#reportBanner").query().isVisible()),
                "no banner offers Restart pool while it is off");

        robot.interact(lab::watchDemo);
        assertTrue(DashboardFixture.onFx(() -> robot.lookup("#reportBanner").query().isVisible()));
        assertFalse(DashboardFixture.onFx(() -> robot.lookup("#restartButton").query().isDisabled()));
    }
}
