package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.compare.Score;
import dev.poolscope.compare.Side;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ProportionalPolicy;
import dev.poolscope.engine.ThresholdPolicy;
import dev.poolscope.load.LoadGenerator;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Comparison;
import dev.poolscope.model.MetricsSampler;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;

/** The A/B window feeds both pools one load, scores both as they go, and ends every thread it started. */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {

    /** Threads that existed before this test; pools and generators of other tests may share names. */
    private final Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    private Comparison comparison;
    private Stage stage;

    @Start
    void start(Stage primary) {
        javafx.application.Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        stage = primary;
        PoolConfig a = DashboardFixture.FAST_POOL;
        comparison = new Comparison(a, Comparison.challenger(a), Scenario.BURST, MetricsSampler.DEFAULT_PERIOD, 600);
        stage.setScene(CompareWindow.scene(comparison, 1366, 768));
        stage.show();
        comparison.startSampling();
    }

    @AfterEach
    void closeComparison() {
        DashboardFixture.onFx(() -> {
            comparison.close(Duration.ofMillis(200));
            return null;
        });
    }

    @Test
    void bothPoolsReceiveTheSameRequestsAndBothScoresMove(FxRobot robot) {
        robot.clickOn("#startButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> DashboardFixture.onFx(() -> {
            Score a = comparison.score(Side.A);
            Score b = comparison.score(Side.B);
            return a.received() > 300 && b.received() > 300 && a.workerSeconds() > 0 && b.workerSeconds() > 0;
        }));
        robot.clickOn("#pauseButton");
        PoolSnapshot[] last = new PoolSnapshot[2];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            last[0] = comparison.lab(Side.A).dispatcher().snapshot();
            last[1] = comparison.lab(Side.B).dispatcher().snapshot();
            return last[0].submitted() == last[1].submitted();
        });
        assertEquals(last[0].submitted(), DashboardFixture.onFx(() -> comparison.generatedProperty().get()),
                "each drawn request went to both pools");
        await().atMost(Duration.ofSeconds(5)).until(() -> DashboardFixture.onFx(() -> text(robot, "#receivedA")
                .equals(String.format("%,d", last[0].submitted())) && text(robot, "#receivedB")
                .equals(text(robot, "#receivedA"))));
        String waitA = DashboardFixture.onFx(() -> text(robot, "#scoreA-WORKER_SECONDS"));
        assertNotEquals("0.0", waitA.replace("✔", "").trim(), "A's cost moved");
        assertNotEquals("0.0", DashboardFixture.onFx(() -> text(robot, "#scoreB-WORKER_SECONDS")).replace("✔", "")
                .trim(), "B's cost moved");
        assertTrue(DashboardFixture.onFx(() -> text(robot, "#verdict")).matches("(A leads|B leads|even).*"),
                "a verdict is shown");
    }

    @Test
    void stopEndsBothPoolsAndTheGeneratorAndFreezesTheScore(FxRobot robot) {
        robot.clickOn("#startButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> DashboardFixture.onFx(
                () -> comparison.score(Side.B).received() > 100));
        robot.clickOn("#stopButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(
                () -> comparison.phaseProperty().get() == Comparison.Phase.STOPPED));
        assertTrue(comparison.lab(Side.A).dispatcher().isTerminated());
        assertTrue(comparison.lab(Side.B).dispatcher().isTerminated());
        await().atMost(Duration.ofSeconds(10)).until(() -> startedThreads(before).isEmpty());
        Score frozen = DashboardFixture.onFx(() -> comparison.score(Side.A));
        DashboardFixture.onFx(() -> {
            comparison.tick();
            return null;
        });
        assertEquals(frozen, DashboardFixture.onFx(() -> comparison.score(Side.A)), "the score stays as it was");
        assertTrue(DashboardFixture.onFx(() -> robot.lookup("#minA").query().isDisabled()),
                "a stopped pool takes no settings");

        var stoppedA = comparison.lab(Side.A).dispatcher();
        robot.clickOn("#startButton");
        assertEquals(Comparison.Phase.RUNNING, DashboardFixture.onFx(() -> comparison.phaseProperty().get()));
        assertNotSame(stoppedA, comparison.lab(Side.A).dispatcher(), "Start again runs fresh pools");
        assertTrue(DashboardFixture.onFx(() -> comparison.score(Side.A).received() < frozen.received()),
                "and a fresh score");
    }

    @Test
    void closingTheWindowEndsBothPoolsAndTheGenerator(FxRobot robot) {
        // The pools of the comparison set up for every test run on; only the window's own must end.
        Set<Thread> running = Set.copyOf(Thread.getAllStackTraces().keySet());
        Stage window = DashboardFixture.onFx(() -> CompareWindow.open(stage, null, DashboardFixture.FAST_POOL,
                Comparison.challenger(DashboardFixture.FAST_POOL), Scenario.BURST, true));
        Comparison opened = DashboardFixture.onFx(() -> ((CompareController) window.getScene().getRoot()
                .getProperties().get(CompareController.class)).comparison());
        await().atMost(Duration.ofSeconds(20)).until(() -> DashboardFixture.onFx(
                () -> opened.score(Side.A).received() > 100));
        robot.interact(window::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> opened.lab(Side.A).dispatcher().isTerminated()
                && opened.lab(Side.B).dispatcher().isTerminated());
        await().atMost(Duration.ofSeconds(10)).until(() -> startedThreads(running).isEmpty());
    }

    @Test
    void aSettingChangedOnOneSideGoesToThatPoolOnly(FxRobot robot) {
        robot.clickOn("#startButton");
        DashboardFixture.typeInto(robot, "#targetB", "0.5");
        DashboardFixture.typeInto(robot, "#capacityA .text-field", "300");
        assertEquals(300, comparison.lab(Side.A).dispatcher().config().queueCapacity());
        assertEquals(500, comparison.lab(Side.B).dispatcher().config().queueCapacity());
        assertEquals(0.5, ((ProportionalPolicy) comparison.lab(Side.B).dispatcher().config().scalingPolicy())
                .target());
        assertEquals(ThresholdPolicy.defaults(), comparison.lab(Side.A).dispatcher().config().scalingPolicy());
        DashboardFixture.typeInto(robot, "#targetB", "7");
        assertTrue(DashboardFixture.onFx(() -> text(robot, "#statusLabel")).startsWith("⚠ B: Target utilisation 7 "
                + "is not allowed"), DashboardFixture.onFx(() -> text(robot, "#statusLabel")));
        assertEquals("0.5", DashboardFixture.onFx(() -> robot.lookup("#targetB")
                .queryAs(TextField.class).getText()), "the refused value snaps back");
    }

    @Test
    void valuesTypedOutOfRangeAreRefusedAsTypedAndChangeNothing(FxRobot robot) {
        PoolConfig a = comparison.lab(Side.A).dispatcher().config();
        PoolConfig b = comparison.lab(Side.B).dispatcher().config();
        TypedValuesTest.type(robot, "#maxB", "5000");
        assertEquals("⚠ B: Max workers 5,000 is not allowed: must be 1 to 1,024", status(robot));
        TypedValuesTest.type(robot, "#minA", "-5");
        assertEquals("⚠ A: Min workers -5 is not allowed: must be 1 to 1,024", status(robot));
        TypedValuesTest.type(robot, "#capacityA", "99999999");
        assertEquals("⚠ A: Queue capacity 99,999,999 is not allowed: must be 1 to 10,000,000", status(robot));
        TypedValuesTest.type(robot, "#rateSpinner", "0");
        assertEquals("⚠ Rate 0 req/s is not allowed: must be 1 to 1,000,000 req/s", status(robot));
        DashboardFixture.typeInto(robot, "#targetB", "abc");
        assertEquals("⚠ B: Target utilisation \"abc\" is not a number: must be greater than 0 and at most 1",
                status(robot));
        assertEquals(a, comparison.lab(Side.A).dispatcher().config());
        assertEquals(b, comparison.lab(Side.B).dispatcher().config());
        assertEquals(Comparison.Phase.READY, DashboardFixture.onFx(() -> comparison.phaseProperty().get()),
                "Enter in a spinner applies its value; it does not press Start");
        assertEquals(Scenario.BURST.baseSettings().ratePerSecond(), DashboardFixture.onFx(
                () -> comparison.ratePerSecondProperty().get()));
    }

    private static String status(FxRobot robot) {
        return DashboardFixture.onFx(() -> text(robot, "#statusLabel"));
    }

    @Test
    void fitsALaptopAndAProjectorScreenWithNothingCutOff(FxRobot robot) {
        // A window of its own: a size set on the shared primary stage would stay for the test classes after this one.
        Comparison sized = DashboardFixture.onFx(() -> new Comparison(DashboardFixture.FAST_POOL,
                Comparison.challenger(DashboardFixture.FAST_POOL), Scenario.BURST, MetricsSampler.DEFAULT_PERIOD, 600));
        Stage window = DashboardFixture.onFx(() -> {
            Stage w = new Stage();
            w.setScene(CompareWindow.scene(sized, 1366, 768));
            w.show();
            sized.startSampling();
            sized.start();
            return w;
        });
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> DashboardFixture.onFx(
                    () -> sized.score(Side.A).received() > 50));
            for (double[] size : new double[][] {{1366, 768}, {1024, 768}}) {
                robot.interact(() -> {
                    window.setWidth(size[0]);
                    window.setHeight(size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                List<String> problems = DashboardFixture.onFx(() -> problems(window));
                assertEquals(List.of(), problems, "at " + size[0] + "×" + size[1]);
            }
            // Projector and two zoom steps on a 1024×768 screen: everything lies in the window or in scroll content.
            robot.interact(() -> {
                window.getScene().getRoot().getStyleClass().add("projector");
                FontScale.of(window.getScene().getRoot()).zoom(1);
                FontScale.of(window.getScene().getRoot()).zoom(1);
            });
            settle(window);
            assertEquals(List.of(), DashboardFixture.onFx(() -> unreachable(window)),
                    "projector and zoom ×2 at 1024×768");
        } finally {
            DashboardFixture.onFx(() -> {
                window.hide();
                sized.close(Duration.ofMillis(200));
                return null;
            });
        }
    }

    /** Lays the window out until it is stable: a chart's legend side follows its size. */
    private static void settle(Stage window) {
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 3; i++) {
            DashboardFixture.onFx(() -> {
                window.getScene().getRoot().applyCss();
                window.getScene().getRoot().layout();
                return null;
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Every shown node outside both the window and the content of the scroll pane it is in, every label cut off,
     * and every chart without its legend.
     */
    private static List<String> unreachable(Stage window) {
        List<String> found = new ArrayList<>();
        javafx.scene.Scene scene = window.getScene();
        Bounds all = new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        for (Node n : scene.getRoot().lookupAll("*")) {
            if (!ScreenFitTest.shown(n) || scrollPanePart(n)) {
                continue;
            }
            if (!ScreenFitTest.reachable(n, all)) {
                found.add(describe(n) + " at " + n.localToScene(n.getBoundsInLocal()));
            }
            if (n instanceof Labeled l && ScreenFitTest.truncated(l)) {
                found.add(describe(n) + " is cut off");
            }
        }
        for (Node chart : scene.getRoot().lookupAll(".live-chart")) {
            Node legend = chart.lookup(".chart-legend");
            if (legend == null || !legend.isVisible()) {
                found.add(describe(chart) + " has no legend");
            }
        }
        return found;
    }

    /** A scroll pane's own bars, corner and viewport, which lie around its content rather than in it. */
    private static boolean scrollPanePart(Node n) {
        Node child = n;
        for (Node p = n.getParent(); p != null; child = p, p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane scroll) {
                Node content = scroll.getContent();
                for (Node c = n; c != null; c = c.getParent()) {
                    if (c == content) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** Controls outside the scene, labels (combo boxes' included) cut short, and fields too narrow for their text. */
    private static List<String> problems(Stage window) {
        List<String> found = new ArrayList<>();
        Bounds scene = window.getScene().getRoot().getLayoutBounds();
        for (Node n : window.getScene().getRoot().lookupAll("*")) {
            if (!(n instanceof Control) || !n.isVisible()) {
                continue;
            }
            Bounds b = n.localToScene(n.getBoundsInLocal());
            // The settings column scrolls, so its controls may lie below the fold; they must still not be cut off.
            if (!(n.getParent() instanceof Control) && !inScrollPane(n) && (b.getMinX() < -0.5 || b.getMinY() < -0.5
                    || b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5)) {
                found.add(describe(n) + " at " + b);
            }
            if (n instanceof Labeled l && ScreenFitTest.truncated(l)) {
                found.add(describe(n) + " is cut off");
            }
            if (n instanceof TextField f && tooNarrow(f)) {
                found.add(describe(f.getParent() instanceof Control c ? c : f) + " shows only part of '"
                        + f.getText() + "'");
            }
        }
        return found;
    }

    private static boolean tooNarrow(TextField field) {
        Text text = new Text(field.getText());
        text.setFont(field.getFont());
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        return text.getLayoutBounds().getWidth() > room + 0.5;
    }

    private static boolean inScrollPane(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() != null ? "#" + n.getId() : "")
                + (n instanceof Labeled l ? " '" + l.getText() + "'" : "");
    }

    private static String text(FxRobot robot, String query) {
        return DashboardFixture.onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    /** Live threads started since {@code earlier} by A/B pools and load generators. */
    private static List<String> startedThreads(Set<Thread> earlier) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !earlier.contains(t) && t.isAlive())
                .map(Thread::getName).filter(name -> name.startsWith(Comparison.POOL_NAMES.get(Side.A))
                        || name.startsWith(Comparison.POOL_NAMES.get(Side.B)) || name.equals(LoadGenerator.THREAD_NAME))
                .toList();
    }
}
