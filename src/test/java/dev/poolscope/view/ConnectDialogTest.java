package dev.poolscope.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.jmx.PoolJmx;
import dev.poolscope.jmx.PoolRegistration;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Lab;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The Connect… window against a pool served on a loopback JMX connector (this JVM's own MBean server, reached
 * as a remote client would): connect by URL, see the overview, pick the pool, watch it read-only, unlock, tune
 * it live, and go back to the demo pool.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogTest {

    private static final String POOL = "gui-remote";

    private final Dispatcher remote = Dispatcher.start("gui-remote-test",
            PoolConfig.builder().workers(2, 8).scalingTick(Duration.ofMillis(50)).build(), Map.of());
    private final GatedMBeanServer gate = new GatedMBeanServer();
    private PoolRegistration registration;
    private JMXConnectorServer server;
    private Lab lab;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        registration = PoolJmx.register(remote, POOL);
        server = JMXConnectorServerFactory.newJMXConnectorServer(new JMXServiceURL("service:jmx:rmi://127.0.0.1:0"),
                null, ManagementFactory.getPlatformMBeanServer());
        server.setMBeanServerForwarder(gate.forwarder());
        server.start();
        lab = DashboardFixture.show(stage, Scenario.STEADY, 600);
    }

    @AfterEach
    void stop() throws Exception {
        gate.release();
        DashboardFixture.onFx(() -> lab.close(Duration.ofMillis(200)));
        registration.close();
        remote.shutdown(Duration.ofSeconds(1));
        server.stop();
    }

    @Test
    void connectsByUrlWatchesReadOnlyThenTunesLiveAfterUnlocking(FxRobot robot) throws Exception {
        TableView<PoolRow> table = connectAndSelect(robot);
        save(DashboardFixture.onFx(table::getScene), "connect-dialog");
        robot.clickOn("#watchButton");

        await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(() -> lab.sourceProperty().get()
                .isRemote()));
        Label where = DashboardFixture.onFx(() -> robot.lookup("#sourceLabel").queryAs(Label.class));
        assertTrue(DashboardFixture.onFx(where::getText).startsWith("Watching " + POOL + " (PoolScope)"),
                DashboardFixture.onFx(where::getText));
        Node capacity = DashboardFixture.onFx(() -> robot.lookup("#capacitySpinner").query());
        assertTrue(DashboardFixture.onFx(capacity::isDisabled), "a remote pool opens read-only");
        assertTrue(DashboardFixture.onFx(() -> stage.getScene().getRoot().getStyleClass().contains("watching-remote")));

        robot.clickOn("#unlockButton");
        assertFalse(DashboardFixture.onFx(capacity::isDisabled));
        assertTrue(DashboardFixture.onFx(() -> stage.getScene().getRoot().getStyleClass().contains("live-tuning")));
        robot.interact(() -> lab.settings().maxWorkersProperty().set(11));
        await().atMost(Duration.ofSeconds(5)).until(() -> remote.config().maxWorkers() == 11);
        await().atMost(Duration.ofSeconds(5)).until(() -> DashboardFixture.onFx(() -> lab.log().entries().stream()
                .anyMatch(e -> e.toString().contains("max workers 8 → 11"))));
        // A few samples in, for the picture.
        await().atMost(Duration.ofSeconds(5)).until(() -> DashboardFixture.onFx(() -> lab.history().all().size() > 4));
        save(DashboardFixture.onFx(stage::getScene), "live-tuning");

        robot.clickOn("#demoButton");
        assertFalse(DashboardFixture.onFx(() -> lab.sourceProperty().get().isRemote()));
        assertEquals(0, DashboardFixture.onFx(() -> stage.getScene().getRoot().getStyleClass().stream()
                .filter(c -> c.equals("live-tuning")).count()));
    }

    @Test
    void aWatchThatFailsLeavesWatchOnToTryAgain(FxRobot robot) throws Exception {
        connectAndSelect(robot);
        gate.refuse(true);
        robot.clickOn("#watchButton");
        Label status = DashboardFixture.onFx(() -> robot.lookup("#connectStatus").queryAs(Label.class));
        await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(status::getText)
                .startsWith("Could not read " + POOL));
        assertFalse(DashboardFixture.onFx(() -> robot.lookup("#watchButton").query().isDisabled()),
                "Watch stays on after a failed try");

        gate.refuse(false);
        robot.clickOn("#watchButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(() -> lab.sourceProperty().get()
                .isRemote()));
    }

    @Test
    void closingTheWindowWhileAPoolOpensDoesNotWatchIt(FxRobot robot) throws Exception {
        TableView<PoolRow> table = connectAndSelect(robot);
        gate.hold();
        robot.clickOn("#watchButton");
        assertTrue(gate.awaitHeld(10), "the pool's first read reached the remote JVM");
        robot.interact(() -> ((Stage) table.getScene().getWindow()).close());
        gate.release();

        // Given up, the pool's source is closed, and with it the connection; watched, it would stay open.
        await().atMost(Duration.ofSeconds(10)).until(() -> server.getConnectionIds().length == 0
                || DashboardFixture.onFx(() -> lab.sourceProperty().get().isRemote()));
        assertFalse(DashboardFixture.onFx(() -> lab.sourceProperty().get().isRemote()),
                "a pool opened after the window closed is not watched");
    }

    /** Opens Connect…, connects to the test server by URL and selects the test pool once its figures show. */
    @Test
    void followsProjectorAndZoomAndKeepsThreeRowsOfLocalJvms(FxRobot robot) {
        robot.clickOn("#openConnectButton");
        ListView<?> jvms = DashboardFixture.onFx(() -> robot.lookup("#jvmList").queryAs(ListView.class));
        Parent dialog = DashboardFixture.onFx(() -> jvms.getScene().getRoot());
        try {
            robot.interact(() -> robot.lookup("#projectorButton").queryAs(ToggleButton.class)
                    .setSelected(true));
            assertTrue(DashboardFixture.onFx(() -> dialog.getStyleClass().contains("projector")),
                    "Projector turned on in the dashboard reaches the open dialog");
            assertEquals(16.0, DashboardFixture.onFx(() -> FontScale.of(dialog).pxProperty().get()), 0.01);
            robot.interact(() -> ((Stage) dialog.getScene().getWindow()).requestFocus());
            robot.clickOn("#connectTarget");
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS)
                    .release(KeyCode.EQUALS, KeyCode.CONTROL);
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS)
                    .release(KeyCode.EQUALS, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(16.0 * 1.08 * 1.08, DashboardFixture.onFx(() -> FontScale.of(dialog).pxProperty().get()),
                    0.01, "Ctrl+Plus twice zooms the dialog's text");
            // Rows of the list at the zoomed size: a cell's height, measured with the dialog's font.
            double[] sizes = DashboardFixture.onFx(() -> {
                dialog.applyCss();
                dialog.layout();
                ListCell<String> cell = new ListCell<>();
                cell.setText("12345 dev.poolscope.App");
                StackPane probe = new StackPane(cell);
                ((VBox) dialog).getChildren().add(probe);
                probe.setManaged(false);
                dialog.applyCss();
                double row = cell.prefHeight(-1);
                ((VBox) dialog).getChildren().remove(probe);
                return new double[] {jvms.getHeight(), row};
            });
            assertTrue(sizes[0] >= 3 * sizes[1], "the Local JVMs list is " + sizes[0] + " px, three rows of "
                    + sizes[1] + " px at least");
        } finally {
            robot.interact(() -> {
                robot.lookup("#projectorButton").queryAs(ToggleButton.class).setSelected(false);
                ((Stage) dialog.getScene().getWindow()).close();
            });
        }
    }

    private TableView<PoolRow> connectAndSelect(FxRobot robot) {
        robot.clickOn("#openConnectButton");
        TextField target = DashboardFixture.onFx(() -> robot.lookup("#connectTarget").queryAs(TextField.class));
        robot.interact(() -> target.setText(server.getAddress().toString()));
        robot.clickOn("#connectButton");
        @SuppressWarnings("unchecked")
        TableView<PoolRow> table = DashboardFixture.onFx(() -> robot.lookup("#poolTable").queryAs(TableView.class));
        await().atMost(Duration.ofSeconds(10)).until(() -> DashboardFixture.onFx(() -> table.getItems().stream()
                .anyMatch(r -> r.name().equals(POOL) && r.sizeProperty().get().equals("2 / 8"))));
        robot.interact(() -> table.getItems().stream().filter(r -> r.name().equals(POOL)).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r)));
        return table;
    }

    /** Keeps a picture of the window for the README (target/screens). */
    private static void save(Scene scene, String name) throws Exception {
        File dir = new File("target/screens");
        dir.mkdirs();
        var image = DashboardFixture.onFx(() -> scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir, name + ".png"));
    }
}
