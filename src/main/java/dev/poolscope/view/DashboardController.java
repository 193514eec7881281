package dev.poolscope.view;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.imageio.ImageIO;

import org.controlsfx.control.StatusBar;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ShutdownReport;
import dev.poolscope.load.Scenario;
import dev.poolscope.load.SnapshotCsv;
import dev.poolscope.model.Comparison;
import dev.poolscope.model.Lab;
import dev.poolscope.model.PoolFigure;
import dev.poolscope.model.PoolSource;
import dev.poolscope.model.Sample;
import dev.poolscope.model.ScreenWords;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The window's top-level controller: wires the nested controllers to the {@link Lab}, redraws on every sampler
 * tick, and runs the toolbar's actions (pause charts, export, shutdown, restart).
 */
public final class DashboardController {

    @FXML private BorderPane root;
    @FXML private Label versionLabel;
    @FXML private Button openConnectButton;
    @FXML private Button compareButton;
    @FXML private Node loadControls;
    @FXML private Node backendControls;
    @FXML private ToggleButton pauseChartsButton;
    @FXML private ComboBox<ChartWindow> windowBox;
    @FXML private Button exportCsvButton;
    @FXML private Button savePngButton;
    @FXML private Spinner<Integer> deadlineSpinner;
    @FXML private Button shutdownButton;
    @FXML private Button restartButton;
    @FXML private ToggleButton darkButton;
    @FXML private ToggleButton projectorButton;
    @FXML private VBox reportBanner;
    @FXML private Label reportLabel;
    @FXML private Label chartsPausedBadge;
    @FXML private Label countdown;
    @FXML private StatusBar statusBar;
    @FXML private PoolControlsController poolControlsController;
    @FXML private LoadControlsController loadControlsController;
    @FXML private BackendControlsController backendControlsController;
    @FXML private HeadlineController headlineController;
    @FXML private ChartsController chartsController;
    @FXML private AdvisorController advisorController;
    @FXML private ToggleButton advisorButton;
    @FXML private Node advisorScroll;
    @FXML private VBox advisorSide;
    @FXML private VBox sidebar;
    @FXML private VBox centre;
    @FXML private Node advisor;

    private final Label ledgerLabel = new Label();
    private final Label tickLabel = new Label();
    private final Label messageLabel = new Label();
    private final PauseTransition infoTimer = new PauseTransition(javafx.util.Duration.seconds(8));
    private Lab lab;
    private ViewPreferences prefs;
    // Held here: the toggles' bidirectional bindings reference it only weakly.
    private Appearance appearance;
    private Stage compareStage;

