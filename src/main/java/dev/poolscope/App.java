package dev.poolscope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.poolscope.cli.Main;
import dev.poolscope.cli.Options;
import dev.poolscope.cli.RemoteRecorder;
import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ShutdownReport;
import dev.poolscope.jmx.PoolJmx;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Comparison;
import dev.poolscope.model.EventLogModel;
import dev.poolscope.model.Lab;
import dev.poolscope.model.MetricHistory;
import dev.poolscope.model.MetricsSampler;
import dev.poolscope.remote.JmxPoolSource;
import dev.poolscope.view.CompareController;
import dev.poolscope.view.DashboardController;
import dev.poolscope.view.PresenterKeys;
import dev.poolscope.view.ViewPreferences;
import dev.poolscope.view.WindowPlacement;
import dev.poolscope.view.WrappedTooltips;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Starts the PoolScope window: builds the lab, loads the dashboard, starts sampling. Wiring only. */
public final class App extends Application {

    /** How long closing the window lets the pool drain before interrupting what still runs. */
    static final Duration CLOSE_DEADLINE = Duration.ofSeconds(1);

    private Lab lab;
    // The demo pool's shutdown, begun when the window closed; exit waits for it.
    private CompletableFuture<ShutdownReport> closing;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        // Main only opens the window for arguments that parse, so this cannot throw.
        Options options = Options.parse(args.toArray(String[]::new));
        boolean scenarioGiven = args.stream().anyMatch(a -> a.startsWith("--scenario"));
        boolean compare = args.contains("--compare");
        lab = new Lab(config -> demoPool(config, options.jmxName()), options.pool(),
                scenarioGiven ? options.scenario() : Scenario.BURST, MetricsSampler.DEFAULT_PERIOD,
                MetricHistory.DEFAULT_CAPACITY);
        if (options.rate() != null) {
            lab.load().ratePerSecondProperty().set(options.rate());
        }
        if (options.backend() != null) {
            lab.load().backend().set(options.backend());
        }
        stage.setTitle("PoolScope " + Main.version());
        ViewPreferences prefs = ViewPreferences.forUser();
        stage.setScene(dashboard(lab, Main.version(), prefs));
        WindowPlacement.apply(stage, prefs);
        Icons.apply(stage);
        // Closing the window ends the lab at once, whether or not the JVM goes on (as under tests).
        stage.setOnHidden(e -> closeLab());
        stage.show();
        StartupProbe.armIfAsked();
        lab.sampler().start();
        if (scenarioGiven && !compare) {
            lab.load().start();
        }
        if (compare) {
            // The scenario feeds the A/B pools; the dashboard's own pool stays idle, leaving them the machine.
            DashboardController dashboard = (DashboardController) stage.getScene().getRoot().getProperties()
                    .get(DashboardController.class);
            Stage ab = dashboard.openCompare(scenarioGiven ? options.scenario() : Scenario.BURST, scenarioGiven);
            Comparison shown = ((CompareController) ab.getScene().getRoot().getProperties()
                    .get(CompareController.class)).comparison();
            Screenshot.scheduleIfAsked(ab, shown::tickCostSummary);
        } else {
            Screenshot.scheduleIfAsked(stage, lab.sampler()::tickCostSummary);
        }
        if (options.connect() != null) {
            watchOnStart(options);
        }
    }

    /** {@code --connect}: connects off the FX thread, then shows that pool; a failure is logged, not a dialog. */
    private void watchOnStart(Options options) {
        Lab shown = lab;
        Thread connecting = new Thread(() -> {
            try {
                RemoteRecorder.Found found = RemoteRecorder.find(options.connect(), options.poolName());
                JmxPoolSource source = new JmxPoolSource(found.session(), found.pool(), Platform::runLater);
                Platform.runLater(() -> shown.watch(source));
            } catch (IllegalArgumentException | IOException e) {
                Platform.runLater(() -> shown.log().add(EventLogModel.Kind.LIFECYCLE, e.getMessage()));
            }
        }, "poolscope-connect");
        connecting.setDaemon(true);
        connecting.start();
    }

    /** A demo pool, registered for JMX under {@code jmxName} unless null; a restarted pool takes the name over. */
    private static Dispatcher demoPool(PoolConfig config, String jmxName) {
        Dispatcher pool = Dispatcher.start(config, Map.of());
        if (jmxName != null) {
            PoolJmx.register(pool, jmxName); // unregisters itself when the pool terminates
        }
        return pool;
    }

    /** The dashboard scene for {@code lab}, sized by its window ({@link WindowPlacement}). */
    public static Scene dashboard(Lab lab, String version, ViewPreferences prefs) {
        return dashboard(lab, version, prefs, -1, -1);
    }

    /** The dashboard scene for {@code lab} at a fixed size; for the GUI tests. */
    public static Scene dashboard(Lab lab, String version, ViewPreferences prefs, double width, double height) {
        FXMLLoader loader = new FXMLLoader(App.class.getResource("view/dashboard.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard layout could not be loaded", e);
        }
        DashboardController controller = loader.getController();
        controller.init(lab, version, prefs);
        root.getProperties().put(DashboardController.class, controller);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(App.class.getResource("view/dashboard.css").toExternalForm());
        PresenterKeys.install(scene);
        WrappedTooltips.install();
        return scene;
    }

    /** Stops the load and begins the pool's shutdown with a short deadline, without holding up the FX thread. */
    private void closeLab() {
        if (lab != null) {
            closing = lab.close(CLOSE_DEADLINE);
            lab = null;
        }
    }

    /**
     * On exit, once no window is left to freeze: lets the pool's shutdown finish (at most its deadline and grace),
     * so every request ends with its outcome before the JVM goes.
     */
    @Override
    public void stop() {
        closeLab();
        if (closing != null) {
            closing.join();
        }
    }

    /** The lab behind the window; for tests. */
    Lab lab() {
        return lab;
    }
}
