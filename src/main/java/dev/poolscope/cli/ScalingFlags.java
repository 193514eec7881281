package dev.poolscope.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.poolscope.engine.AimdPolicy;
import dev.poolscope.engine.BacklogPolicy;
import dev.poolscope.engine.CapacityPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ProportionalPolicy;
import dev.poolscope.engine.ScalingPolicy;
import dev.poolscope.engine.ThresholdPolicy;

/**
 * The scaling-policy flags: {@code --scaling NAME} picks the pool's policy, {@code --policies A,B,…} the
 * tournament's entrants, and the per-policy flags tune them. A per-policy flag for a policy that is not in play is
 * an error rather than silently ignored; {@code --down-window} and {@code --cooldown} apply to every policy.
 */
final class ScalingFlags {

    /** Flags read here, each taking one value. */
    static final Set<String> VALUED = Set.of("--scaling", "--policies", "--down-window", "--cooldown",
            "--hpa-metric", "--hpa-target", "--hpa-tolerance", "--backlog-target", "--capacity-wait",
            "--capacity-utilisation", "--aimd-target", "--aimd-factor");

    private static final Map<String, String> POLICY_OF_FLAG = Map.of("--hpa-metric", "hpa", "--hpa-target", "hpa",
            "--hpa-tolerance", "hpa", "--backlog-target", "backlog", "--capacity-wait", "capacity",
            "--capacity-utilisation", "capacity", "--aimd-target", "aimd", "--aimd-factor", "aimd");
    private static final Map<String, ProportionalPolicy.Metric> METRICS = Map.of(
            "utilisation", ProportionalPolicy.Metric.UTILISATION, "queue", ProportionalPolicy.Metric.QUEUE_PER_WORKER);
    private static final Map<String, String> NAMES = names();

    private String scaling;
    private List<String> entrants;
    private Duration downWindow;
    private Duration cooldown;
    private ProportionalPolicy.Metric hpaMetric;
    private Double hpaTarget;
    private Double hpaTolerance;
    private Double backlogTarget;
    private Double capacityWait;
    private Double capacityUtilisation;
    private Duration aimdTarget;
    private Double aimdFactor;
    // Flag → the text typed, in the order given, for errors.
    private final Map<String, String> typed = new HashMap<>();

    /** Reads one of {@link #VALUED}. */
    void apply(String flag, String text) {
        typed.put(flag, text);
        switch (flag) {
            case "--scaling" -> scaling = FlagValues.choice(flag, text, NAMES, ScalingPolicy.NAMES);
            case "--policies" -> entrants = list(flag, text);
            case "--down-window" -> downWindow = DurationText.parse(flag, text, Duration.ZERO,
                    PoolConfig.DURATION_LIMIT);
            case "--cooldown" -> cooldown = DurationText.parse(flag, text, Duration.ZERO, PoolConfig.DURATION_LIMIT);
            case "--hpa-metric" -> hpaMetric = FlagValues.choice(flag, text, METRICS, List.of("utilisation", "queue"));
            // Its range depends on --hpa-metric, which may come later: checked when the policy is built.
            case "--hpa-target" -> hpaTarget = FlagValues.number(flag, text, "between 0.01 and 1 for the "
                    + "utilisation metric, or 0.01 and " + FlagValues.plain(PoolConfig.THRESHOLD_LIMIT)
                    + " queued requests per worker for the queue metric");
            case "--hpa-tolerance" -> hpaTolerance = FlagValues.decimal(flag, text, 0, 0.5, "a fraction");
            case "--backlog-target" -> backlogTarget = FlagValues.decimal(flag, text, 0.1, PoolConfig.THRESHOLD_LIMIT,
                    "outstanding requests per worker");
            case "--capacity-wait" -> capacityWait = FlagValues.decimal(flag, text, 0.001, 0.999, "a probability");
            case "--capacity-utilisation" -> capacityUtilisation = FlagValues.decimal(flag, text, 0.01, 1,
                    "a fraction");
            case "--aimd-target" -> aimdTarget = DurationText.parse(flag, text, Duration.ofMillis(1),
                    PoolConfig.DURATION_LIMIT);
            case "--aimd-factor" -> aimdFactor = FlagValues.decimal(flag, text, 0.1, 0.99, "a fraction");
            default -> throw new IllegalStateException(flag + " is listed as a scaling flag but not read");
        }
    }

    /** True if {@code --policies} was given. */
    boolean hasEntrants() {
        return entrants != null;
    }

