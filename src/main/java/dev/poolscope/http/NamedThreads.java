package dev.poolscope.http;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named {@code poolscope-<role>-N}, so a test or a thread dump can tell whose they are. */
final class NamedThreads implements ThreadFactory {

    /** What every thread this package starts is named after. */
    static final String PREFIX = "poolscope-";

    private final String role;
    private final AtomicInteger next = new AtomicInteger(1);

    NamedThreads(String role) {
        this.role = role;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, PREFIX + role + "-" + next.getAndIncrement());
        t.setDaemon(true);
        return t;
    }
}
