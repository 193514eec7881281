package dev.poolscope.jmx;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Handler;
import dev.poolscope.engine.PoolConfig;

/** Helpers for the JMX tests: pools and names no other test uses, in the one platform MBean server. */
final class RegisteredPools {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private RegisteredPools() {
    }

    /** A name no other test registers. */
    static String uniqueName(String what) {
        return what + "-" + SEQUENCE.incrementAndGet();
    }

    static Dispatcher start(PoolConfig config, Map<String, Handler> handlers) {
        return Dispatcher.start(uniqueName("jmx-test"), config, handlers);
    }
}
