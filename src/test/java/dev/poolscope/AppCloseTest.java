package dev.poolscope;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import javafx.stage.Stage;

/** Closing the window stops the load and the pool: no PoolScope thread survives it. */
class AppCloseTest {

    @Test
    void closingTheWindowLeavesNoPoolThread() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        App app = (App) FxToolkit.setupApplication(App.class);
        FxRobot robot = new FxRobot();
        robot.clickOn("#startButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> poolThreads().stream().anyMatch(n -> n.contains("load")));
        assertTrue(poolThreads().stream().anyMatch(n -> n.startsWith("poolscope-worker")), poolThreads().toString());
        robot.interact(stage::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> poolThreads().isEmpty());
        FxToolkit.cleanupApplication(app);
    }

    /** Threads of the app's own pool and load generator (tests' pools have other names). */
    private static Set<String> poolThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("poolscope-worker") || n.startsWith("poolscope-scheduler")
                        || n.startsWith("poolscope-load") || n.startsWith("poolscope-shutdown"))
                .collect(Collectors.toSet());
    }
}
