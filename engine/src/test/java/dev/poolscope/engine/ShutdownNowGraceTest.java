package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A task that ignores {@code shutdownNow()}'s interrupt, before and after the pool's stuck grace runs out. */
@Timeout(10)
class ShutdownNowGraceTest {

    private final AtomicBoolean stop = new AtomicBoolean();
    private PoolScopeExecutor executor;

    @AfterEach
    void stopTheTask() throws InterruptedException {
        stop.set(true);
        if (executor != null) {
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
            assertTrue(executor.dispatcher().snapshot().invariantHolds());
        }
    }

    /** One worker with {@code grace}, running a task that ignores interrupts until {@link #stop}. */
    private PoolScopeExecutor stubbornTaskRunning(Duration grace) throws InterruptedException {
        executor = PoolScope.executor(Pools.uniqueName(), Pools.quiet().workers(1, 1).stuckGrace(grace).build());
        CountDownLatch started = new CountDownLatch(1);
        executor.execute(() -> {
            started.countDown();
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        return executor;
    }

    @Test
    void awaitTerminationWithAHugeNegativeTimeoutAnswersAtOnceWhileAGivenUpTaskRuns() throws Exception {
        PoolScopeExecutor e = stubbornTaskRunning(Duration.ofMillis(1));
        e.shutdownNow();
        await().atMost(Duration.ofSeconds(5)).until(() -> e.dispatcher().isTerminated());
        assertFalse(e.awaitTermination(Long.MIN_VALUE, TimeUnit.NANOSECONDS));
        assertFalse(e.awaitTermination(-Long.MAX_VALUE, TimeUnit.SECONDS));
    }
}
