package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

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
import dev.poolscope.model.PoolFigure;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/** A pool without latency or a load threshold (a plain ThreadPoolExecutor, say): shown absent, never zero. */
@ExtendWith(ApplicationExtension.class)
class AbsentFiguresTest {

    private static final String NO_LATENCY = "A ThreadPoolExecutor: it measures no latency";
    private static final String NO_THRESHOLD = "A ThreadPoolExecutor: it grows only when its queue is full";

    private final Dispatcher other = Dispatcher.start("absent-test", PoolConfig.builder().workers(2, 4).build(),
            Map.of());
    private Lab lab;

    @Start
    void start(Stage stage) {
        lab = DashboardFixture.show(stage, Scenario.STEADY, 600);
    }

    @AfterEach
    void stop() {
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
        other.shutdown(Duration.ofSeconds(1));
    }

    @Test
    void showsWhatThePoolLacksAsADashWithTheReasonAndDisablesItsControls(FxRobot robot) {
        robot.interact(() -> lab.watch(new PretendRemote(other, Map.of(PoolFigure.LATENCY, NO_LATENCY,
                PoolFigure.LOAD_THRESHOLD, NO_THRESHOLD))));
        robot.interact(lab::unlockTuning);
        Label latency = DashboardFixture.onFx(() -> robot.lookup("#latency").queryAs(Label.class));
        await().atMost(Duration.ofSeconds(5)).until(() -> DashboardFixture.onFx(latency::getText).equals("—"));
        assertEquals(NO_LATENCY, DashboardFixture.onFx(() -> latency.getTooltip().getText()));
        TextField threshold = DashboardFixture.onFx(() -> robot.lookup("#thresholdField").queryAs(TextField.class));
        assertTrue(DashboardFixture.onFx(threshold::isDisabled), "no threshold to set");
        assertEquals("Not available: " + NO_THRESHOLD, DashboardFixture.onFx(() -> threshold.getTooltip().getText()));
        assertFalse(DashboardFixture.onFx(() -> robot.lookup("#capacitySpinner").query().isDisabled()),
                "what the pool has stays tunable");
    }
}
