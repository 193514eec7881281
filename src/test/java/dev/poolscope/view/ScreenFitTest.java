package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.App;
import dev.poolscope.engine.Dispatcher;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import dev.poolscope.model.MetricsSampler;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window opens inside the screen's visual bounds, and every control of the top bar and the status bar is on
 * screen and shows its whole text. Surefire runs this class once per Monocle screen size (1366×768, 1024×768:
 * {@code headless.geometry} is fixed per JVM), see pom.xml.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "headless.geometry", matches = "(1366|1024)x768.*")
class ScreenFitTest {

    private Lab lab;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
        lab = new Lab(config -> Dispatcher.start(config, java.util.Map.of()), DashboardFixture.FAST_POOL,
                Scenario.STEADY, MetricsSampler.DEFAULT_PERIOD, 100);
        ViewPreferences prefs = DashboardFixture.testPreferences();
        stage.setScene(App.dashboard(lab, "test", prefs));
        WindowPlacement.apply(stage, prefs);
        stage.show();
        lab.sampler().start();
    }

    @AfterEach
    void closeLab() {
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
    }

    @Test
    void theWindowAndEveryControlOfTheTopBarAndStatusBarAreOnScreen(FxRobot robot) {
        Rectangle2D visible = Screen.getPrimary().getVisualBounds();
        Rectangle2D window = DashboardFixture.onFx(
                () -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        assertTrue(contains(visible, window), "window " + window + " inside " + visible);

        List<Node> controls = DashboardFixture.onFx(() -> {
            List<Node> found = new ArrayList<>(controls(robot.lookup(".toolbar").queryAs(Parent.class)));
            found.addAll(controls(robot.lookup(".status-bar").queryAs(Parent.class)));
            return found;
        });
        // Naming the nodes reads their style classes: on the FX thread too, and only on a failure.
        assertTrue(controls.size() >= 10, () -> "found the bars' controls: "
                + DashboardFixture.onFx(controls::toString));
        List<String> problems = DashboardFixture.onFx(() -> {
            List<String> found = new ArrayList<>();
            for (Node n : controls) {
                Bounds b = n.localToScreen(n.getBoundsInLocal());
                if (b == null || !contains(visible, new Rectangle2D(b.getMinX(), b.getMinY(), b.getWidth(),
                        b.getHeight()))) {
                    found.add(describe(n) + " at " + b);
                } else if (n instanceof Labeled l && truncated(l)) {
                    found.add(describe(n) + " is cut off");
                }
            }
            return found;
        });
        assertEquals(List.of(), problems, "controls off screen or cut off on " + visible);
    }

    @Test
    @EnabledIfSystemProperty(named = "headless.geometry", matches = "1366x768.*")
    void onALaptopScreenTheTopBarIsOneRow(FxRobot robot) {
        // A second row of buttons takes the height of a chart's axis labels from a 768-pixel screen.
        List<Double> rows = DashboardFixture.onFx(() -> robot.lookup(".toolbar-group").queryAll().stream()
                .map(g -> g.getBoundsInParent().getMinY()).distinct().toList());
        assertEquals(1, rows.size(), "the top bar's groups start at y = " + rows);
    }

    @Test
    void theLeftPanelScrollsAndNoLabelIsCutOff(FxRobot robot) {
        boolean scrolls = DashboardFixture.onFx(() -> {
            var scroll = robot.lookup(".sidebar-scroll").queryAs(javafx.scene.control.ScrollPane.class);
            return scroll.getContent().getLayoutBounds().getHeight() > scroll.getViewportBounds().getHeight();
        });
        assertTrue(scrolls, "on a short screen the panel is taller than its viewport, so it scrolls");
        assertEquals(List.of(), cutLabels(robot), "no panel label or tile title is cut off");
    }

    @Test
    void anHttpScenariosFourRowsOfChartsEndAboveTheStatusBarAndItsBackendLabelsShowWhole(FxRobot robot) {
        DashboardFixture.onFx(() -> {
            lab.load().scenarioProperty().set(Scenario.HTTP_SATURATES);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Bounds status = DashboardFixture.onFx(() -> screenBounds(robot.lookup(".status-bar").query()));
        List<String> over = DashboardFixture.onFx(() -> robot.lookup(".live-chart").queryAll().stream()
                .filter(ScreenFitTest::shown).filter(c -> screenBounds(c).getMaxY() > status.getMinY() + 0.5)
                .map(c -> c.getId() + " ends at " + screenBounds(c).getMaxY()).toList());
        assertEquals(List.of(), over, "every chart ends above the status bar at " + status.getMinY()
                + ", none painted over it");
        assertTrue(DashboardFixture.onFx(() -> robot.lookup(".backend-controls").query().isVisible()));
        assertEquals(List.of(), cutLabels(robot), "no panel label or tile title is cut off");
    }

    @Test
    void withProjectorAndUpToThreeZoomStepsEveryTileAndChartIsReachableAndKeepsItsLegend(FxRobot robot) {
        DashboardFixture.onFx(() -> {
            robot.lookup("#projectorButton").queryAs(javafx.scene.control.ToggleButton.class).setSelected(true);
            return null;
        });
        for (int zoom = 0; zoom <= 3; zoom++) {
            if (zoom > 0) {
                robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
            }
            settle();
            assertEquals(List.of(), unreachable(robot), "projector, " + zoom + " zoom steps, window "
                    + DashboardFixture.onFx(() -> stage.getWidth() + "×" + stage.getHeight()));
        }
    }

    @Test
    void atTheWindowsMinimumSizeEverythingIsReachableByScrolling(FxRobot robot) {
        DashboardFixture.onFx(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
            return null;
        });
        settle();
        assertEquals(List.of(), unreachable(robot), "at " + DashboardFixture.onFx(() -> stage.getWidth() + "×"
                + stage.getHeight()));
    }

    /** Lays the window out until it is stable: a chart's legend side and minimum width follow its size. */
    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 3; i++) {
            DashboardFixture.onFx(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                return null;
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Tiles, charts, their titles and legends, and the side panel's labels and buttons, that cannot be seen: outside the window, or outside the content of
     * the scroll pane they are in; a chart without its legend; a tile's or chart's label cut off with "…" or
     * narrower than its widest word (broken mid-word).
     */
    private List<String> unreachable(FxRobot robot) {
        return DashboardFixture.onFx(() -> {
            List<String> found = new ArrayList<>();
            javafx.scene.Scene scene = stage.getScene();
            Bounds window = new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
            for (String q : List.of(".tile", ".live-chart", ".log-pane", ".chart-title", ".tile .label",
                    ".status-bar", ".sidebar .label", ".sidebar .button")) {
                for (Node n : robot.lookup(q).queryAll()) {
                    if (!shown(n)) {
                        continue;
                    }
                    if (!reachable(n, window)) {
                        found.add(q + " " + describe(n) + " at " + n.localToScene(n.getBoundsInLocal()));
                    }
                    if (n instanceof Labeled l && (truncated(l) || l.isWrapText()
                            && l.getWidth() + 0.5 < WholeWords.widestWord(l) - 1)) {
                        found.add(describe(n) + " cut or broken mid-word at width " + l.getWidth());
                    }
                }
            }
            for (Node chart : robot.lookup(".live-chart").queryAll()) {
                Node legend = chart.lookup(".chart-legend");
                if (shown(chart) && (legend == null || !legend.isVisible())) {
                    found.add(chart.getId() + " has no legend");
                }
            }
            return found;
        });
    }

    /** Inside its scroll pane's content (the pane itself in the window), or inside the window. */
    static boolean reachable(Node n, Bounds window) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                Node content = scroll.getContent();
                Bounds inContent = content.sceneToLocal(b);
                return inside(content.getLayoutBounds(), inContent) && reachable(scroll, window);
            }
        }
        return inside(window, b);
    }

    private static boolean inside(Bounds outer, Bounds inner) {
        double slack = 0.5;
        return inner.getMinX() >= outer.getMinX() - slack && inner.getMinY() >= outer.getMinY() - slack
                && inner.getMaxX() <= outer.getMaxX() + slack && inner.getMaxY() <= outer.getMaxY() + slack;
    }

    /** Labels on screen (their sections shown) that show an ellipsis instead of their whole text. */
    private static List<String> cutLabels(FxRobot robot) {
        return DashboardFixture.onFx(() -> java.util.stream.Stream.of(".sidebar .label", ".sidebar .list-cell",
                        ".tile-title", ".status-ledger", ".status-tick")
                .flatMap(q -> robot.lookup(q).queryAllAs(Labeled.class).stream()).filter(ScreenFitTest::shown)
                .filter(ScreenFitTest::truncated).map(Labeled::getText).toList());
    }

    /** Visible with every parent: a label in a hidden section is not on screen. */
    static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Bounds screenBounds(Node n) {
        return n.localToScreen(n.getBoundsInLocal());
    }

    private static List<Node> controls(Parent bar) {
        List<Node> found = new ArrayList<>();
        for (Node n : bar.lookupAll("*")) {
            if (n instanceof Control && n.isVisible() && n.getParent() != null
                    && !(n.getParent() instanceof Control)) {
                found.add(n);
            }
        }
        return found;
    }

    /** A label shows an ellipsis instead of its whole text. */
    static boolean truncated(Labeled label) {
        if (label.getText() == null || label.getText().isEmpty()) {
            return false;
        }
        return label.lookupAll(".text").stream().filter(Text.class::isInstance).map(t -> ((Text) t).getText())
                .anyMatch(shown -> !shown.equals(label.getText())
                        && (shown.endsWith("…") || shown.endsWith("...")));
    }

    private static boolean contains(Rectangle2D outer, Rectangle2D inner) {
        double slack = 0.5;
        return inner.getMinX() >= outer.getMinX() - slack && inner.getMinY() >= outer.getMinY() - slack
                && inner.getMaxX() <= outer.getMaxX() + slack && inner.getMaxY() <= outer.getMaxY() + slack;
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() != null ? "#" + n.getId() : "")
                + (n instanceof Labeled l ? " '" + l.getText() + "'" : "");
    }
}
