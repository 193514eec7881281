package dev.poolscope.model;

import java.util.Locale;

import dev.poolscope.engine.PoolConfig;

/**
 * The settings in force as text to keep, because a change made over JMX is gone when the service restarts: as
 * {@link PoolConfig} builder code, as {@code poolscope} command-line flags, and as {@code key=value} properties.
 */
public final class SettingsText {

    private SettingsText() {
    }

    /** Java code that builds the same config. */
    public static String builderCode(PoolConfig c) {
        return String.format(Locale.ROOT, "PoolConfig.builder()%n"
                        + "        .workers(%d, %d)%n"
                        + "        .loadThreshold(%d)%n"
                        + "        .queueCapacity(%d)%n"
                        + "        .overflowPolicy(OverflowPolicy.%s)%n"
                        + "        .requestTimeout(Duration.ofMillis(%d))%n"
                        + "        .maxRetries(%d)%n"
                        + "        .scalingTick(Duration.ofMillis(%d))%n"
                        + "        .build();%n", c.minWorkers(), c.maxWorkers(), c.loadThreshold(), c.queueCapacity(),
                c.overflowPolicy().name(), c.requestTimeout().toMillis(), c.maxRetries(), c.scalingTick().toMillis());
    }

    /** The same settings as {@code poolscope} flags. */
    public static String cliFlags(PoolConfig c) {
        return String.format(Locale.ROOT, "--min %d --max %d --threshold %d --capacity %d --policy %s --timeout %dms"
                        + " --retries %d", c.minWorkers(), c.maxWorkers(), c.loadThreshold(), c.queueCapacity(),
                c.overflowPolicy().name().toLowerCase(Locale.ROOT).replace('_', '-'), c.requestTimeout().toMillis(),
                c.maxRetries());
    }

    /** The same settings as properties, named like the {@code PoolMXBean} attributes. */
    public static String properties(PoolConfig c) {
        return String.format(Locale.ROOT, "minWorkers=%d%nmaxWorkers=%d%nloadThreshold=%d%nqueueCapacity=%d%n"
                        + "overflowPolicy=%s%nrequestTimeoutMillis=%d%nmaxRetries=%d%nscalingTickMillis=%d%n",
                c.minWorkers(), c.maxWorkers(), c.loadThreshold(), c.queueCapacity(), c.overflowPolicy().name(),
                c.requestTimeout().toMillis(), c.maxRetries(), c.scalingTick().toMillis());
    }
}
