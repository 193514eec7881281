package dev.poolscope.jmx;

import java.util.function.Function;

import dev.poolscope.engine.PoolConfig;

/** The writable config attributes of {@link PoolMXBean}, with how each reads from a {@link PoolConfig}. */
enum ConfigAttribute {
    MIN_WORKERS("MinWorkers", "int", PoolConfig::minWorkers),
    MAX_WORKERS("MaxWorkers", "int", PoolConfig::maxWorkers),
    LOAD_THRESHOLD("LoadThreshold", "int", PoolConfig::loadThreshold),
    QUEUE_CAPACITY("QueueCapacity", "int", PoolConfig::queueCapacity),
    OVERFLOW_POLICY("OverflowPolicy", String.class.getName(), c -> c.overflowPolicy().name()),
    REQUEST_TIMEOUT_MILLIS("RequestTimeoutMillis", "long", c -> c.requestTimeout().toMillis()),
    MAX_RETRIES("MaxRetries", "int", PoolConfig::maxRetries),
    SCALING_TICK_MILLIS("ScalingTickMillis", "long", c -> c.scalingTick().toMillis()),
    SCALING_POLICY("ScalingPolicy", String.class.getName(), c -> c.scalingPolicy().name());

    /** The attribute's JMX name. */
    final String attributeName;
    /** Its JMX type, as {@link javax.management.AttributeChangeNotification#getAttributeType()} gives it. */
    final String type;
    private final Function<PoolConfig, Object> read;

    ConfigAttribute(String attributeName, String type, Function<PoolConfig, Object> read) {
        this.attributeName = attributeName;
        this.type = type;
        this.read = read;
    }

    Object valueIn(PoolConfig config) {
        return read.apply(config);
    }
}
