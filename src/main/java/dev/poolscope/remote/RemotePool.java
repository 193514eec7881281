package dev.poolscope.remote;

import java.io.IOException;
import java.util.Map;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.model.PoolFigure;

/**
 * One pool found over JMX, mapped onto the dashboard's terms: its MBean's attributes read as a
 * {@link PoolSnapshot}, the settings it has written back. What the pool does not have is listed in
 * {@link #absent()}, and the snapshot's value for it means nothing.
 */
public interface RemotePool {

    /** The MBean read. */
    ObjectName objectName();

    /** The pool's name, e.g. {@code orders} or {@code http-nio-8080}. */
    String name();

    /** What kind of pool, e.g. {@code PoolScope}, {@code ThreadPoolExecutor}, {@code Tomcat executor}. */
    String kind();

    /** One read of the pool; a PoolScope pool's latencies cover the time since the previous read. */
    PoolSnapshot read(MBeanServerConnection c) throws IOException, JMException;

    /** Writes what differs between {@code before} and {@code after}; returns the settings then in force. */
    PoolConfig write(MBeanServerConnection c, PoolConfig before, PoolConfig after) throws IOException, JMException;

    /** The figures and controls this kind of pool lacks, with why. */
    Map<PoolFigure, String> absent();

    /** True when the pool sends {@code dev.poolscope.scaling} notifications. */
    boolean notifiesScaling();
}
