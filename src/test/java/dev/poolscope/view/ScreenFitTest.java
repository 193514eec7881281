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

        List<Node> controls = new ArrayList<>();
        controls.addAll(controls(robot.lookup(".toolbar").queryAs(Parent.class)));
        controls.addAll(controls(robot.lookup(".status-bar").queryAs(Parent.class)));
        assertTrue(controls.size() >= 10, "found the bars' controls: " + controls);
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

    /** Labels on screen (their sections shown) that show an ellipsis instead of their whole text. */
    private static List<String> cutLabels(FxRobot robot) {
        return DashboardFixture.onFx(() -> java.util.stream.Stream.of(".sidebar .label", ".sidebar .list-cell",
                        ".tile-title", ".status-ledger", ".status-tick")
                .flatMap(q -> robot.lookup(q).queryAllAs(Labeled.class).stream()).filter(ScreenFitTest::shown)
                .filter(ScreenFitTest::truncated).map(Labeled::getText).toList());
    }

    /** Visible with every parent: a label in a hidden section is not on screen. */
    private static boolean shown(Node n) {
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
