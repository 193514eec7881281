package dev.poolscope.jmx;

import java.util.function.Function;

import dev.poolscope.engine.PoolConfig;

/** The writable config attributes of {@link PoolMXBean}, with how each reads from a {@link PoolConfig}. */
enum ConfigAttribute {
    MIN_WORKERS("MinWorkers", "minWorkers", "int", PoolConfig::minWorkers),
    MAX_WORKERS("MaxWorkers", "maxWorkers", "int", PoolConfig::maxWorkers),
    LOAD_THRESHOLD("LoadThreshold", "loadThreshold", "int", PoolConfig::loadThreshold),
    QUEUE_CAPACITY("QueueCapacity", "queueCapacity", "int", PoolConfig::queueCapacity),
    OVERFLOW_POLICY("OverflowPolicy", "overflowPolicy", String.class.getName(), c -> c.overflowPolicy().name()),
    REQUEST_TIMEOUT_MILLIS("RequestTimeoutMillis", "requestTimeout", "long", c -> c.requestTimeout().toMillis()),
    MAX_RETRIES("MaxRetries", "maxRetries", "int", PoolConfig::maxRetries),
    SCALING_TICK_MILLIS("ScalingTickMillis", "scalingTick", "long", c -> c.scalingTick().toMillis()),
    SCALING_POLICY("ScalingPolicy", "scalingPolicy", String.class.getName(), c -> c.scalingPolicy().name());

    private static final String NOT_ALLOWED = " is not allowed: ";

    /** The attribute's JMX name. */
    final String attributeName;
    /** Its JMX type, as {@link javax.management.AttributeChangeNotification#getAttributeType()} gives it. */
    final String type;
    // The PoolConfig field it writes, as the engine's messages name it.
    private final String engineField;
    private final Function<PoolConfig, Object> read;

    ConfigAttribute(String attributeName, String engineField, String type, Function<PoolConfig, Object> read) {
        this.attributeName = attributeName;
        this.engineField = engineField;
        this.type = type;
        this.read = read;
    }

    /**
     * The engine's refusal of a write to this attribute, reworded for the remote client: it names the attribute and
     * the value as written (milliseconds, say, where the engine speaks of a duration), and the other attributes the
     * allowed range mentions by their JMX names. A refusal of another shape is returned as it is.
     */
    IllegalArgumentException refusal(IllegalArgumentException engine, Object written) {
        String message = engine.getMessage();
        int cut = message == null ? -1 : message.indexOf(NOT_ALLOWED);
        if (cut < 0 || !message.startsWith(engineField + " = ")) {
            return engine;
        }
        String allowed = message.substring(cut + NOT_ALLOWED.length());
        for (ConfigAttribute other : values()) {
            allowed = allowed.replaceAll("\\b" + other.engineField + "\\b", other.attributeName);
        }
        return new IllegalArgumentException(attributeName + " = " + written + NOT_ALLOWED + allowed, engine);
    }

    Object valueIn(PoolConfig config) {
        return read.apply(config);
    }
}
