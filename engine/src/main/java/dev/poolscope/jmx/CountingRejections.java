package dev.poolscope.jmx;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts a {@link ThreadPoolExecutor}'s rejections, then lets the handler it replaced decide what a rejection does.
 * An executor watched by several registrations has a chain of them, each wrapping the one installed before it;
 * closing one takes it out of the chain wherever it is, so the others keep counting and, once all are closed, the
 * executor has its original handler again.
 */
final class CountingRejections implements RejectedExecutionHandler {

    // Guards installing and uninstalling, on every executor: each reads the chain, then changes it.
    private static final Object CHAIN = new Object();

    // Written under CHAIN; volatile because rejecting threads follow it without the lock.
    private volatile RejectedExecutionHandler delegate;
    private final LongAdder rejected = new LongAdder();

    @Override
    public void rejectedExecution(Runnable task, ThreadPoolExecutor executor) {
        rejected.increment();
        delegate.rejectedExecution(task, executor);
    }

    /** Tasks rejected since it was installed, whatever the delegate then did with them. */
    long rejected() {
        return rejected.sum();
    }

    void install(ThreadPoolExecutor executor) {
        synchronized (CHAIN) {
            delegate = executor.getRejectedExecutionHandler();
            executor.setRejectedExecutionHandler(this);
        }
    }

    /** Takes this one out of the executor's chain; if someone has set a handler of their own since, it stays. */
    void uninstall(ThreadPoolExecutor executor) {
        synchronized (CHAIN) {
            RejectedExecutionHandler head = executor.getRejectedExecutionHandler();
            if (head == this) {
                executor.setRejectedExecutionHandler(delegate);
                return;
            }
            for (RejectedExecutionHandler h = head; h instanceof CountingRejections c; h = c.delegate) {
                if (c.delegate == this) {
                    c.delegate = delegate;
                    return;
                }
            }
        }
    }
}
