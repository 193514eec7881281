/**
 * PoolScope's engine: the self-scaling worker pool, its drop-in {@code ExecutorService}, its optional Micrometer
 * binder and its JMX face. No JavaFX: a service embeds this module alone.
 */
module dev.poolscope.engine {
    // The JMX face's API names ObjectName, MXBeans and notifications.
    requires transitive java.management;
    requires HdrHistogram;
    // Optional, and not transitive: a service compiles against the engine without Micrometer unless it binds meters.
    requires static micrometer.core;

    exports dev.poolscope.engine;
    exports dev.poolscope.engine.micrometer;
    exports dev.poolscope.jmx;
}
