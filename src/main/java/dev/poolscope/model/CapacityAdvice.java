package dev.poolscope.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.poolscope.engine.ErlangC;
import dev.poolscope.engine.PoolConfig;

/**
 * The pool read like a textbook M/M/c queue: from a {@link QueueReading}, the offered load a = λS, utilisation
 * ρ = a / c, Erlang C's P(wait) and predicted mean wait Wq = C·S / (c − a) next to the observed one, Little's law
 * L = λW checked against the measured queue and pool, and the fewest workers for which P(wait) meets a target.
 *
 * <p>The model assumes Poisson arrivals, exponential service and a steady state with a fixed number of workers.
 * {@link #caveats()} says plainly where the reading breaks that: too few samples, overload (ρ ≥ 1), a queue that
 * filled up (the model's is unbounded), a heavy-tailed
 * or nearly constant service time, arrivals that came in bursts, a pool that changed size in the window, and the
 * hand-off to a worker thread that real queues add to every wait. Times are in seconds; a figure that cannot be
 * known is NaN.
 *
 * @param reading           what the pool did over the window
 * @param arrivalsPerSecond λ, attempts offered per second
 * @param meanService       S, mean run time
 * @param serviceP99        run-time p99 (an estimate, see {@link QueueWindow})
 * @param offeredLoad       a = λS, in Erlangs: the workers the load keeps busy on average
 * @param workers           c, live workers at the window's end
 * @param utilisation       ρ = a / c
 * @param waitProbability   Erlang C: the chance an arriving request finds every worker busy; 1 when ρ ≥ 1
 * @param predictedWait     Wq = P(wait) × S / (c − a); infinite when ρ ≥ 1
 * @param observedWait      the mean queue wait measured over the window
 * @param littleQueue       λ × observed Wq: the mean queue Little's law implies
 * @param littlePool        λ × (observed Wq + S): the mean requests in the pool (queued or running) it implies
 * @param waitTarget        the P(wait) asked for in {@link #workersNeeded}, in (0, 1)
 * @param workersNeeded     the fewest workers (up to {@link PoolConfig#WORKER_LIMIT}) with P(wait) ≤ the target;
 *                          the limit when even that many miss it, 0 when there is no service time to size for
 * @param targetReachable   whether {@code workersNeeded} meets the target: false when even the pool's limit of
 *                          workers waits more often, or there is no service time
 * @param serviceVariation  the service time's coefficient of variation, estimated from its mean and median
 *                          as for a log-normal: √((mean / median)² − 1); about 1 for exponential service
 * @param caveats           where the model does not fit this reading, in plain words; empty when it fits
 */
