package dev.poolscope.cli;

import java.time.Duration;
import java.util.Locale;

import dev.poolscope.model.CapacityAdvice;
import dev.poolscope.model.QueueReading;

/** The capacity advisor's reading in the headless summary: the queueing figures, then its caveats. */
final class AdvisorLines {

    private AdvisorLines() {
    }

    static String of(CapacityAdvice a, Duration settle) {
        QueueReading r = a.reading();
        StringBuilder b = new StringBuilder();
        line(b, "  advisor     M/M/c over %.1f s of load%s: λ %.1f/s × S %s ms = a %.3f Erlangs on c = %d workers, "
                        + "ρ %.3f", r.seconds(), settle.isZero() ? "" : " after " + DurationText.format(settle),
                a.arrivalsPerSecond(), ms(a.meanService()), a.offeredLoad(), a.workers(), a.utilisation());
        line(b, "              service p99 ≈ %s ms (%.1f × mean, CV ≈ %.2f); Erlang C P(wait) %.4f",
                ms(a.serviceP99()), a.serviceP99() / a.meanService(), a.serviceVariation(), a.waitProbability());
        line(b, "              mean queue wait Wq: predicted %s ms, observed %s ms (median %s ms)",
                ms(a.predictedWait()), ms(a.observedWait()), ms(r.waitP50Nanos() / 1e9));
        // The levels are sampled once per interval: with few samples the measured side is rough, so say how rough.
        line(b, "              Little's law: queue λWq %.3f vs %s measured, pool λW %.3f vs %s measured "
                        + "(%,d level samples, one per interval)", a.littleQueue(),
                level(r.meanQueued(), r.queuedError()), a.littlePool(), level(r.meanInPool(), r.inPoolError()),
                r.levelSamples());
        line(b, "              workers needed for P(wait) ≤ %s %%: %d", pct(a.waitTarget()), a.workersNeeded());
        if (a.fits()) {
            line(b, "              the model fits: steady, exponential-like service, enough samples");
        }
        for (String caveat : a.caveats()) {
            line(b, "              caveat: %s", caveat);
        }
        return b.toString();
    }

    /** Seconds as milliseconds with three decimals; {@code n/a} or {@code ∞} where there is no figure. */
    static String ms(double seconds) {
        if (Double.isNaN(seconds)) {
            return "n/a";
        }
        return Double.isInfinite(seconds) ? "∞" : String.format(Locale.ROOT, "%.3f", seconds * 1e3);
    }

    /** A sampled mean with its standard error, e.g. {@code 0.300 ± 0.085}. */
    static String level(double mean, double error) {
        return Double.isNaN(error) ? String.format(Locale.ROOT, "%.3f", mean)
                : String.format(Locale.ROOT, "%.3f ± %.3f", mean, error);
    }

    private static String pct(double fraction) {
        double p = fraction * 100;
        return p == Math.rint(p) ? Long.toString(Math.round(p)) : String.format(Locale.ROOT, "%.1f", p);
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }
}
