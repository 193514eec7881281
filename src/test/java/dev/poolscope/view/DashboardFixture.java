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
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
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

    /** Runs {@code read} on the FX thread and returns its result; on the FX thread already, runs it at once. */
    static <T> T onFx(Callable<T> read) {
        try {
            return Platform.isFxApplicationThread() ? read.call() : WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError("the FX-thread read failed", e);
        }
    }

    /**
     * Scrolls the side panel until the node found by {@code query} is at its top, as a user would before clicking
     * it: the robot clicks only what is on screen, and the panel scrolls below the fold on a laptop-sized window.
     */
    static void reveal(FxRobot robot, String query) {
        robot.interact(() -> {
            Node node = robot.lookup(query).query();
            for (Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane scroll) {
                    Node content = scroll.getContent();
                    double top = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                    double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    if (range > 0) {
                        scroll.setVvalue(Math.max(0, Math.min(1, top / range)));
                    }
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types {@code text} into the node found by {@code query}, replacing what was there, and presses Enter. */
    static void typeInto(FxRobot robot, String query, String text) {
        reveal(robot, query);
        robot.doubleClickOn(query);
        // Focus by hand too: a panel laid out again between the click and the keys must not send them elsewhere.
        robot.interact(() -> {
            javafx.scene.control.TextField field = robot.lookup(query).queryAs(javafx.scene.control.TextField.class);
            field.requestFocus();
            field.clear();
        });
        robot.write(text).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
