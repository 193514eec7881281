package dev.poolscope.engine;

import java.time.Duration;
import java.util.List;

/**
 * How the scaler chooses the pool's size: a pure decision from one {@link ScalingInput} (a consistent reading of
 * the pool) and the pool's recent {@link ScalingHistory}, returning the desired worker count and a sentence that
 * shows the numbers used.
 *
 * <p>Five policies, each an immutable record validated like {@link PoolConfig} ({@code field = value is not
 * allowed: must be …}):
 * <ul>
 *   <li>{@link ThresholdPolicy} (the default): the seed's rule, one worker per tick, with a scale-down
 *       stabilisation window;</li>
 *   <li>{@link ProportionalPolicy}: Kubernetes HPA, {@code ceil(current × observed / target)};</li>
 *   <li>{@link BacklogPolicy}: KEDA, {@code ceil(outstanding / target per worker)};</li>
 *   <li>{@link CapacityPolicy}: queueing theory, the fewest workers whose Erlang C wait probability meets a target;</li>
 *   <li>{@link AimdPolicy}: additive increase while run time stays under a target, multiplicative decrease above.</li>
 * </ul>
 * Every policy honours min/max (the scaler clamps too) and its {@link #cooldown()}. Policies run on the scheduler
 * thread outside every lock, once per tick (1 ms – 60 s), so they keep no state and allocate little.
 */
public sealed interface ScalingPolicy permits ThresholdPolicy, ProportionalPolicy, BacklogPolicy, CapacityPolicy,
        AimdPolicy {

    /** Command-line and menu names of the policies, in menu order. */
    List<String> NAMES = List.of("threshold", "hpa", "backlog", "capacity", "aimd");

    /** The default: {@link ThresholdPolicy#defaults()}. */
    static ScalingPolicy defaultPolicy() {
        return ThresholdPolicy.defaults();
    }

    /** The policy called {@code name} (one of {@link #NAMES}) with its default parameters. */
    static ScalingPolicy withDefaults(String name) {
        // valueOf: a null name is refused with the same message as any other unknown one.
        return switch (String.valueOf(name)) {
            case "threshold" -> ThresholdPolicy.defaults();
            case "hpa" -> ProportionalPolicy.defaults();
            case "backlog" -> BacklogPolicy.defaults();
            case "capacity" -> CapacityPolicy.defaults();
            case "aimd" -> AimdPolicy.defaults();
            default -> throw new IllegalArgumentException("scalingPolicy = " + name + " is not allowed: must be one of "
                    + String.join(", ", NAMES));
        };
    }

    /** The short name, one of {@link #NAMES}. */
    String name();

    /** The parameters in one line, e.g. {@code target 0.8 utilisation, tolerance 10 %}. */
    String settings();

    /** One sentence for a tooltip: what the policy does and what it is good at. */
    String summary();

    /** The least time between two changes of the pool's size; zero lets it change every tick. */
    Duration cooldown();

    /** Decides the pool's size for this tick; never null. */
    ScalingDecision decide(ScalingInput input, ScalingHistory history);
}
