package dev.poolscope.view;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolRates;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.model.Sample;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The row of big numbers above the charts: what a room should be able to read from the back. */
public final class HeadlineController {

    /** Below this width the six tiles switch to smaller numbers rather than cut them off. */
    private static final double COMPACT_BELOW_PX = 780;
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    @FXML private HBox headline;
    @FXML private Label workers;
    @FXML private Label workersDetail;
    @FXML private Label queued;
    @FXML private Label queuedDetail;
    @FXML private Label throughput;
    @FXML private Label throughputDetail;
    @FXML private Label latency;
    @FXML private Label latencyDetail;
    @FXML private VBox workersTile;
    @FXML private VBox troubleTile;
    @FXML private Label trouble;
    @FXML private Label troubleDetail;
    @FXML private VBox ledgerTile;
    @FXML private Label ledger;
    @FXML private Label ledgerDetail;

    @FXML
    private void initialize() {
        headline.widthProperty().addListener((o, a, w) -> headline.pseudoClassStateChanged(COMPACT,
                w.doubleValue() < COMPACT_BELOW_PX * fontScale()));
    }

    /** How much presenter zoom has grown the fonts (details are 0.85 em of 13 px unzoomed, compact or not). */
    private double fontScale() {
        return workersDetail.getFont().getSize() / (0.85 * PresenterKeys.DEFAULT_FONT_PX);
    }

    void show(Sample sample) {
        PoolSnapshot s = sample.snapshot();
        PoolRates r = sample.rates();
        PoolConfig c = s.config();
        boolean capped = CappedAtMax.holds(s);
        workers.setText(Integer.toString(s.poolSize()));
        workersDetail.setText(capped ? String.format("capped at max %,d · %,d busy", c.maxWorkers(), s.busyWorkers())
                : String.format("%,d busy · %,d idle · %,d–%,d", s.busyWorkers(), s.idleWorkers(), c.minWorkers(),
                        c.maxWorkers()));
        mark(workersTile, "tile-warning", capped);
        queued.setText(Format.count(s.queued()));
        queuedDetail.setText(String.format("threshold %,d · cap %,d", c.loadThreshold(), s.queueCapacity()));
        throughput.setText(Format.rate(r.completedPerSecond()) + "/s");
        throughputDetail.setText("submitted " + Format.rate(r.submittedPerSecond()) + "/s");
        latency.setText(Format.millis(s.queueWait().p99Millis()) + " / " + Format.millis(s.runTime().p99Millis()));
        latencyDetail.setText("ms · p50 " + Format.millis(s.queueWait().p50Millis()) + " / "
                + Format.millis(s.runTime().p50Millis()));
        double troublePerSecond = Trouble.perSecond(r);
        trouble.setText(Format.rate(troublePerSecond));
        troubleDetail.setText(String.format("drop %s · t/o %s · fail %s", Format.rate(r.droppedPerSecond()),
                Format.rate(r.timedOutPerSecond()), Format.rate(r.failedPerSecond())));
        mark(troubleTile, "tile-warning", troublePerSecond > 0);
        boolean ok = s.invariantHolds();
        ledger.setText(ok ? "✔ 0 lost" : "✘ " + Format.count(s.unaccounted()) + " lost");
        ledgerDetail.setText(ok ? String.format("all accounted for, %,d dropped", s.droppedTotal())
                : String.format("of %,d submitted", s.submitted()));
        ledgerTile.getStyleClass().removeAll("ledger-ok", "ledger-dropping", "ledger-broken");
        ledgerTile.getStyleClass().add(!ok ? "ledger-broken" : r.droppedPerSecond() > 0 ? "ledger-dropping"
                : "ledger-ok");
    }

    private static void mark(Node tile, String styleClass, boolean on) {
        tile.getStyleClass().remove(styleClass);
        if (on) {
            tile.getStyleClass().add(styleClass);
        }
    }
}
