package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TimeoutTest {

    @Test
    void interruptsTheAttemptAtItsDeadline() throws InterruptedException {
        CountDownLatch sawInterrupt = new CountDownLatch(1);
        Handler slow = r -> {
            try {
                Thread.sleep(60_000);
                return "too late";
            } catch (InterruptedException e) {
                sawInterrupt.countDown();
                throw e;
            }
        };
        PoolConfig config = Pools.quiet().workers(1, 1).requestTimeout(Duration.ofMillis(50)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("slow", slow))) {
            Outcome outcome = pool.submit("slow", null).join();
            assertEquals(new Outcome.TimedOut(Duration.ofMillis(50), 1), outcome);
            assertTrue(sawInterrupt.await(5, TimeUnit.SECONDS));
            assertEquals(1, pool.snapshot().timedOut());
        }
    }

    @Test
    void perRequestTimeoutOverridesThePoolDefault() {
        Handler slow = r -> {
            Thread.sleep(60_000);
            return null;
        };
        try (Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of("slow", slow))) {
            Outcome outcome = pool.submit(Request.of("slow", null).withTimeout(Duration.ofMillis(20))).join();
            assertInstanceOf(Outcome.TimedOut.class, outcome);
        }
    }

    @Test
    void theInterruptDoesNotLeakIntoTheNextRequest() {
        Handler slow = r -> {
            Thread.sleep(60_000);
            return null;
        };
        Handler probe = r -> Thread.currentThread().isInterrupted();
        PoolConfig config = Pools.quiet().workers(1, 1).requestTimeout(Duration.ofMillis(20)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("slow", slow, "probe", probe))) {
            pool.submit("slow", null).join();
            Outcome.Completed probed = assertInstanceOf(Outcome.Completed.class, pool.submit("probe", null).join());
            assertEquals(false, probed.value());
        }
    }

    @Test
    void abandonsAStuckWorkerAndStartsAReplacementSoCapacityHolds() {
        Pools.Stubborn stubborn = new Pools.Stubborn();
        PoolConfig config = Pools.quiet().workers(1, 1).requestTimeout(Duration.ofMillis(20))
                .stuckGrace(Duration.ofMillis(50)).build();
        try (Dispatcher pool = Pools.start(config, Map.of("stuck", stubborn, "ok", r -> "ok"))) {
            Outcome outcome = pool.submit("stuck", null).join();
            assertInstanceOf(Outcome.TimedOut.class, outcome);
            assertTrue(stubborn.interrupts.get() >= 1, "the handler was interrupted first");
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.snapshot().stuckWorkers() == 1);
            assertEquals(1, pool.poolSize(), "a replacement took the stuck worker's place");
            assertTrue(pool.submit("ok", null).join().isSuccess());
            assertTrue(pool.scalingEventsSince(0).stream()
                    .anyMatch(e -> e.reason() == ScalingEvent.Reason.STUCK_REPLACED));
            stubborn.letGo.countDown();
        }
    }

    @Test
    void aRequestWithoutTimeoutRunsAsLongAsItNeeds() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().build(), Map.of("job", gate))) {
            var f = pool.submit("job", "x");
            gate.awaitEntered(1);
            assertFalse(f.isDone());
            gate.release();
            assertTrue(f.join().isSuccess());
        }
    }
}
