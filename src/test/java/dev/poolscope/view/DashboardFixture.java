package dev.poolscope.view;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.App;
import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import dev.poolscope.model.MetricsSampler;
import javafx.stage.Stage;

/** Puts a real dashboard on the TestFX stage, with a small fast pool so effects show within seconds. */
final class DashboardFixture {

    /** Scales quickly: a 20 ms tick and a low threshold. */
    static final PoolConfig FAST_POOL = PoolConfig.builder().workers(2, 8).loadThreshold(5).queueCapacity(500)
            .requestTimeout(Duration.ofMillis(500)).maxRetries(1).scalingTick(Duration.ofMillis(20)).build();

    private DashboardFixture() {
    }

    static Lab show(Stage stage, Scenario scenario, int samplesKept) {
        Lab lab = new Lab(config -> Dispatcher.start(config, Map.of()), FAST_POOL, scenario,
                MetricsSampler.DEFAULT_PERIOD, samplesKept);
        stage.setScene(App.dashboard(lab, "test", testPreferences(), 1280, 800));
        stage.show();
        lab.sampler().start();
        return lab;
    }

    /** Preferences in a throwaway node, so tests neither read nor change the user's. */
    static ViewPreferences testPreferences() {
        return ViewPreferences.in(java.util.prefs.Preferences.userRoot().node("dev/poolscope/test/"
                + java.util.UUID.randomUUID()));
    }

    /** Runs {@code read} on the FX thread and returns its result. */
    static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError("the FX-thread read failed", e);
        }
    }

    /** Types {@code text} into the node found by {@code query}, replacing what was there, and presses Enter. */
    static void typeInto(FxRobot robot, String query, String text) {
        robot.doubleClickOn(query);
        robot.interact(() -> robot.lookup(query).queryAs(javafx.scene.control.TextField.class).clear());
        robot.write(text).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
