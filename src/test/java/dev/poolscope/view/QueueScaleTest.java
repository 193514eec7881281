package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.App;
import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import dev.poolscope.model.MetricsSampler;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;

/** The queue chart's scale follows the queue in the window, not a capacity it has since left far behind. */
@ExtendWith(ApplicationExtension.class)
class QueueScaleTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private Lab lab;

    @Start
    void start(Stage stage) {
        // One worker held by a request that waits for the test: what is submitted next stays queued.
        PoolConfig pool = PoolConfig.builder().workers(1, 1).loadThreshold(5).queueCapacity(500).build();
        lab = new Lab(config -> Dispatcher.start("queue-scale-test", config, Map.of("hold", request -> {
            release.await();
            return "done";
        })), pool, Scenario.STEADY, MetricsSampler.DEFAULT_PERIOD, 600);
        stage.setScene(App.dashboard(lab, "test", DashboardFixture.testPreferences(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void closeLab() {
        release.countDown();
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
    }

    @Test
    void aCapacityLoweredToTheQueuesScaleDoesNotKeepTheAxisAtItsOldValue(FxRobot robot) {
        for (int i = 0; i < 11; i++) {
            lab.dispatcher().submit("hold", null);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> lab.dispatcher().snapshot().queued() == 10);
        tick(robot, 5);
        robot.interact(() -> lab.settings().queueCapacityProperty().set(20));
        await().atMost(Duration.ofSeconds(5)).until(() -> lab.dispatcher().config().queueCapacity() == 20);
        tick(robot, 5);

        LineChart<?, ?> queue = DashboardFixture.onFx(() -> robot.lookup("#queueChart").queryAs(LineChart.class));
        assertEquals("Queue depth · capacity 20", DashboardFixture.onFx(queue::getTitle));
        List<Double> capacity = DashboardFixture.onFx(() -> queue.getData().stream()
                .filter(s -> s.getName().equals("capacity")).findFirst().orElseThrow().getData().stream()
                .map(XYChart.Data::getYValue).map(y -> ((Number) y).doubleValue()).toList());
        assertTrue(!capacity.isEmpty() && capacity.stream().allMatch(y -> y == 20),
                "the capacity shows at 20 only, no segment at the old 500 off the queue's scale: " + capacity);
        double top = DashboardFixture.onFx(() -> ((NumberAxis) queue.getYAxis()).getUpperBound());
        assertTrue(top >= 20 && top < 100, "the axis fits a queue of 10 under a capacity of 20, not 500: " + top);
    }

    private void tick(FxRobot robot, int times) {
        robot.interact(() -> {
            for (int i = 0; i < times; i++) {
                lab.sampler().tick();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