    /** Connects the view to the model; call once, on the FX thread, before the sampler starts. */
    public void init(Lab model, String version, ViewPreferences preferences) {
        lab = model;
        prefs = preferences;
        appearance = Appearance.install(root, prefs);
        SidePanelWidth.cap(sidebar, 24, FontScale.of(root), root.widthProperty());
        keepSidebarTextWhole();
        sidebar.getChildren().addListener((ListChangeListener<Node>) c -> keepSidebarTextWhole());
        darkButton.selectedProperty().bindBidirectional(appearance.darkProperty());
        projectorButton.selectedProperty().bindBidirectional(appearance.projectorProperty());
        versionLabel.setText(version);
        poolControlsController.init(lab.settings(), this::complain);
        loadControlsController.init(lab.load(), lab.phaseProperty(), this::complain);
        backendControlsController.init(lab.load().backend(), this::complain);
        // Only an HTTP scenario has a backend; its section is gone, not greyed, for the simulated ones.
        backendControls.visibleProperty().bind(lab.load().backend().availableProperty());
        backendControls.managedProperty().bind(lab.load().backend().availableProperty());
        chartsController.init(lab);
        advisorController.init(lab, this::complain);
        advisorButton.setSelected(prefs.advisorShown());
        AdvisorDock.install(advisor, sidebar, advisorSide, advisorScroll, advisorButton.selectedProperty(),
                root.widthProperty());
        advisorButton.selectedProperty().addListener((o, a, shown) -> {
            prefs.rememberAdvisor(shown);
            advisorController.refresh();
        });
        windowBox.getItems().setAll(ChartWindow.values());
        windowBox.setValue(ChartWindow.MINUTE_1);
        windowBox.valueProperty().addListener((o, a, b) -> redrawCharts());
        pauseChartsButton.selectedProperty().addListener((o, a, paused) -> {
            pauseChartsButton.setText(paused ? "Resume charts" : "Pause charts");
            chartsPausedBadge.setVisible(paused);
            chartsPausedBadge.setManaged(paused);
            if (!paused) {
                redrawCharts();
            }
        });
        deadlineSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 120, 3));
        SpinnerText.integers(deadlineSpinner, "Deadline", "s", this::complain);
        // Shutting down and loading are the demo pool's; a remote pool is someone's service.
        BooleanBinding remote = Bindings.createBooleanBinding(() -> lab.sourceProperty().get().isRemote(),
                lab.sourceProperty());
        shutdownButton.disableProperty().bind(lab.phaseProperty().isNotEqualTo(Lab.Phase.RUNNING).or(remote));
        restartButton.disableProperty().bind(lab.phaseProperty().isNotEqualTo(Lab.Phase.STOPPED).or(remote));
        deadlineSpinner.disableProperty().bind(remote);
        loadControls.disableProperty().bind(remote);
        backendControls.disableProperty().bind(remote);
        SourceBar sourceBar = new SourceBar(lab, this::inform);
        ((VBox) reportBanner.getParent()).getChildren().add(0, sourceBar.node());
        lab.sourceProperty().addListener((o, a, b) -> showSource());
        lab.settings().writableProperty().addListener((o, a, b) -> showSource());
        lab.phaseProperty().addListener((o, a, b) -> showSource());
        showSource();
        lab.reportProperty().addListener((o, a, report) -> showReport());
        lab.sourceProperty().addListener((o, a, b) -> showReport());
        countdown.visibleProperty().bind(lab.phaseProperty().isEqualTo(Lab.Phase.SHUTTING_DOWN));
        countdown.textProperty().bind(lab.shutdownStatusProperty());
        lab.settings().lastRefusalProperty().addListener((o, a, msg) -> complain(msg));
        lab.load().lastRefusalProperty().addListener((o, a, msg) -> complain(msg));
        lab.load().backend().lastRefusalProperty().addListener((o, a, msg) -> complain(msg));
        lab.load().backend().lastChangeProperty().addListener((o, a, b) -> messageLabel.setText(""));
        lab.settings().lastChangeProperty().addListener((o, a, b) -> messageLabel.setText(""));
        messageLabel.getStyleClass().add("status-message");
        infoTimer.setOnFinished(e -> messageLabel.setText(""));
        ledgerLabel.getStyleClass().add("status-ledger");
        tickLabel.getStyleClass().add("status-tick");
        // The summary may be cut on a narrow window; the ledger and the tick cost never are.
        ledgerLabel.setMinWidth(Region.USE_PREF_SIZE);
        tickLabel.setMinWidth(Region.USE_PREF_SIZE);
        statusBar.getLeftItems().add(messageLabel);
        statusBar.getRightItems().setAll(ledgerLabel, tickLabel);
        lab.sampler().onTick(this::onTick);
    }

    /**
     * A one-line label or button in the narrowed side panel scrolls it sideways rather than ending in "…". The
     * panels' contents exist only once their skins do, so this runs after the next layout.
     */
    private void keepSidebarTextWhole() {
        Platform.runLater(() -> {
            sidebar.applyCss();
            for (String kind : new String[] {".label", ".button", ".toggle-button"}) {
                for (Node n : sidebar.lookupAll(kind)) {
                    if (n instanceof Labeled l && !l.isWrapText()) {
                        l.setMinWidth(Region.USE_PREF_SIZE);
                    }
                }
            }
        });
    }

    /**
     * Absent figures and the locks follow the source and the pool's phase; the window's frame says live-tuning in
     * colour. A stopped pool's controls are off rather than refusing each change: a desktop user expects a control
     * that cannot act to be greyed out with the reason, and they keep showing the settings Restart pool will use.
     */
    private void showSource() {
        PoolSource source = lab.sourceProperty().get();
        boolean writable = lab.settings().writableProperty().get();
        String locked = !writable ? "Read-only: unlock tuning to change " + source.describe()
                : !source.isRemote() && lab.phaseProperty().get() != Lab.Phase.RUNNING
                ? "The pool is stopped: Restart pool to change its settings" : null;
        poolControlsController.showAccess(source.absent(), locked);
        headlineController.showAbsent(source.absent());
        root.getStyleClass().removeAll("live-tuning", "watching-remote");
        if (source.isRemote()) {
            root.getStyleClass().add(writable ? "live-tuning" : "watching-remote");
        }
    }

    @FXML
    private void openConnect() {
        ConnectDialog.show(root.getScene().getWindow(), appearance, lab::watch, lab::watchDemo);
    }

    @FXML
    private void openCompare() {
        Scenario shown = lab.load().scenarioProperty().get();
        openCompare(shown != null && Comparison.feedsBoth(shown) ? shown : Scenario.BURST, false);
    }

    /**
     * Opens the A/B window, or brings the open one to the front: A runs the demo pool's settings, B the same under
     * another scaling policy ({@link Comparison#challenger}); {@code startNow} starts their shared load at once.
     */
    public Stage openCompare(Scenario scenario, boolean startNow) {
        if (compareStage != null && compareStage.isShowing()) {
            compareStage.toFront();
            return compareStage;
        }
        PoolConfig a = lab.dispatcher().config();
        compareStage = CompareWindow.open(root.getScene().getWindow(), appearance, a, Comparison.challenger(a),
                scenario, startNow);
        return compareStage;
    }

    private void onTick() {
        Sample latest = lab.sampler().latestProperty().get();
        if (latest == null) {
            return;
        }
        headlineController.show(latest);
        poolControlsController.showScaling(latest);
        backendControlsController.showInForce(latest);
        if (!pauseChartsButton.isSelected()) {
            redrawCharts();
        }
        showStatus(latest);
    }

    private void redrawCharts() {
        chartsController.redraw(lab.history(), windowBox.getValue().seconds);
    }

    private void showStatus(Sample latest) {
        PoolSnapshot s = latest.snapshot();
        String shutdown = lab.shutdownStatusProperty().get();
        boolean trouble = Trouble.perSecond(latest.rates()) > 0;
        String summary = String.format("%s · %s req/s · pool %,d (%,d busy) · %s submitted · %s completed · "
                        + "%s dropped", s.state(), Format.rate(latest.rates().completedPerSecond()), s.poolSize(),
                s.busyWorkers(), Format.count(s.submitted()), Format.count(s.completed()),
                Format.count(s.droppedTotal()));
        if (lab.sourceProperty().get().absent().containsKey(PoolFigure.DROPS)) {
            summary = String.format("%s · pool %,d (%,d busy)", lab.sourceProperty().get().describe(),
                    s.poolSize(), s.busyWorkers());
        }
        if (trouble) {
            summary = String.format("⚠ trouble: %s dropped/s · %s timed out/s · %s failed/s · pool %,d (%,d busy) · "
                            + "%s dropped in all", Format.rate(latest.rates().droppedPerSecond()),
                    Format.rate(latest.rates().timedOutPerSecond()), Format.rate(latest.rates().failedPerSecond()),
                    s.poolSize(), s.busyWorkers(), Format.count(s.droppedTotal()));
        }
        statusBar.setText(!shutdown.isEmpty() && lab.phaseProperty().get() == Lab.Phase.SHUTTING_DOWN ? shutdown
                : summary);
        statusBar.getStyleClass().remove("trouble");
        if (trouble) {
            statusBar.getStyleClass().add("trouble");
        }
        ledgerLabel.getStyleClass().removeAll("ok", "broken");
        if (lab.sourceProperty().get().absent().containsKey(PoolFigure.LEDGER)) {
            ledgerLabel.setText("ledger: n/a");
        } else {
            // The invariant only: drops are counted on the left. Green never sits beside a trouble warning.
            ledgerLabel.setText(s.invariantHolds() ? "✔ all accounted for"
                    : "✘ " + Format.count(s.unaccounted()) + " unaccounted");
            if (!s.invariantHolds()) {
                ledgerLabel.getStyleClass().add("broken");
            } else if (!trouble) {
                ledgerLabel.getStyleClass().add("ok");
            }
        }
        String problem = lab.sampler().problemProperty().get();
        if (problem != null) {
            statusBar.setText("⚠ " + problem);
        }
        tickLabel.setText(String.format("FX tick %.1f ms", lab.sampler().tickNanosProperty().get() / 1e6));
    }

    /** An error, in the screen's words; it stays until the next accepted change or message. */
    private void complain(String message) {
        if (message != null) {
            infoTimer.stop();
            messageLabel.setText("⚠ " + ScreenWords.of(message));
            messageLabel.getStyleClass().setAll("label", "status-message", "status-error");
        }
    }

    /** Information (an export done, say); it clears itself after a few seconds. */
    private void inform(String message) {
        messageLabel.setText("✔ " + message);
        messageLabel.getStyleClass().setAll("label", "status-message", "status-info");
        infoTimer.playFromStart();
    }

    /**
     * The demo pool's shutdown report, while the demo pool is shown: it ends by offering Restart pool, which is off
     * while another pool is watched.
     */
    private void showReport() {
        ShutdownReport report = lab.reportProperty().get();
        boolean show = report != null && !lab.sourceProperty().get().isRemote();
        reportBanner.setVisible(show);
        reportBanner.setManaged(show);
        if (show) {
            reportLabel.setText(String.format("Pool stopped (%s) in %,d ms — drained %,d · returned %,d · "
                            + "interrupted %,d · stuck %,d. Every request has its outcome. Restart pool to go on.",
                    report.forced() ? "deadline reached" : "queue drained", report.took().toMillis(),
                    report.drained(), report.returned().size(), report.interrupted(), report.stuck()));
        }
    }

    @FXML
    private void shutdown() {
        lab.shutdown(Duration.ofSeconds(deadlineSpinner.getValue()));
    }

    @FXML
    private void restart() {
        lab.restart();
        // A fresh pool starts a fresh view: the charts start over (ChartsController) and so does this counter.
        lab.load().resetCounters();
    }

    @FXML
    private void exportCsv() {
        chooseTarget("Export history as CSV", "poolscope-history", "CSV", "csv").ifPresent(this::exportCsv);
    }

    @FXML
    private void savePng() {
        chooseTarget("Save charts as PNG", "poolscope-charts", "PNG", "png").ifPresent(this::savePng);
    }

    private Optional<Path> chooseTarget(String title, String stem, String kind, String extension) {
        SaveTarget suggested = SaveTarget.suggest(prefs, stem, extension, LocalDateTime.now());
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(suggested.folder().toFile());
        chooser.setInitialFileName(suggested.fileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*." + extension));
        Optional<Path> chosen = Optional.ofNullable(chooser.showSaveDialog(root.getScene().getWindow()))
                .map(File::toPath);
        chosen.map(Path::getParent).ifPresent(prefs::rememberFolder);
        return chosen;
    }

    /**
     * Writes every kept sample as CSV, in the headless runner's format, in the background; the status bar says when
     * it is done or why it failed. Completes with the rows written, after that report.
     */
    public CompletableFuture<Integer> exportCsv(Path target) {
        List<Sample> samples = lab.history().all();
        boolean noThreshold = lab.sourceProperty().get().absent().containsKey(PoolFigure.LOAD_THRESHOLD);
        return FileWrites.run(() -> SnapshotCsv.write(target, samples.stream().map(Sample::snapshot).toList(),
                noThreshold),
                rows -> inform(String.format("Exported %,d samples to %s", samples.size(), target.toAbsolutePath())),
                e -> complain("could not export CSV: " + e.getMessage()));
    }

    /**
     * Saves the charts (and headline) as a PNG image: the picture is taken now, on the FX thread, and encoded and
     * written in the background; the status bar reports. Completes after that report.
     */
    public CompletableFuture<Path> savePng(Path target) {
        BufferedImage image = SwingFXUtils.fromFXImage(centre.snapshot(null, null), null);
        return FileWrites.run(() -> {
            ImageIO.write(image, "png", target.toFile());
            return target;
        }, saved -> inform("Saved charts to " + saved.toAbsolutePath()),
                e -> complain("could not save PNG: " + e.getMessage()));
    }
}
