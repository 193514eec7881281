package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a worker measures and how it carries on after an attempt that was cancelled. */
@Timeout(10)
class WorkerTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void anOutcomesTimesLieWithinTheTimeTheRequestTook() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), Map.of("job", gate))) {
            long before = System.nanoTime();
            CompletableFuture<Outcome> first = pool.submit("job", 1);
            CompletableFuture<Outcome> second = pool.submit("job", 2);
            gate.awaitEntered(1);
            gate.release();
            Outcome.Completed a = assertInstanceOf(Outcome.Completed.class, first.get(5, TimeUnit.SECONDS));
            Outcome.Completed b = assertInstanceOf(Outcome.Completed.class, second.get(5, TimeUnit.SECONDS));
            long took = System.nanoTime() - before;
            for (Outcome.Completed c : new Outcome.Completed[] {a, b}) {
                assertTrue(c.queueWaitNanos() >= 0 && c.queueWaitNanos() <= took, c.toString());
                assertTrue(c.runTimeNanos() >= 0 && c.runTimeNanos() <= took, c.toString());
            }
            assertTrue(b.queueWaitNanos() >= a.runTimeNanos() / 2,
                    "the second waited while the first ran: " + a + " " + b);
        }
    }

    @Test
    void anAttemptThatStartsOnceThePoolIsStoppingIsInterruptedAsItStarts() throws Exception {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), Map.of())) {
            // A request taken before shutdownNow closed the queue, and published as running only after the
            // shutdown's scan of running attempts: nobody else would interrupt it until the watchdog's next tick.
            Job job = new Job(Request.of("probe", null), r -> Thread.currentThread().isInterrupted());
            Worker caller = Worker.caller(pool);
            pool.moveTo(PoolState.STOPPING);
            try {
                pool.accounting.stripe().arrive(Counter.RUNNING);
                assertTrue(caller.runAttempt(job));
            } finally {
                pool.moveTo(PoolState.RUNNING);
            }
            Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, job.get(5, TimeUnit.SECONDS));
            assertEquals(true, done.value(), "the handler ran interrupted");
            assertFalse(Thread.currentThread().isInterrupted(), "the interrupt was meant for that attempt only");
        }
    }

    @Test
    void aWorkerWhoseAttemptTimedOutKeepsWorking() throws Exception {
        Pools.Gate gate = new Pools.Gate();
        PoolConfig config = Pools.quiet().workers(1, 1).requestTimeout(HOUR).stuckGrace(HOUR).build();
        try (Dispatcher pool = Pools.start(config,
                Map.of("job", gate, "who", r -> Thread.currentThread().getName()))) {
            CompletableFuture<Outcome> f = pool.submit("job", null);
            gate.awaitEntered(1);
            Worker w = pool.workers.view()[0];
            String name = w.thread().getName();
            assertTrue(w.thread().isDaemon(), "workers never keep the JVM alive");
            pool.watchdog.scan(false, w.attemptDeadline() + 1);
            assertInstanceOf(Outcome.TimedOut.class, f.get(5, TimeUnit.SECONDS));
            Outcome.Completed next = assertInstanceOf(Outcome.Completed.class,
                    pool.submit("who", null).get(5, TimeUnit.SECONDS));
            assertEquals(name, next.value(), "the same worker took the next request");
            assertEquals(0, pool.snapshot().stuckWorkers());
        }
    }
}