    /** The pool's policy: the one {@code --scaling} names, tuned by the flags; the default without it. */
    ScalingPolicy poolPolicy(boolean tournament) {
        if (!tournament && entrants != null) {
            throw new IllegalArgumentException("--policies only applies to a tournament: add --tournament");
        }
        if (tournament && scaling != null) {
            throw new IllegalArgumentException("--scaling " + typed.get("--scaling") + " cannot be combined with "
                    + "--tournament: name the entrants with --policies");
        }
        Set<String> inPlay = tournament ? new LinkedHashSet<>(entrants()) : Set.of(scaling == null ? "threshold"
                : scaling);
        for (Map.Entry<String, String> e : POLICY_OF_FLAG.entrySet()) {
            if (typed.containsKey(e.getKey()) && !inPlay.contains(e.getValue())) {
                throw new IllegalArgumentException(e.getKey() + " " + typed.get(e.getKey()) + " only applies to the "
                        + e.getValue() + " policy: add " + (tournament ? "it to --policies" : "--scaling "
                        + e.getValue()));
            }
        }
        return build(scaling == null ? "threshold" : scaling);
    }

    /** The tournament's entrants in the order given (all five by default), each tuned by its flags. */
    List<ScalingPolicy> entrantPolicies() {
        List<ScalingPolicy> out = new ArrayList<>();
        for (String name : entrants()) {
            out.add(build(name));
        }
        return out;
    }

    private List<String> entrants() {
        return entrants != null ? entrants : ScalingPolicy.NAMES;
    }

    private ScalingPolicy build(String name) {
        return switch (name) {
            case "threshold" -> {
                ThresholdPolicy d = ThresholdPolicy.defaults();
                yield new ThresholdPolicy(or(downWindow, d.downscaleWindow()), or(cooldown, d.cooldown()));
            }
            case "hpa" -> {
                ProportionalPolicy d = ProportionalPolicy.defaults();
                ProportionalPolicy.Metric metric = or(hpaMetric, d.metric());
                double target = hpaTarget != null ? hpaTarget
                        : metric == d.metric() ? d.target() : 10;
                boolean utilisation = metric == ProportionalPolicy.Metric.UTILISATION;
                double highest = utilisation ? 1 : PoolConfig.THRESHOLD_LIMIT;
                if (!(target >= 0.01 && target <= highest)) {
                    throw new IllegalArgumentException("--hpa-target " + typed.get("--hpa-target")
                            + " is not allowed: must be between 0.01 and " + FlagValues.plain(highest) + " for the "
                            + (utilisation ? "utilisation" : "queue") + " metric");
                }
                yield new ProportionalPolicy(metric, target, or(hpaTolerance, d.tolerance()),
                        or(downWindow, d.downscaleWindow()), or(cooldown, d.cooldown()));
            }
            case "backlog" -> {
                BacklogPolicy d = BacklogPolicy.defaults();
                yield new BacklogPolicy(or(backlogTarget, d.targetPerWorker()), or(downWindow, d.downscaleWindow()),
                        or(cooldown, d.cooldown()));
            }
            case "capacity" -> {
                CapacityPolicy d = CapacityPolicy.defaults();
                yield new CapacityPolicy(or(capacityWait, d.maxWaitProbability()),
                        or(capacityUtilisation, d.maxUtilisation()), or(downWindow, d.downscaleWindow()),
                        or(cooldown, d.cooldown()));
            }
            case "aimd" -> {
                AimdPolicy d = AimdPolicy.defaults();
                yield new AimdPolicy(or(aimdTarget, d.runTimeTarget()), or(aimdFactor, d.backoffFactor()),
                        d.backoffGap(), or(downWindow, d.downscaleWindow()), or(cooldown, d.cooldown()));
            }
            default -> throw new IllegalStateException("no policy called " + name);
        };
    }

    private static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }

    private static List<String> list(String flag, String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = NAMES.get(part.trim().toLowerCase(Locale.ROOT));
            if (name == null) {
                throw new IllegalArgumentException(flag + " " + text + " is not allowed: '" + part + "' must be one of "
                        + String.join(", ", ScalingPolicy.NAMES));
            }
            if (out.contains(name)) {
                throw new IllegalArgumentException(flag + " " + text + " is not allowed: names " + name + " twice");
            }
            out.add(name);
        }
        return out;
    }

    private static Map<String, String> names() {
        Map<String, String> m = new HashMap<>();
        ScalingPolicy.NAMES.forEach(n -> m.put(n, n));
        return m;
    }
}
