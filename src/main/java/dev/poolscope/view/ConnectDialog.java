package dev.poolscope.view;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.management.JMException;

import dev.poolscope.model.PoolSource;
import dev.poolscope.remote.JmxPoolSource;
import dev.poolscope.remote.JmxSession;
import dev.poolscope.remote.JmxTarget;
import dev.poolscope.remote.LocalJvm;
import dev.poolscope.remote.PoolDiscovery;
import dev.poolscope.remote.RemotePool;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The <em>Connect…</em> window: pick a local JVM (Attach API) or type {@code host:port} or a {@code service:jmx:}
 * URL with optional credentials, see every pool found there with live figures, and pick one to watch. Every
 * remote call runs on a {@code poolscope-connect} thread; the FX thread only shows the answers.
 */
final class ConnectDialog {

    private static final Duration OVERVIEW_PERIOD = Duration.seconds(1);

    private final Stage stage = new Stage();
    private final ListView<LocalJvm> jvmList = new ListView<>();
    private final TextField target = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button connect = new Button("Connect");
    private final Label status = new Label("Pick a local JVM or type a target, then Connect.");
    private final TableView<PoolRow> pools = new TableView<>();
    private final Button watch = new Button("Watch this pool");
    private final Timeline overview = new Timeline(new KeyFrame(OVERVIEW_PERIOD, e -> refreshOverview()));
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poolscope-connect");
        t.setDaemon(true);
        return t;
    });
    /** The Local JVMs list's minimum height in em: three rows and its borders (a row is about 2 em). */
    static final double JVM_LIST_MIN_EM = 6.6;

    private final Consumer<PoolSource> onPick;
    // FX-thread confined: the open connection, until a pool is picked (the source then owns it) or the window closes.
    private JmxSession session;
    // FX-thread confined: the row whose pool is being opened; null when none is, or when the user gave it up by
    // connecting again or closing the window, so that its source is closed instead of watched.
    private final ObjectProperty<PoolRow> opening = new SimpleObjectProperty<>();

    private ConnectDialog(Window owner, Appearance appearance, Consumer<PoolSource> onPick, Runnable onDemo) {
        this.onPick = onPick;
        stage.initOwner(owner);
        stage.setTitle("Connect to a JVM");
        overview.setCycleCount(Animation.INDEFINITE);
        Button demo = new Button("Demo pool");
        demo.setOnAction(e -> {
            onDemo.run();
            stage.close();
        });
        demo.setTooltip(new Tooltip("Watch the in-process demo pool again."));
        VBox content = new VBox(8, new Label("Local JVMs (this user's, by the Attach API)"), jvmList,
                targetRow(), status, new Label("Pools found"), pools, new HBox(8, watch, demo));
        content.setPadding(new Insets(12));
        VBox.setVgrow(pools, Priority.ALWAYS);
        buildList();
        buildTable();
        Scene scene = new Scene(content, 720, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        // Projector mode and the theme follow the dashboard's live, as the A/B window's do; Ctrl+Plus and Minus zoom
        // this window's text (FontScale), and the list of JVMs keeps three rows at any text size.
        Runnable unfollow = appearance == null ? () -> { } : appearance.follow(content);
        PresenterKeys.install(scene);
        jvmList.minHeightProperty().bind(FontScale.of(content).pxProperty().multiply(JVM_LIST_MIN_EM));
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            unfollow.run();
            dispose();
        });
    }

    /** Opens the window without following an appearance (its text is the stylesheets' unzoomed size). */
    static ConnectDialog show(Window owner, Consumer<PoolSource> onPick, Runnable onDemo) {
        return show(owner, null, onPick, onDemo);
    }

    /**
     * Opens the window, in {@code appearance} (followed while it is open; null for none); {@code onPick} gets the
     * chosen pool's source on the FX thread.
     */
    static ConnectDialog show(Window owner, Appearance appearance, Consumer<PoolSource> onPick, Runnable onDemo) {
        ConnectDialog d = new ConnectDialog(owner, appearance, onPick, onDemo);
        d.stage.show();
        d.listLocalJvms();
        return d;
    }

    private Node targetRow() {
        target.setId("connectTarget");
        target.setPromptText("pid, host:port or service:jmx:…");
        user.setPromptText("user (optional)");
        password.setPromptText("password");
        user.setPrefColumnCount(8);
        password.setPrefColumnCount(8);
        connect.setId("connectButton");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> connect());
        status.setId("connectStatus");
        status.setWrapText(true);
        HBox.setHgrow(target, Priority.ALWAYS);
        return new HBox(8, target, user, password, connect);
    }

    private void buildList() {
        jvmList.setId("jvmList");
        jvmList.setPrefHeight(110);
        jvmList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LocalJvm jvm, boolean empty) {
                super.updateItem(jvm, empty);
                setText(empty || jvm == null ? null : jvm.describe());
            }
        });
        jvmList.getSelectionModel().selectedItemProperty().addListener((o, a, jvm) -> {
            if (jvm != null) {
                target.setText(Long.toString(jvm.pid()));
            }
        });
    }

    private void buildTable() {
        pools.setId("poolTable");
        pools.setPlaceholder(new Label("Not connected"));
        pools.getColumns().setAll(List.of(
                column("Name", r -> new ReadOnlyStringWrapper(r.name()).getReadOnlyProperty(), 150),
                column("Kind", r -> new ReadOnlyStringWrapper(r.kind()).getReadOnlyProperty(), 160),
                column("Size / max", PoolRow::sizeProperty, 90),
                column("Queue", PoolRow::queueProperty, 70),
                column("Drops/s", PoolRow::dropsProperty, 70),
                sparklineColumn()));
        watch.setId("watchButton");
        watch.disableProperty().bind(pools.getSelectionModel().selectedItemProperty().isNull()
                .or(opening.isNotNull()));
        watch.setOnAction(e -> watchSelected());
        pools.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !watch.isDisabled()) {
                watchSelected();
            }
        });
    }

    private static TableColumn<PoolRow, String> column(String title,
            Function<PoolRow, ObservableValue<String>> value, double width) {
        TableColumn<PoolRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<PoolRow, Sparkline> sparklineColumn() {
        TableColumn<PoolRow, Sparkline> c = new TableColumn<>("Size, last 40 s");
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().sparkline()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Sparkline s, boolean empty) {
                super.updateItem(s, empty);
                setGraphic(empty ? null : s);
            }
        });
        c.setPrefWidth(110);
        return c;
    }

    private void listLocalJvms() {
        background.execute(() -> {
            List<LocalJvm> found = LocalJvm.list();
            Platform.runLater(() -> jvmList.getItems().setAll(found));
        });
    }

    private void connect() {
        JmxTarget parsed;
        try {
            parsed = JmxTarget.parse(target.getText());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        overview.stop();
        opening.set(null);
        closeSession();
        pools.getItems().clear();
        connect.setDisable(true);
        say("Connecting to " + parsed.describe() + "…", false);
        String name = user.getText().isBlank() ? null : user.getText().strip();
        char[] secret = password.getText().toCharArray();
        background.execute(() -> {
            try {
                JmxSession opened = JmxSession.open(parsed, name, secret);
                List<RemotePool> found = opened.call(PoolDiscovery::find);
                Platform.runLater(() -> connected(opened, found));
            } catch (IOException | JMException | RuntimeException e) {
                String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                Platform.runLater(() -> {
                    connect.setDisable(false);
                    fail("Could not connect to " + parsed.describe() + ": " + why);
                });
            } finally {
                Arrays.fill(secret, '\0');
            }
        });
    }

    private void connected(JmxSession opened, List<RemotePool> found) {
        connect.setDisable(false);
        if (!stage.isShowing()) {
            opened.close();
            return;
        }
        session = opened;
        found.forEach(p -> pools.getItems().add(new PoolRow(p)));
        say(found.isEmpty() ? "Connected to " + opened.target().describe() + ", but it has no pool PoolScope knows."
                : "Connected to " + opened.target().describe() + ": " + found.size() + " pool(s). Pick one to watch; "
                + "it opens read-only.", found.isEmpty());
        if (!found.isEmpty()) {
            pools.getSelectionModel().selectFirst();
        }
        refreshOverview();
        overview.play();
    }

    private void refreshOverview() {
        JmxSession s = session;
        if (s == null) {
            return;
        }
        for (PoolRow row : List.copyOf(pools.getItems())) {
            background.execute(() -> {
                try {
                    var snapshot = s.call(row.pool()::read);
                    Platform.runLater(() -> row.show(snapshot));
                } catch (IOException | JMException | RuntimeException e) {
                    Platform.runLater(row::failed);
                }
            });
        }
    }

    private void watchSelected() {
        PoolRow row = pools.getSelectionModel().getSelectedItem();
        JmxSession s = session;
        if (row == null || s == null || opening.get() != null) {
            return;
        }
        overview.stop();
        session = null; // the source owns the connection from here on
        opening.set(row);
        say("Opening " + row.name() + "…", false);
        background.execute(() -> {
            try {
                JmxPoolSource source = new JmxPoolSource(s, row.pool(), Platform::runLater);
                Platform.runLater(() -> opened(row, source));
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                Platform.runLater(() -> notOpened(row, s, why));
            }
        });
    }

    private void opened(PoolRow row, JmxPoolSource source) {
        if (opening.get() != row) {
            source.close();
            return;
        }
        opening.set(null);
        onPick.accept(source);
        stage.close();
    }

    /** Gives the connection back to the window, so that the user can pick again or Connect elsewhere. */
    private void notOpened(PoolRow row, JmxSession s, String why) {
        if (opening.get() != row) {
            s.close();
            return;
        }
        opening.set(null);
        session = s;
        fail("Could not read " + row.name() + ": " + why + ". Pick a pool to try again, or Connect again.");
        refreshOverview();
        overview.play();
    }

    private void fail(String message) {
        say(message, true);
    }

    private void say(String message, boolean error) {
        status.setText(message);
        status.getStyleClass().removeAll("connect-error");
        if (error) {
            status.getStyleClass().add("connect-error");
        }
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private void dispose() {
        overview.stop();
        opening.set(null);
        closeSession();
        background.shutdown();
    }

    /** The window, for tests. */
    Stage stage() {
        return stage;
    }
}
