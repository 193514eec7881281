package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;

/** While nothing runs, the latency charts draw no line: a p99 of nothing is a gap, not a zero. */
@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class LatencyGapsTest {

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
    void anIdlePoolsLatencyLinesHaveNoPointsWhileItsQueueLineDoes(FxRobot robot) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(
                () -> points(robot, "#queueChart", "queued") >= 3));

        assertEquals(List.of(0, 0), DashboardFixture.onFx(() -> List.of(
                points(robot, "#latencyChart", "queue wait p99"), points(robot, "#latencyChart", "run p99"))));
    }

    /** How many points the line named {@code name} of the chart found by {@code query} has; FX thread only. */
    @SuppressWarnings("unchecked")
    private static int points(FxRobot robot, String query, String name) {
        LineChart<Number, Number> chart = robot.lookup(query).queryAs(LineChart.class);
        return chart.getData().stream().filter(s -> name.equals(s.getName())).findFirst()
                .map(XYChart.Series::getData).orElseThrow(() -> new AssertionError(query + " has no line " + name))
                .size();
    }
}
