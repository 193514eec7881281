package dev.poolscope.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;

/** The few small executors this package runs on, and how each is ended. */
final class HttpExecutors {

    /** How long closing waits for an executor's threads to end; they only ever run short tasks. */
    private static final long END_WAIT_SECONDS = 5;

    private HttpExecutors() {
    }

    /** A fixed pool of {@code threads} named after {@code role}. */
    static ThreadPoolExecutor fixed(String role, int threads) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreads(role));
    }

    /** One timer thread named after {@code role}; cancelled tasks leave its queue at once. */
    static ScheduledThreadPoolExecutor timer(String role) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new NamedThreads(role));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Interrupts {@code executor}'s tasks, drops its queue and waits for its threads to end. */
    static void end(ExecutorService executor) {
        executor.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                executor.awaitTermination(END_WAIT_SECONDS, TimeUnit.SECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
