package dev.poolscope.jmx;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.LongAdder;

/** Counts a {@link ThreadPoolExecutor}'s rejections, then lets its own handler decide what a rejection does. */
final class CountingRejections implements RejectedExecutionHandler {

    private final RejectedExecutionHandler delegate;
    private final LongAdder rejected = new LongAdder();

    CountingRejections(RejectedExecutionHandler delegate) {
        this.delegate = delegate;
    }

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
        executor.setRejectedExecutionHandler(this);
    }

    /** Puts the original handler back, unless someone has replaced this one since. */
    void uninstall(ThreadPoolExecutor executor) {
        if (executor.getRejectedExecutionHandler() == this) {
            executor.setRejectedExecutionHandler(delegate);
        }
    }
}
