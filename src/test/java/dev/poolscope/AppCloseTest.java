package dev.poolscope;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import dev.poolscope.load.LoadGenerator;
import javafx.stage.Stage;

/** Closing the window stops the load and the pool: no PoolScope thread survives it. */
class AppCloseTest {

    @Test
    void closingTheWindowLeavesNoPoolThread() throws Exception {
        // Threads alive before the app starts are other tests' business, whatever their names.
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Stage stage = FxToolkit.registerPrimaryStage();
        App app = (App) FxToolkit.setupApplication(App.class);
        FxRobot robot = new FxRobot();
        robot.clickOn("#startButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> names(appThreads(before)).contains(LoadGenerator.THREAD_NAME));
        Set<Thread> running = appThreads(before);
        assertTrue(names(running).stream().anyMatch(n -> n.startsWith("poolscope-worker-")), names(running)
                .toString());

        robot.interact(stage::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> running.stream().noneMatch(Thread::isAlive)
                && appThreads(before).isEmpty());
        FxToolkit.cleanupApplication(app);
    }

    /** Live threads of the app's pool ("poolscope") and load generator that were not there {@code before}. */
    private static Set<Thread> appThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !before.contains(t))
                .filter(t -> t.getName().startsWith("poolscope-worker-") || t.getName().equals("poolscope-scheduler")
                        || t.getName().equals("poolscope-shutdown") || t.getName().equals(LoadGenerator.THREAD_NAME))
                .collect(Collectors.toSet());
    }

    private static Set<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).collect(Collectors.toSet());
    }
}
