package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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

    /** One worker with {@code grace}, running a task that ignores interrupts until {@link #stop}, then returns. */
    private Future<String> stubbornTaskRunning(Duration grace) throws InterruptedException {
        executor = PoolScope.executor(Pools.uniqueName(), Pools.quiet().workers(1, 1).stuckGrace(grace).build());
        CountDownLatch started = new CountDownLatch(1);
        Future<String> task = executor.submit(() -> {
            started.countDown();
            while (!stop.get()) {
                Thread.onSpinWait();
            }
            return "late";
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        return task;
    }

    @Test
    void aTaskThatReturnsWithinTheGraceAfterShutdownNowKeepsItsResult() throws Exception {
        Future<String> task = stubbornTaskRunning(Duration.ofHours(1));
        executor.shutdownNow();
        assertFalse(task.isDone(), "still running, within the grace");
        stop.set(true);
        assertEquals("late", task.get(5, TimeUnit.SECONDS));
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
        PoolSnapshot s = executor.dispatcher().snapshot();
        assertEquals(1, s.completed(), s.toString());
        assertEquals(0, s.interrupted(), s.toString());
        assertEquals(0, s.stuckWorkers(), s.toString());
    }

    @Test
    void aTaskStillRunningWhenTheGraceRunsOutLosesItsResultToTheInterrupt() throws Exception {
        Future<String> task = stubbornTaskRunning(Duration.ofMillis(1));
        executor.shutdownNow();
        ExecutionException e = assertThrows(ExecutionException.class, () -> task.get(5, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertFalse(executor.isTerminated(), "the task still runs");
        stop.set(true);
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedException.class,
                assertThrows(ExecutionException.class, task::get).getCause(), "what it returned late is discarded");
        PoolSnapshot s = executor.dispatcher().snapshot();
        assertEquals(0, s.completed(), s.toString());
        assertEquals(1, s.interrupted(), s.toString());
        assertEquals(1, s.stuckWorkers(), s.toString());
    }

    @Test
    void awaitTerminationWithAHugeNegativeTimeoutAnswersAtOnceWhileAGivenUpTaskRuns() throws Exception {
        stubbornTaskRunning(Duration.ofMillis(1));
        PoolScopeExecutor e = executor;
        e.shutdownNow();
        await().atMost(Duration.ofSeconds(5)).until(() -> e.dispatcher().isTerminated());
        assertFalse(e.awaitTermination(Long.MIN_VALUE, TimeUnit.NANOSECONDS));
        assertFalse(e.awaitTermination(-Long.MAX_VALUE, TimeUnit.SECONDS));
    }
}
