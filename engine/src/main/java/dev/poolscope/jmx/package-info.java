/**
 * Pools as JMX MXBeans: a PoolScope {@link dev.poolscope.engine.Dispatcher} or any
 * {@link java.util.concurrent.ThreadPoolExecutor}, registered in the platform MBean server under
 * {@code dev.poolscope:type=Pool,name=<name>} by {@link dev.poolscope.jmx.PoolJmx}, for JConsole, VisualVM or any
 * JMX client to watch and tune.
 */
package dev.poolscope.jmx;
