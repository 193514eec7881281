package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/** The capacity advisor reads a running Steady load, and its workers-needed figure can be applied to the pool. */
@ExtendWith(ApplicationExtension.class)
class AdvisorPanelTest {

    private Lab lab;
    private Stage stage;
    private double widthBefore;
    private double xBefore;

    @Start
    void start(Stage stage) {
        lab = DashboardFixture.show(stage, Scenario.STEADY, 600);
        this.stage = stage;
        widthBefore = stage.getWidth();
        xBefore = stage.getX();
        // The headless screen is 1,280 wide: keep the right-hand advisor on it, where the robot can click.
        stage.setX(0);
        stage.setWidth(1240);
        DashboardFixture.onFx(() -> {
            lab.load().start();
            return null;
        });
    }

    @AfterEach
    void closeLab() {
        DashboardFixture.onFx(() -> {
            lab.close(Duration.ofMillis(200));
            // Every test class shares the primary stage: the next one must not open 1,240 wide.
            stage.setWidth(widthBefore);
            stage.setX(xBefore);
            return null;
        });
    }

    private String text(FxRobot robot, String query) {
        return DashboardFixture.onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    @Test
    void showsTheQueueingFiguresOfARunningSteadyLoad(FxRobot robot) {
        robot.clickOn("#advisorButton");
        // Steady offers 400/s of about 1 ms: roughly 0.4 Erlangs on the fixture's 2 workers.
        await().atMost(Duration.ofSeconds(20)).until(() -> DashboardFixture.onFx(
                () -> text(robot, "#lambdaValue").endsWith("/s") && text(robot, "#waitValue").startsWith("predicted ")
                        && text(robot, "#waitValue").endsWith(" ms")
                        && text(robot, "#observedWaitValue").startsWith("observed ")
                        && text(robot, "#observedWaitValue").endsWith(" ms")));
        double lambda = Double.parseDouble(text(robot, "#lambdaValue").replace(" /s", "").replace(",", ""));
        assertTrue(lambda > 200 && lambda < 600, "λ near the scenario's 400/s: " + lambda);
        assertTrue(text(robot, "#loadValue").endsWith(" Erlangs"), text(robot, "#loadValue"));
        // The fast pool may have grown past its 2 a moment, on a busy machine.
        assertTrue(text(robot, "#utilisationValue").matches("[0-9.]+ % of c = [0-9]+"), text(robot, "#utilisationValue"));
        assertTrue(text(robot, "#waitProbabilityValue").endsWith("(Erlang C)"));
        // The measured level is a sampled mean, shown with its standard error.
        assertTrue(text(robot, "#littleValue")
                .matches("λ served [0-9.,]+ /s: pool λW [0-9.]+ · seen [0-9.]+ ± [0-9.]+"),
                text(robot, "#littleValue"));
        assertTrue(text(robot, "#littleQueueValue").startsWith("queue λWq "), text(robot, "#littleQueueValue"));
        assertEquals("2", text(robot, "#neededValue"), "0.4 Erlangs: 1 worker waits 40 % of the time, 2 about 7 %");
        assertTrue(!text(robot, "#verdictLabel").isEmpty());
    }

    @Test
    void applyAsMinSetsThePoolsMinToTheWorkersNeeded(FxRobot robot) {
        robot.clickOn("#advisorButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> text(robot, "#neededValue").equals("2"));
        // From 0.25 to 0.7 Erlangs (Steady offers about 0.43), P(wait) ≤ 3 % takes a third worker and no fourth.
        DashboardFixture.typeInto(robot, "#targetField", "3");
        await().atMost(Duration.ofSeconds(10)).until(() -> text(robot, "#neededValue").equals("3"));
        robot.clickOn("#applyMinButton");
        await().atMost(Duration.ofSeconds(5)).until(() -> lab.dispatcher().config().minWorkers() == 3);
        // At least 3 at once; on a busy machine the scaler may have grown the pool further on its own meanwhile.
        int size = lab.dispatcher().snapshot().poolSize();
        assertTrue(size >= 3, "raising min starts the worker at once: " + size);
        assertEquals(3, DashboardFixture.onFx(() -> lab.settings().minWorkersProperty().get()));
    }

    @Test
    void applyAsMaxBelowMinIsRefusedAndNothingChanges(FxRobot robot) {
        robot.clickOn("#advisorButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> text(robot, "#neededValue").equals("2"));
        DashboardFixture.onFx(() -> {
            lab.settings().minWorkersProperty().set(4);
            return null;
        });
        robot.clickOn("#applyMaxButton");
        assertEquals(8, lab.dispatcher().config().maxWorkers(), "max stays");
        assertTrue(text(robot, ".status-message").startsWith("⚠ "), text(robot, ".status-message"));
    }

    @Test
    void aGoalOutsideItsRangeIsRefusedInTheScreensWords(FxRobot robot) {
        robot.clickOn("#advisorButton");
        // Once it shows figures the panel has been laid out, and the robot clicks where the field is.
        await().atMost(Duration.ofSeconds(20)).until(() -> !text(robot, "#neededValue").isEmpty());
        DashboardFixture.typeInto(robot, "#targetField", "150");
        String refused = "⚠ P(wait) target 150 % is not allowed: must be 0.1 to 99.9 %";
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, ".status-message").equals(refused));
        assertEquals("20", DashboardFixture.onFx(() -> robot.lookup("#targetField").queryAs(TextField.class)
                .getText()), "the field shows the goal in force");
    }
}
