package dev.poolscope.cli;

import java.time.Duration;
import java.util.Locale;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.model.CapacityAdvice;
import dev.poolscope.model.QueueReading;

/** The capacity advisor's reading in the headless summary: the queueing figures, then its caveats. */
final class AdvisorLines {

    private AdvisorLines() {
    }

    static String of(CapacityAdvice a, Duration settle) {
        QueueReading r = a.reading();
        StringBuilder b = new StringBuilder();
        String window = String.format(Locale.ROOT, "  advisor     M/M/c over %.1f s of load%s: ", r.seconds(),
                settle.isZero() ? "" : " after " + DurationText.format(settle));
        if (Double.isNaN(a.meanService())) {
            // Without a service time every figure past λ is unknown: say so once rather than print a line of NaN.
            line(b, "%sλ %.1f/s on c = %s; no service time, so no figures and no sizing", window,
                    a.arrivalsPerSecond(), workers(a.workers()));
            caveats(b, a);
            return b.toString();
        }
        line(b, "%sλ %.1f/s × S %s ms = a %.3f Erlangs on c = %s, ρ %.3f", window, a.arrivalsPerSecond(),
                ms(a.meanService()), a.offeredLoad(), workers(a.workers()), a.utilisation());
        line(b, "              service p99 ≈ %s ms (%s × mean, CV ≈ %s); Erlang C P(wait) %.2f %%",
                ms(a.serviceP99()), fixed(a.serviceP99() / a.meanService(), 1), fixed(a.serviceVariation(), 2),
                a.waitProbability() * 100);
        line(b, "              mean queue wait Wq: predicted %s ms, observed %s ms (median %s ms)",
                ms(a.predictedWait()), ms(a.observedWait()), ms(r.waitP50Nanos() / 1e9));
        // The levels are sampled once per interval: with few samples the measured side is rough, so say how rough.
        // Little's law holds for what went through the queue: its λ is the served rate, not the arrivals above.
        line(b, "              Little's law with λ served %.1f/s (attempts that left the queue): queue λWq %s vs %s "
                        + "measured, pool λW %s vs %s measured (%,d level sample%s, one per interval)",
                r.queueThroughputPerSecond(), fixed(a.littleQueue(), 3), level(r.meanQueued(), r.queuedError()),
                fixed(a.littlePool(), 3), level(r.meanInPool(), r.inPoolError()), r.levelSamples(),
                r.levelSamples() == 1 ? "" : "s");
        line(b, "              workers needed for P(wait) ≤ %s %%: %s", pct(a.waitTarget()),
                a.targetReachable() ? Integer.toString(a.workersNeeded())
                        : "more than " + PoolConfig.WORKER_LIMIT + " (the pool's limit)");
        if (a.fits()) {
            line(b, "              the model fits: steady, exponential-like service, enough samples");
        }
        caveats(b, a);
        return b.toString();
    }

    private static String workers(int c) {
        return c == 1 ? "1 worker" : c + " workers";
    }

    private static void caveats(StringBuilder b, CapacityAdvice a) {
        for (String caveat : a.caveats()) {
            line(b, "              caveat: %s", caveat);
        }
    }

    /** {@code v} with {@code decimals} decimals; {@code n/a} where there is no figure. */
    static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
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
