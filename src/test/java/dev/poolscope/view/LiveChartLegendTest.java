package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** A line the chart does not draw is not in its legend either: no "capacity" entry while capacity is off scale. */
@ExtendWith(ApplicationExtension.class)
class LiveChartLegendTest {

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
    void anIdleQueueFarBelowCapacityListsNoCapacityLine(FxRobot robot) {
        robot.clickOn("#startButton");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(
                () -> robot.lookup("#queueChart").queryAs(LineChart.class).getTitle().contains("off scale")));
        assertFalse(DashboardFixture.onFx(() -> legendEntry(robot.lookup("#queueChart").query(), "capacity")
                .isVisible()));
    }

    @Test
    void hidingALineHidesItsLegendEntryAndShowingItBringsItBack() {
        DashboardFixture.onFx(() -> {
            LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
            new Stage().setScene(new javafx.scene.Scene(new StackPane(chart), 400, 300));
            LiveChart live = new LiveChart(chart);
            live.line("queued", "queued", s -> 1);
            XYChart.Series<Number, Number> capacity = live.line("capacity", "capacity", s -> 2);
            capacity.getData().add(new XYChart.Data<>(0, 2));

            live.show(capacity, false);
            assertTrue(capacity.getData().isEmpty(), "no points drawn");
            assertFalse(legendEntry(chart, "capacity").isVisible());
            assertFalse(legendEntry(chart, "capacity").isManaged(), "takes no room in the legend");
            assertTrue(legendEntry(chart, "queued").isVisible());

            live.show(capacity, true);
            assertTrue(legendEntry(chart, "capacity").isVisible());
            assertEquals(2, chart.lookupAll(".chart-legend-item").size());
            return null;
        });
    }

    private static Label legendEntry(Node chart, String name) {
        return chart.lookupAll(".chart-legend-item").stream()
                .filter(n -> n instanceof Label l && name.equals(l.getText()))
                .map(Label.class::cast).findFirst().orElseThrow(() -> new AssertionError("no legend entry " + name));
    }
}
