package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.poolscope.App;
import dev.poolscope.engine.Dispatcher;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import dev.poolscope.model.MetricsSampler;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The Dark and Projector toggles restyle the window at once, and the next window opens the way it was left. */
@ExtendWith(ApplicationExtension.class)
class AppearanceTest {

    private final ViewPreferences prefs = DashboardFixture.testPreferences();
    private Lab lab;

    @Start
    void start(Stage stage) {
        lab = new Lab(config -> Dispatcher.start(config, Map.of()), DashboardFixture.FAST_POOL, Scenario.STEADY,
                MetricsSampler.DEFAULT_PERIOD, 100);
        stage.setScene(App.dashboard(lab, "test", prefs, 1280, 800));
        stage.show();
    }

    @AfterEach
    void closeLab() {
        DashboardFixture.onFx(() -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            return lab.close(Duration.ofMillis(200));
        });
    }

    @Test
    void darkAndProjectorApplyAtOnceAndAreRemembered(FxRobot robot) {
        Parent root = DashboardFixture.onFx(() -> robot.lookup(".dashboard").queryAs(Parent.class));
        robot.clickOn("#darkButton");
        robot.clickOn("#projectorButton");
        assertEquals(Theme.DARK.userAgentStylesheet(), DashboardFixture.onFx(Application::getUserAgentStylesheet));
        assertTrue(DashboardFixture.onFx(() -> root.getStyleClass().containsAll(List.of("dark", "projector"))));
        StackPane nextRunsRoot = new StackPane();
        DashboardFixture.onFx(() -> Appearance.install(nextRunsRoot, prefs));
        assertTrue(DashboardFixture.onFx(() -> nextRunsRoot.getStyleClass().containsAll(List.of("dark", "projector"))),
                "the next window opens dark and in projector mode");
    }
}
