package dev.poolscope.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ShutdownReport;
import dev.poolscope.http.HttpPath;
import dev.poolscope.model.CapacityAdvice;

/**
 * What a headless run measured, and its verdict.
 *
 * @param options       the options it ran with
 * @param seed          the seed its load was drawn from (given or chosen), to repeat it
 * @param loadSeconds   how long the generator ran
 * @param generated     requests the generator submitted
 * @param loadFailure   what killed the generator's thread during the run, or null
 * @param endOfLoad     the pool just before shutdown began
 * @param last          the pool after it terminated: every request has its outcome
 * @param shutdown      what shutdown did
 * @param latency       whole-run percentiles over completed requests
 * @param grew          scaling decisions that added workers
 * @param shrank        scaling decisions that retired workers
 * @param smallestPool  fewest live workers seen at a sample
 * @param largestPool   most live workers seen at a sample
 * @param scaling       worker-seconds and how calm the scaling was after the settle time
 * @param http          for an HTTP scenario, what its client and backend saw; null otherwise
 * @param advice        the samples from the settle time on read as an M/M/c queue; null when they span less than
 *                      one interval
 */
public record RunReport(Options options, long seed, double loadSeconds, long generated, Throwable loadFailure,
                        PoolSnapshot endOfLoad,
                        PoolSnapshot last, ShutdownReport shutdown, WholeRunLatency.Summary latency, long grew,
                        long shrank, int smallestPool, int largestPool, ScalingSummary scaling,
                        HttpFigures http, CapacityAdvice advice) {

    /** True when every submitted request reached exactly one outcome and no counter went negative. */
    public boolean invariantHolds() {
        return last.invariantHolds() && last.finished() == last.submitted();
    }

    /** True when the invariant holds and the load ran to the end: a run whose generator died proves little. */
    public boolean passed() {
        return invariantHolds() && loadFailure == null;
    }

    /** Requests completed per second of load. */
    public double completedPerSecond() {
        return endOfLoad.completed() / Math.max(1e-9, loadSeconds);
    }

    /** The one-line verdict of {@code --smoke}. */
    public String smokeLine() {
        // Every outcome, so that the line adds up to what was submitted (a short run hands much back at shutdown).
        return String.format(Locale.ROOT, "PoolScope smoke %s: %d submitted, %d completed, %d failed, %d timed out, "
                        + "%d unhandled, %d dropped, %d returned, %d interrupted, %s, %d workers",
                passed() ? "OK" : "FAILED", last.submitted(), last.completed(), last.failed(), last.timedOut(),
                last.unhandled(), last.droppedTotal(), last.returned(), last.interrupted(), invariantText(),
                endOfLoad.poolSize());
    }

    /** The multi-line summary printed after a headless run. */
    public String summary() {
        PoolConfig c = options.pool();
        String rate = options.rate() != null ? rateText(options.rate()) + "/s base rate (--rate)"
                : "its own base rate";
        StringBuilder b = new StringBuilder();
        line(b, "PoolScope headless run: scenario %s at %s, %.1f s, seed %d",
                Options.nameOf(options.scenario()), rate, loadSeconds, seed);
        line(b, "  pool        %d..%d workers, threshold %d, capacity %d, timeout %s, %d retries, %s",
                c.minWorkers(), c.maxWorkers(), c.loadThreshold(), c.queueCapacity(),
                DurationText.format(c.requestTimeout()), c.maxRetries(), Options.nameOf(c.overflowPolicy()));
        line(b, "  load        %d requests generated (%.1f/s offered)%s", generated, generated / loadSeconds,
                loadFailure == null ? "" : "; the load generator FAILED: " + loadFailure);
        line(b, "  throughput  %.1f completed/s (%d completed during the load, %d in all)",
                completedPerSecond(), endOfLoad.completed(), last.completed());
        line(b, "  outcomes    %d completed, %d failed, %d timed out, %d dropped%s, %d unhandled, "
                        + "%d returned, %d interrupted",
                last.completed(), last.failed(), last.timedOut(), last.droppedTotal(), dropReasons(),
                last.unhandled(), last.returned(), last.interrupted());
        line(b, "  retries     %d retried attempts", last.retriedAttempts());
        line(b, "  latency     wait p50 %.3f ms, p99 %.3f ms (max %.1f ms); run p50 %.3f ms, p99 %.3f ms",
                latency.waitP50(), latency.waitP99(), latency.waitMax(), latency.runP50(), latency.runP99());
        line(b, "              over the whole run: an HdrHistogram of all %d completed requests "
                + "(wait summed over attempts)", latency.count());
        if (http != null) {
            line(b, "  http        %d sent to the front, %d answered, %d unanswered%s, %d refused (over %d outstanding)",
                    http.sent(), http.answered(), http.unanswered(),
                    http.waiting() == 0 ? "" : ", " + http.waiting() + " still waiting for an answer", http.refused(),
                    HttpPath.MAX_OUTSTANDING);
            line(b, "  backend     %s (%s)", http.settingsText(),
                    options.backend() != null ? "--backend-… flags" : "the scenario's own");
            line(b, "              %d calls answered, %d 5xx (%d shed with 503), p99 %.1f ms",
                    http.backend().answered(), http.backend().serverErrors(), http.backend().rejected(),
                    http.backend().p99Millis());
        }
        line(b, "  scaling     %s: %s", c.scalingPolicy().name(), c.scalingPolicy().settings());
        line(b, "              %d events (%d grew, %d shrank); pool size %d..%d at samples, %d at the end of load; "
                        + "%.1f worker-seconds",
                grew + shrank, grew, shrank, smallestPool, largestPool, endOfLoad.poolSize(), scaling.workerSeconds());
        line(b, "              after %s: %d events (%.1f/min), %d direction changes",
                DurationText.format(options.settle()), scaling.settledEvents(), scaling.eventsPerMinute(),
                scaling.directionChanges());
        if (advice != null) {
            b.append(AdvisorLines.of(advice, options.settle()));
        } else {
            line(b, "  advisor     no reading: the samples from %s on span less than one interval (%s); lengthen "
                    + "--duration or shorten --settle or --interval", DurationText.format(options.settle()),
                    DurationText.format(options.interval()));
        }
        line(b, "  shutdown    %s", shutdown.summary());
        line(b, "  check       %s: %d submitted, %d finished", invariantText(), last.submitted(), last.finished());
        return b.toString();
    }

    private String invariantText() {
        return invariantHolds() ? "invariant holds"
                : "INVARIANT BROKEN (" + last.unaccounted() + " unaccounted, " + last.inFlight() + " in flight)";
    }

    private String dropReasons() {
        if (last.droppedTotal() == 0) {
            return "";
        }
        Map<DropReason, Long> nonZero = last.dropped().entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return nonZero.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    private static String rateText(double r) {
        return r == Math.rint(r) ? String.valueOf((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }
}
