package dev.poolscope.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.poolscope.engine.Latency;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolRates;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.model.PoolFigure;
import dev.poolscope.model.Sample;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
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

    // Each value's own tooltip, saying what its number is; an absent figure's reason stands in for it meanwhile.
    private final Map<Label, Tooltip> meaning = new HashMap<>();

    @FXML
    private void initialize() {
        for (Label value : new Label[] {workers, queued, throughput, latency, trouble, ledger}) {
            meaning.put(value, value.getTooltip());
            // The whole tile explains itself: its title and detail, not only the big number.
            Tooltip.install(value.getParent(), value.getTooltip());
        }
        for (Node label : headline.lookupAll(".label")) {
            WholeWords.keep((Label) label);
        }
        headline.widthProperty().addListener((o, a, w) -> headline.pseudoClassStateChanged(COMPACT,
                w.doubleValue() < COMPACT_BELOW_PX * fontScale()));
    }

    /** How much presenter zoom has grown the fonts (details are 0.85 em of 13 px unzoomed, compact or not). */
    private double fontScale() {
        return workersDetail.getFont().getSize() / (0.85 * FontScale.BASE_PX);
    }

    // The figures the pool shown lacks, with why; FX-thread confined.
    private Map<PoolFigure, String> absent = Map.of();

    /** Shows figures the pool lacks as "—" with a tooltip saying why, never as a zero. */
    void showAbsent(Map<PoolFigure, String> lacking) {
        absent = lacking;
        for (Label l : new Label[] {queued, throughput, latency, trouble, ledger}) {
            l.setTooltip(meaning.get(l));
        }
    }

    /** Puts "—" and the reason on an absent figure's tile; true if it was absent. */
    private boolean absentShown(PoolFigure figure, Label value, Label detail) {
        String why = absent.get(figure);
        if (why == null) {
            return false;
        }
        value.setText("—");
        detail.setText("not available");
        value.setTooltip(new Tooltip(why));
        return true;
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
        if (!absentShown(PoolFigure.QUEUE, queued, queuedDetail)) {
            queued.setText(Format.count(s.queued()));
            queuedDetail.setText(absent.containsKey(PoolFigure.LOAD_THRESHOLD) ? "no threshold"
                    : String.format("threshold %,d · cap %,d", c.loadThreshold(), s.queueCapacity()));
        }
        if (!absentShown(PoolFigure.THROUGHPUT, throughput, throughputDetail)) {
            throughput.setText(Format.rate(r.completedPerSecond()) + "/s");
            throughputDetail.setText("submitted " + Format.rate(r.submittedPerSecond()) + "/s");
        }
        if (!absentShown(PoolFigure.LATENCY, latency, latencyDetail)) {
            showLatency(s.queueWait(), s.runTime());
        }
        double troublePerSecond = Trouble.perSecond(r);
        if (!absentShown(PoolFigure.DROPS, trouble, troubleDetail)) {
            trouble.setText(Format.rate(troublePerSecond));
            troubleDetail.setText(absent.containsKey(PoolFigure.FAILURES) ? "drop " + Format.rate(r.droppedPerSecond())
                    + " · t/o, fail: n/a" : String.format("drop %s · t/o %s · fail %s",
                    Format.rate(r.droppedPerSecond()), Format.rate(r.timedOutPerSecond()),
                    Format.rate(r.failedPerSecond())));
        }
        mark(troubleTile, "tile-warning", troublePerSecond > 0);
        showLedger(s, troublePerSecond > 0);
    }

    /**
     * p99 and p50 of the last sampling interval, the unit leading the line beneath (beside the big figures it
     * wrapped onto a line of its own in a 1366-wide window). An interval in which nothing was
     * picked up (or nothing finished running) has no percentile: it shows "—", never a 0 that reads as instant
     * service (a pool shut down to 0 workers, say).
     */
    private void showLatency(Latency wait, Latency run) {
        if (wait.count() == 0 && run.count() == 0) {
            latency.setText("—");
            latencyDetail.setText("none served since the last sample");
            return;
        }
        latency.setText(percentile(wait, wait.p99Millis()) + " / " + percentile(run, run.p99Millis()));
        latencyDetail.setText("ms · p50 " + percentile(wait, wait.p50Millis()) + " / "
                + percentile(run, run.p50Millis()));
    }

    private static String percentile(Latency of, double millis) {
        return of.count() == 0 ? "—" : Format.millis(millis);
    }

    /**
     * The invariant tile says only what the invariant says: every request has an outcome. A dropped, timed-out or
     * failed request has one too, so those are counted beside it as what they are, in amber, never as "lost"; the
     * tile turns amber while they happen and red only when the invariant breaks.
     */
    private void showLedger(PoolSnapshot s, boolean troubleNow) {
        ledgerTile.getStyleClass().removeAll("ledger-ok", "ledger-dropping", "ledger-broken");
        ledgerDetail.getStyleClass().remove("tile-detail-losses");
        if (absentShown(PoolFigure.LEDGER, ledger, ledgerDetail)) {
            return;
        }
        boolean ok = s.invariantHolds();
        ledger.setText(ok ? "✔ all" : "✘ " + Format.count(s.unaccounted()) + " missing");
        String losses = losses(s);
        ledgerDetail.setText(!ok ? String.format("not accounted for, of %,d submitted", s.submitted())
                : losses.isEmpty() ? "none dropped, timed out or failed" : losses);
        if (ok && !losses.isEmpty()) {
            ledgerDetail.getStyleClass().add("tile-detail-losses");
        }
        ledgerTile.getStyleClass().add(!ok ? "ledger-broken" : troubleNow ? "ledger-dropping" : "ledger-ok");
    }

    /** The requests that ended without being served, so far: "1,085 dropped · 3 timed out"; empty when none. */
    private String losses(PoolSnapshot s) {
        List<String> parts = new ArrayList<>();
        if (s.droppedTotal() > 0) {
            parts.add(Format.count(s.droppedTotal()) + " dropped");
        }
        if (!absent.containsKey(PoolFigure.FAILURES)) {
            if (s.timedOut() > 0) {
                parts.add(Format.count(s.timedOut()) + " timed out");
            }
            if (s.failed() > 0) {
                parts.add(Format.count(s.failed()) + " failed");
            }
        }
        return String.join(" · ", parts);
    }

    private static void mark(Node tile, String styleClass, boolean on) {
        tile.getStyleClass().remove(styleClass);
        if (on) {
            tile.getStyleClass().add(styleClass);
        }
    }
}