public record CapacityAdvice(QueueReading reading, double arrivalsPerSecond, double meanService, double serviceP99,
                             double offeredLoad, int workers, double utilisation, double waitProbability,
                             double predictedWait, double observedWait, double littleQueue, double littlePool,
                             double waitTarget, int workersNeeded, boolean targetReachable, double serviceVariation,
                             List<String> caveats) {

    /** Fewer service times than this in the window make every figure rough. */
    public static final int MIN_SAMPLES = 200;
    /** Exponential service has p99 = ln(100) ≈ 4.6 × the mean; beyond this the tail is heavier. */
    public static final double HEAVY_TAIL_P99_RATIO = 6;
    /** A coefficient of variation beyond this is heavier-tailed than exponential (whose CV is 1). */
    public static final double HEAVY_TAIL_VARIATION = 1.25;
    /** A coefficient of variation below this is nearly constant service. */
    public static final double STEADY_SERVICE_VARIATION = 0.5;
    /** An arrival rate varying by more than this (CV beyond Poisson's spread) across intervals is not steady. */
    public static final double UNSTEADY_ARRIVALS = 0.25;
    /** A hand-off is a thread wake-up: its median wait is at most this share of the mean service time. */
    public static final double HAND_OFF_SHARE_OF_SERVICE = 0.25;
    /** A hand-off delays every request about alike, so the mean wait exceeds the prediction by at most this × it. */
    public static final double HAND_OFF_EXCESS = 3;

    public CapacityAdvice {
        caveats = List.copyOf(caveats);
    }

    /** Reads {@code r} and sizes for P(wait) at most {@code waitTarget}, a fraction in (0, 1). */
    public static CapacityAdvice of(QueueReading r, double waitTarget) {
        if (!(waitTarget > 0 && waitTarget < 1)) {
            throw new IllegalArgumentException("waitTarget = " + waitTarget + " is not allowed: must be greater "
                    + "than 0 and less than 1");
        }
        double lambda = r.arrivalsPerSecond();
        double s = r.meanServiceSeconds();
        double a = Double.isNaN(s) ? Double.NaN : lambda * s;
        int c = r.workers();
        double rho = c == 0 ? Double.POSITIVE_INFINITY : a / c;
        double pWait = Double.isNaN(a) ? Double.NaN : c == 0 ? 1 : ErlangC.waitProbability(c, a);
        double wq = Double.isNaN(a) ? Double.NaN : c == 0 ? Double.POSITIVE_INFINITY : ErlangC.meanWait(c, a, s);
        double observed = r.meanWaitSeconds();
        double throughput = r.queueThroughputPerSecond();
        double littleQueue = throughput * observed;
        double littlePool = throughput * (observed + (Double.isNaN(s) ? 0 : s));
        int needed = Double.isNaN(a) ? 0 : ErlangC.workersFor(a, waitTarget, PoolConfig.WORKER_LIMIT);
        // workersFor stops at the limit whether or not the limit meets the target.
        boolean reachable = needed > 0 && ErlangC.waitProbability(needed, a) <= waitTarget;
        double median = r.serviceP50Nanos() / 1e9;
        double variation = Double.isNaN(s) || !(median > 0) ? Double.NaN
                : Math.sqrt(Math.max(0, (s / median) * (s / median) - 1));
        double p99 = r.serviceP99Nanos() / 1e9;
        List<String> caveats = caveats(r, rho, s, p99, variation, wq, observed);
        return new CapacityAdvice(r, lambda, s, p99, a, c, rho, pWait, wq, observed, littleQueue, littlePool,
                waitTarget, needed, reachable, variation, caveats);
    }

    /** True when nothing in the reading breaks the model's assumptions. */
    public boolean fits() {
        return caveats.isEmpty();
    }

    private static List<String> caveats(QueueReading r, double rho, double s, double p99, double variation,
                                        double predicted, double observed) {
        List<String> out = new ArrayList<>();
        if (r.served() == 0) {
            out.add(String.format(Locale.ROOT, "No attempt ended in the %.1f s window: there is no service time, "
                    + "so nothing to model or size.", r.seconds()));
        } else if (r.served() < MIN_SAMPLES) {
            out.add(String.format(Locale.ROOT, "Too few samples: %,d service times in %.1f s (want %,d); "
                    + "every figure is rough.", r.served(), r.seconds(), MIN_SAMPLES));
        }
        if (r.workers() == 0) {
            out.add("No live workers: there is no queue to model.");
        } else if (rho >= 1) {
            out.add(String.format(Locale.ROOT, "Overloaded: ρ = %.3f ≥ 1. The load needs more workers than the "
                    + "pool has, so there is no steady state: the queue grows until it is full, and then %s. Erlang C "
                    + "does not apply.", rho, r.overflow().policyWords()));
        }
        if (r.overflow().reached()) {
            out.add(finiteQueue(r));
        }
        if (!Double.isNaN(s) && s > 0) {
            serviceShape(p99 / s, variation, Double.isFinite(predicted)).ifPresent(out::add);
        }
        ArrivalRates rates = r.arrivalRates();
        boolean unsteady = rates.variation() > UNSTEADY_ARRIVALS;
        if (unsteady) {
            out.add(String.format(Locale.ROOT, "Arrivals were not steady: the rate ran from %,.1f/s to %,.1f/s "
                    + "across the window's intervals (a spread of about %.0f %% beyond Poisson's own). Erlang C "
                    + "assumes a steady stream; bursts queue requests that the mean rate does not predict%s",
                    rates.slowest(), rates.fastest(), rates.variation() * 100,
                    observed > 2 * predicted && Double.isFinite(predicted)
                            ? String.format(Locale.ROOT, ", which is why the observed wait (%.3f ms) runs far above "
                                    + "the predicted one (%.3f ms).", observed * 1e3, predicted * 1e3)
                            : "."));
        }
        boolean resized = r.fewestWorkers() != r.mostWorkers();
        if (resized) {
            out.add(String.format(Locale.ROOT, "The pool changed size in the window (%d–%d workers); the model "
                    + "assumes a fixed c.", r.fewestWorkers(), r.mostWorkers()));
        }
        double handOff = r.waitP50Nanos() / 1e9;
        // Bursts and a resizing pool also push the observed wait past the prediction: they explain it first.
        if (!unsteady && !resized && looksLikeHandOff(handOff, s, predicted, observed)) {
            out.add(String.format(Locale.ROOT, "Observed waits include a hand-off of about %.3f ms (the median "
                    + "wait) even when a worker is idle: waking a worker thread, which the model counts as zero.",
                    handOff * 1e3));
        }
        return out;
    }

    /**
     * The caveat for service far from exponential, if it is: a heavy tail or nearly constant. How far off the
     * prediction runs (Allen–Cunneen) is said only where there is a finite prediction to be off.
     */
    private static Optional<String> serviceShape(double ratio, double variation, boolean predicted) {
        String cv = Double.isNaN(variation) ? "n/a" : String.format(Locale.ROOT, "%.2f", variation);
        if (ratio > HEAVY_TAIL_P99_RATIO || variation > HEAVY_TAIL_VARIATION) {
            String by = predicted && !Double.isNaN(variation) ? String.format(Locale.ROOT, ", so real waits run "
                    + "longer than predicted, by about (1 + CV²) / 2 = %.1f×", (1 + variation * variation) / 2) : "";
            return Optional.of(String.format(Locale.ROOT, "Heavy-tailed service: p99 is %.1f × the mean and CV ≈ %s "
                    + "(exponential: 4.6 × and 1). Erlang C assumes exponential service%s.", ratio, cv, by));
        }
        if (variation < STEADY_SERVICE_VARIATION) {
            String by = predicted ? String.format(Locale.ROOT, " and overstates waits, by about 2 / (1 + CV²) = "
                    + "%.1f×", 2 / (1 + variation * variation)) : "";
            return Optional.of(String.format(Locale.ROOT, "Nearly constant service (CV ≈ %s): Erlang C assumes "
                    + "exponential service%s.", cv, by));
        }
        return Optional.empty();
    }

    private static String finiteQueue(QueueReading r) {
        Overflow o = r.overflow();
        String dropped = o.dropped() == 0 ? ""
                : String.format(Locale.ROOT, "%,d of %,d arrivals (%.0f %%) were dropped in the window; ",
                        o.dropped(), r.arrivals(), 100.0 * o.dropped() / Math.max(1, r.arrivals()));
        // Drops can all fall between samples: then there is no full sample to count.
        String full = o.fullSamples() == 0 ? ""
                : String.format(Locale.ROOT, " and was full at %,d of %,d samples", o.fullSamples(), r.levelSamples());
        return String.format(Locale.ROOT, "Finite queue: %sthe queue holds %,d%s, and %s. Erlang C assumes an "
                + "unbounded queue where every arrival waits its turn.", dropped, o.capacity(), full,
                o.policyWords());
    }

    /**
     * True when the excess of the observed wait over the prediction has a hand-off's shape: a thread wake-up that
     * nearly every request pays, so the median wait is above the prediction yet small against the service time,
     * and the excess is about the median. Queueing piles its waits on the requests that arrive in a crowd, which
     * puts the median near or above the service time, or the mean far above the median.
     */
    private static boolean looksLikeHandOff(double median, double service, double predicted, double observed) {
        return observed > 2 * predicted && median > predicted && median <= HAND_OFF_SHARE_OF_SERVICE * service
                && observed - predicted <= HAND_OFF_EXCESS * median;
    }
}
