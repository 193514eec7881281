package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.poolscope.compare.Side;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Comparison;
import dev.poolscope.model.Lab;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The dashboard's "Compare A/B…" opens one A/B window: A the demo pool's settings, B the same under the HPA. */
@ExtendWith(ApplicationExtension.class)
class CompareButtonTest {

    private Lab lab;

    @Start
    void start(Stage stage) {
        lab = DashboardFixture.show(stage, Scenario.FLAKY_DOWNSTREAM, 100);
    }

    @AfterEach
    void closeAll() {
        DashboardFixture.onFx(() -> {
            abWindows().forEach(Window::hide);
            lab.close(Duration.ofMillis(200));
            return null;
        });
    }

    @Test
    void opensOneWindowComparingTheDemoPoolWithTheHpaOnTheDashboardsScenario(FxRobot robot) {
        robot.clickOn("#compareButton");
        // The A/B window may now cover the button; fire it as a second click would.
        robot.interact(() -> robot.lookup("#compareButton").queryButton().fire());
        List<Stage> windows = DashboardFixture.onFx(CompareButtonTest::abWindows);
        assertEquals(1, windows.size(), "a second click brings the open window forward");
        Comparison c = DashboardFixture.onFx(() -> ((CompareController) windows.get(0).getScene().getRoot()
                .getProperties().get(CompareController.class)).comparison());
        assertEquals(DashboardFixture.FAST_POOL, c.lab(Side.A).dispatcher().config());
        assertEquals("hpa", c.lab(Side.B).dispatcher().config().scalingPolicy().name());
        assertEquals(DashboardFixture.FAST_POOL.maxWorkers(), c.lab(Side.B).dispatcher().config().maxWorkers());
        assertSame(Scenario.FLAKY_DOWNSTREAM, DashboardFixture.onFx(() -> c.scenarioProperty().get()));
        assertEquals(Comparison.Phase.READY, DashboardFixture.onFx(() -> c.phaseProperty().get()),
                "the load waits for Start");
        DashboardFixture.onFx(() -> {
            windows.get(0).hide();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> c.lab(Side.A).dispatcher().isTerminated()
                && c.lab(Side.B).dispatcher().isTerminated()); // closing the window ends both pools
    }

    private static List<Stage> abWindows() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && "PoolScope · A/B comparison".equals(s.getTitle())).map(Stage.class::cast).toList();
    }
}
