package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.http.Backend;
import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.LatencyShape;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * The HTTP backend on the dashboard: its controls and charts show for an HTTP scenario only, the controls tune the
 * running backend, and what the backend does not accept is refused in words with nothing applied.
 */
@ExtendWith(ApplicationExtension.class)
class BackendViewTest {

    private Lab lab;

    @Start
    void start(Stage stage) {
        lab = DashboardFixture.show(stage, Scenario.BURST, 600);
    }

    @AfterEach
    void closeLab() {
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
    }

    @Test
    void theBackendSectionAndChartsShowForAnHttpScenarioOnly(FxRobot robot) {
        assertFalse(shown(robot, ".backend-controls"), "a simulated scenario has no backend section");
        assertFalse(shown(robot, "#backendLoadChart") || shown(robot, "#backendErrorsChart"));
        assertEquals(List.of("queue wait p99", "run p99"), latencyLines(robot));

        pick(robot, Scenario.HTTP_SATURATES);
        assertTrue(shown(robot, ".backend-controls"));
        assertTrue(shown(robot, "#backendLoadChart") && shown(robot, "#backendErrorsChart"));
        assertEquals(List.of("queue wait p99", "run p99", "backend p99"), latencyLines(robot));
        assertEquals(6, DashboardFixture.onFx(() -> robot.lookup("#backendLimitSpinner")
                .queryAs(javafx.scene.control.Spinner.class).getValue()), "the scenario's own limit");

        pick(robot, Scenario.STEADY);
        assertFalse(shown(robot, ".backend-controls"));
        assertFalse(shown(robot, "#backendLoadChart"));
        assertEquals(List.of("queue wait p99", "run p99"), latencyLines(robot));
    }

    @Test
    void theBackendChartsFollowTheRunningBackend(FxRobot robot) {
        pick(robot, Scenario.HTTP_HEALTHY);
        DashboardFixture.onFx(() -> {
            lab.load().start();
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> points(robot, "#backendLoadChart", "concurrency limit")
                .contains(32.0));
        await().atMost(Duration.ofSeconds(20)).until(() -> !points(robot, "#backendLoadChart", "in flight")
                .isEmpty());
        String title = DashboardFixture.onFx(() -> robot.lookup("#backendLoadChart").queryAs(LineChart.class)
                .getTitle());
        assertFalse(title.contains("not running"), title);
    }

    @Test
    void changingAControlChangesTheRunningBackend(FxRobot robot) {
        Backend backend = startHttp(robot);
        type(robot, "#backendLimitSpinner", "10");
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.settings().concurrencyLimit() == 10);
        type(robot, "#backendMeanSpinner", "35");
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.settings().meanLatency().toMillis() == 35);
        type(robot, "#backendErrorSpinner", "12.5");
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.settings().errorRate() == 0.125);
        robot.clickOn("#backendShapeBox");
        robot.clickOn("Heavy-tailed");
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.settings().shape() == LatencyShape.HEAVY_TAILED);
        assertEquals(new BackendSettings(LatencyShape.HEAVY_TAILED, Duration.ofMillis(35), 0.125, 10,
                Scenario.HTTP_HEALTHY.backend().rejectLimit()), backend.settings(), "each change kept the others");
    }

    @Test
    void aValueTheBackendRefusesIsNamedWithItsRangeAndNothingIsApplied(FxRobot robot) {
        Backend backend = startHttp(robot);
        BackendSettings before = backend.settings();

        type(robot, "#backendMeanSpinner", "5000");
        assertEquals("⚠ Mean latency 5,000 ms is not allowed: must be 0 to 2,000 ms", statusMessage(robot));
        assertEquals(20, spinnerValue(robot, "#backendMeanSpinner"), "the control snapped back");

        type(robot, "#backendRejectSpinner", "10");
        assertEquals("⚠ 503 limit 10 is not allowed: must be 32 (the concurrency limit) to 1,000",
                statusMessage(robot));
        type(robot, "#backendLimitSpinner", "80");
        assertEquals("⚠ Concurrency limit 80 is not allowed: must be 1 to 64, the 503 limit (raise that first)",
                statusMessage(robot));
        type(robot, "#backendErrorSpinner", "150");
        assertEquals("⚠ Errors 150 % is not allowed: must be 0 to 100 %", statusMessage(robot));
        type(robot, "#backendLimitSpinner", "many");
        assertEquals("⚠ Concurrency limit \"many\" is not a whole number: must be 1 to 1,000", statusMessage(robot));

        assertEquals("32", DashboardFixture.onFx(() -> robot.lookup("#backendLimitSpinner .text-field")
                .queryAs(TextField.class).getText()), "the refused text gave way to the value in force");
        type(robot, "#backendErrorSpinner", "-5");
        assertEquals("⚠ Errors -5 % is not allowed: must be 0 to 100 %", statusMessage(robot));
        type(robot, "#backendMeanSpinner", "-5");
        assertEquals("⚠ Mean latency -5 ms is not allowed: must be 0 to 2,000 ms", statusMessage(robot));

        assertEquals(before, backend.settings(), "nothing was half-applied");
        assertEquals(before, DashboardFixture.onFx(() -> lab.load().backend().settings()));
    }

    /** Picks an HTTP scenario, starts the load and returns its running backend. */
    private Backend startHttp(FxRobot robot) {
        pick(robot, Scenario.HTTP_HEALTHY);
        DashboardFixture.onFx(() -> {
            lab.load().start();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(() -> lab.load().runningBackend())
                != null);
        // The backend section is at the foot of the left panel: scrolled into view, as a user would.
        robot.interact(() -> robot.lookup(".sidebar-scroll").queryAs(ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        return DashboardFixture.onFx(() -> lab.load().runningBackend());
    }

    @SuppressWarnings("unchecked")
    private static void pick(FxRobot robot, Scenario scenario) {
        ComboBox<Scenario> box = DashboardFixture.onFx(() -> robot.lookup("#scenarioBox").queryAs(ComboBox.class));
        robot.interact(() -> box.getSelectionModel().select(scenario));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Focuses the spinner's text, replaces it with {@code text} and presses Enter, as a keyboard user would. */
    private static void type(FxRobot robot, String spinner, String text) {
        TextField field = DashboardFixture.onFx(() -> robot.lookup(spinner + " .text-field").queryAs(TextField.class));
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean shown(FxRobot robot, String query) {
        return DashboardFixture.onFx(() -> {
            Node n = robot.lookup(query).query();
            return n.isVisible() && n.isManaged();
        });
    }

    /** The latency chart's lines as its legend shows them. */
    private static List<String> latencyLines(FxRobot robot) {
        return DashboardFixture.onFx(() -> robot.lookup("#latencyChart .chart-legend-item").queryAllAs(Label.class)
                .stream().filter(Node::isVisible).map(Label::getText).toList());
    }

    private static List<Double> points(FxRobot robot, String chart, String line) {
        return DashboardFixture.onFx(() -> ((LineChart<?, ?>) robot.lookup(chart).query()).getData().stream()
                .filter(s -> s.getName().equals(line)).flatMap(s -> s.getData().stream())
                .map(d -> ((Number) d.getYValue()).doubleValue()).toList());
    }

    private static String statusMessage(FxRobot robot) {
        return DashboardFixture.onFx(() -> robot.lookup(".status-message").queryAs(Label.class).getText());
    }

    private static Object spinnerValue(FxRobot robot, String spinner) {
        return DashboardFixture.onFx(() -> robot.lookup(spinner).queryAs(javafx.scene.control.Spinner.class)
                .getValue());
    }
}
