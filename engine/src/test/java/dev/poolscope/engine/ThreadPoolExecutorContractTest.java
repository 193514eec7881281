package dev.poolscope.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The contract against the JDK's reference: a fixed {@code ThreadPoolExecutor} with a bounded queue. */
class ThreadPoolExecutorContractTest extends ExecutorEdgeContract {

    @Override
    ExecutorService newExecutor() {
        return new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(CAPACITY), new ThreadPoolExecutor.AbortPolicy());
    }
}
