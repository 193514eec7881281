package dev.poolscope.compare;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

import dev.poolscope.engine.AimdPolicy;
import dev.poolscope.engine.BacklogPolicy;
import dev.poolscope.engine.CapacityPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ProportionalPolicy;
import dev.poolscope.engine.ScalingPolicy;

/**
 * The one number per scaling policy that the A/B form sets, under one label: the threshold rule's load threshold
 * (a pool setting), the HPA's target, the backlog's target per worker, the capacity policy's largest chance of
 * waiting, and AIMD's run-time target. A refused value's message names the label, not the record's field.
 */
public final class PolicyTarget {

    private PolicyTarget() {
    }

    /** The label of {@code policy}'s target, as the form shows it. */
    public static String label(ScalingPolicy policy) {
        if (policy instanceof ProportionalPolicy p) {
            return p.metric() == ProportionalPolicy.Metric.UTILISATION ? "Target utilisation"
                    : "Target queue/worker";
        }
        if (policy instanceof BacklogPolicy) {
            return "Target per worker";
        }
        if (policy instanceof CapacityPolicy) {
            return "Max P(wait)";
        }
        if (policy instanceof AimdPolicy) {
            return "Run p99 target (ms)";
        }
        return "Load threshold";
    }

    /** The target in force in {@code config}, in the unit {@link #label} names. */
    public static double value(PoolConfig config) {
        ScalingPolicy policy = config.scalingPolicy();
        if (policy instanceof ProportionalPolicy p) {
            return p.target();
        }
        if (policy instanceof BacklogPolicy b) {
            return b.targetPerWorker();
        }
        if (policy instanceof CapacityPolicy c) {
            return c.maxWaitProbability();
        }
        if (policy instanceof AimdPolicy a) {
            return a.runTimeTarget().toNanos() / 1e6;
        }
        return config.loadThreshold();
    }

    /** {@link #value} as the form shows it: a whole number without a fraction, e.g. {@code 50} or {@code 0.8}. */
    public static String text(PoolConfig config) {
        return plain(value(config));
    }

    /**
     * {@code config} with its policy's target set to {@code value}.
     *
     * @throws IllegalArgumentException if the pool or the policy refuses the value, with the label in the message,
     *                                  e.g. {@code Target utilisation 2 is not allowed: must be greater than 0 and
     *                                  at most 1}
     */
    public static PoolConfig with(PoolConfig config, double value) {
        ScalingPolicy policy = config.scalingPolicy();
        try {
            if (policy instanceof ProportionalPolicy p) {
                return withPolicy(config, new ProportionalPolicy(p.metric(), value, p.tolerance(),
                        p.downscaleWindow(), p.cooldown()));
            }
            if (policy instanceof BacklogPolicy b) {
                return withPolicy(config, new BacklogPolicy(value, b.downscaleWindow(), b.cooldown()));
            }
            if (policy instanceof CapacityPolicy c) {
                return withPolicy(config, new CapacityPolicy(value, c.maxUtilisation(), c.downscaleWindow(),
                        c.cooldown()));
            }
            if (policy instanceof AimdPolicy a) {
                return withPolicy(config, new AimdPolicy(millis(value), a.backoffFactor(), a.backoffGap(),
                        a.downscaleWindow(), a.cooldown()));
            }
            return config.toBuilder().loadThreshold(wholeNumber(value)).build();
        } catch (IllegalArgumentException refused) {
            // "target = 2 is not allowed: …" → "Target utilisation 2 is not allowed: …"
            throw new IllegalArgumentException(refused.getMessage().replaceFirst("^\\w+ = ", label(policy) + " "),
                    refused);
        }
    }

    /** What {@code config}'s policy accepts as its target, e.g. {@code must be greater than 0 and at most 1}. */
    public static String allowed(PoolConfig config) {
        try {
            with(config, Double.NaN);
        } catch (IllegalArgumentException refused) {
            // No policy takes NaN, so its refusal states the range, written once, where the policy checks it.
            String message = refused.getMessage();
            int at = message.indexOf("must be ");
            return at < 0 ? message : message.substring(at);
        }
        throw new IllegalStateException(label(config.scalingPolicy()) + " accepted NaN");
    }

    private static PoolConfig withPolicy(PoolConfig config, ScalingPolicy policy) {
        return config.toBuilder().scalingPolicy(policy).build();
    }

    private static int wholeNumber(double value) {
        if (value != Math.rint(value) || value < 1 || value > PoolConfig.THRESHOLD_LIMIT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "loadThreshold = %s is not allowed: must "
                    + "be a whole number from 1 to %,d", plain(value), PoolConfig.THRESHOLD_LIMIT));
        }
        return (int) value;
    }

    private static Duration millis(double value) {
        if (!(value > 0) || value > PoolConfig.DURATION_LIMIT.toMillis()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "runTimeTarget = %s is not allowed: must "
                    + "be greater than 0 and at most %,d ms", plain(value), PoolConfig.DURATION_LIMIT.toMillis()));
        }
        return Duration.ofNanos(Math.round(value * 1e6));
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
