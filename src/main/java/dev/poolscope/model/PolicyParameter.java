package dev.poolscope.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;

import dev.poolscope.engine.AimdPolicy;
import dev.poolscope.engine.BacklogPolicy;
import dev.poolscope.engine.CapacityPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ProportionalPolicy;
import dev.poolscope.engine.ScalingPolicy;
import dev.poolscope.engine.ThresholdPolicy;

/**
 * One parameter of a scaling policy as the Pool panel edits it: its label, unit and value in screen units
 * (percentages, seconds, milliseconds), the choices if it is a choice, and how a typed value makes the next policy.
 * {@link #with(String)} refuses a bad value in the screen's words ({@code Tolerance 80 % is not allowed: must be 0
 * to 50 %}) before the engine sees it; the policy's own validation stays the backstop. Plain Java.
 *
 * @param label   the field's label, e.g. {@code Tolerance}
 * @param unit    the unit after the field ({@code %}, {@code s}, {@code ms}) or empty
 * @param value   the value in force, as the field shows it
 * @param choices the values a choice may take (shown in a combo box); empty for a number
 * @param next    the policy with this parameter set to the typed text; throws on bad text
 */
public record PolicyParameter(String label, String unit, String value, List<String> choices,
                              Function<String, ScalingPolicy> next) {

    /** The longest window, cooldown or gap, in seconds. */
    static final double MAX_SECONDS = PoolConfig.DURATION_LIMIT.toSeconds();
    private static final String UTILISATION = "utilisation";
    private static final String QUEUE = "queued per worker";

    public PolicyParameter {
        choices = List.copyOf(choices);
    }

    /** The policy with this parameter set to {@code text}; an {@link IllegalArgumentException} in screen words. */
    public ScalingPolicy with(String text) {
        return next.apply(text);
    }

    /** True for a parameter chosen from {@link #choices()}. */
    public boolean isChoice() {
        return !choices.isEmpty();
    }

    /** The editable parameters of {@code p}, in the order the panel shows them. */
    public static List<PolicyParameter> of(ScalingPolicy p) {
        List<PolicyParameter> out = new ArrayList<>();
        if (p instanceof ThresholdPolicy t) {
            out.add(seconds("Down window", t.downscaleWindow(), d -> new ThresholdPolicy(d, t.cooldown())));
            out.add(seconds("Cooldown", t.cooldown(), d -> new ThresholdPolicy(t.downscaleWindow(), d)));
        } else if (p instanceof ProportionalPolicy h) {
            hpa(h, out);
        } else if (p instanceof BacklogPolicy b) {
            out.add(number("Target per worker", "", b.targetPerWorker(), 0.1, PoolConfig.THRESHOLD_LIMIT,
                    v -> new BacklogPolicy(v, b.downscaleWindow(), b.cooldown())));
            out.add(seconds("Down window", b.downscaleWindow(), d -> new BacklogPolicy(b.targetPerWorker(), d,
                    b.cooldown())));
            out.add(seconds("Cooldown", b.cooldown(), d -> new BacklogPolicy(b.targetPerWorker(),
                    b.downscaleWindow(), d)));
        } else if (p instanceof CapacityPolicy c) {
            out.add(number("P(wait) target", "%", c.maxWaitProbability() * 100, 0.1, 99.9,
                    v -> new CapacityPolicy(v / 100, c.maxUtilisation(), c.downscaleWindow(), c.cooldown())));
            out.add(number("Max utilisation", "%", c.maxUtilisation() * 100, 1, 100,
                    v -> new CapacityPolicy(c.maxWaitProbability(), v / 100, c.downscaleWindow(), c.cooldown())));
            out.add(seconds("Down window", c.downscaleWindow(), d -> new CapacityPolicy(c.maxWaitProbability(),
                    c.maxUtilisation(), d, c.cooldown())));
            out.add(seconds("Cooldown", c.cooldown(), d -> new CapacityPolicy(c.maxWaitProbability(),
                    c.maxUtilisation(), c.downscaleWindow(), d)));
        } else if (p instanceof AimdPolicy a) {
            out.add(number("Run p99 target", "ms", a.runTimeTarget().toNanos() / 1e6, 1,
                    PoolConfig.DURATION_LIMIT.toMillis(), v -> new AimdPolicy(Duration.ofNanos(Math.round(v * 1e6)),
                            a.backoffFactor(), a.backoffGap(), a.downscaleWindow(), a.cooldown())));
            out.add(number("Back-off factor", "×", a.backoffFactor(), 0.1, 0.99, v -> new AimdPolicy(
                    a.runTimeTarget(), v, a.backoffGap(), a.downscaleWindow(), a.cooldown())));
            out.add(seconds("Back-off gap", a.backoffGap(), d -> new AimdPolicy(a.runTimeTarget(), a.backoffFactor(),
                    d, a.downscaleWindow(), a.cooldown())));
            out.add(seconds("Down window", a.downscaleWindow(), d -> new AimdPolicy(a.runTimeTarget(),
                    a.backoffFactor(), a.backoffGap(), d, a.cooldown())));
            out.add(seconds("Cooldown", a.cooldown(), d -> new AimdPolicy(a.runTimeTarget(), a.backoffFactor(),
                    a.backoffGap(), a.downscaleWindow(), d)));
        }
        return out;
    }

    /** The HPA's metric, its target (a percentage for utilisation), tolerance and windows. */
    private static void hpa(ProportionalPolicy h, List<PolicyParameter> out) {
        boolean utilisation = h.metric() == ProportionalPolicy.Metric.UTILISATION;
        out.add(new PolicyParameter("Metric", "", utilisation ? UTILISATION : QUEUE, List.of(UTILISATION, QUEUE),
                text -> {
                    ProportionalPolicy.Metric m = UTILISATION.equals(text) ? ProportionalPolicy.Metric.UTILISATION
                            : ProportionalPolicy.Metric.QUEUE_PER_WORKER;
                    // A target means something else under the other metric: start from that metric's default.
                    double target = m == h.metric() ? h.target() : m == ProportionalPolicy.Metric.UTILISATION
                            ? ProportionalPolicy.defaults().target() : 10;
                    return new ProportionalPolicy(m, target, h.tolerance(), h.downscaleWindow(), h.cooldown());
                }));
        if (utilisation) {
            out.add(number("Target utilisation", "%", h.target() * 100, 1, 100, v -> new ProportionalPolicy(
                    h.metric(), v / 100, h.tolerance(), h.downscaleWindow(), h.cooldown())));
        } else {
            out.add(number("Target per worker", "", h.target(), 0.01, PoolConfig.THRESHOLD_LIMIT,
                    v -> new ProportionalPolicy(h.metric(), v, h.tolerance(), h.downscaleWindow(), h.cooldown())));
        }
        out.add(number("Tolerance", "%", h.tolerance() * 100, 0, 50, v -> new ProportionalPolicy(h.metric(),
                h.target(), v / 100, h.downscaleWindow(), h.cooldown())));
        out.add(seconds("Down window", h.downscaleWindow(), d -> new ProportionalPolicy(h.metric(), h.target(),
                h.tolerance(), d, h.cooldown())));
        out.add(seconds("Cooldown", h.cooldown(), d -> new ProportionalPolicy(h.metric(), h.target(),
                h.tolerance(), h.downscaleWindow(), d)));
    }

    private static PolicyParameter number(String label, String unit, double value, double lowest, double highest,
                                          DoubleFunction<ScalingPolicy> make) {
        return new PolicyParameter(label, unit, ScreenNumber.format(value), List.of(),
                text -> make.apply(ScreenNumber.parse(label, unit, text, lowest, highest)));
    }

    private static PolicyParameter seconds(String label, Duration value, Function<Duration, ScalingPolicy> make) {
        return number(label, "s", value.toNanos() / 1e9, 0, MAX_SECONDS,
                v -> make.apply(Duration.ofMillis(Math.round(v * 1000))));
    }
}
