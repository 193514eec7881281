package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Handlers that ignore the interrupt and return right around the moment the watchdog gives up on them, so the
 * worker's return races the watchdog's claim again and again: every request still ends once, and no abandoned
 * worker lives on as a worker the pool does not know about.
 */
@Timeout(60)
class GiveUpRaceTest {

    @Test
    void workersReturningAsTheWatchdogGivesUpAreNeitherLostNorDoubled() {
        Handler ignoresInterrupts = r -> {
            long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(0, 3_000_000);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return null;
        };
        PoolConfig config = PoolConfig.builder().workers(2, 4).loadThreshold(4).queueCapacity(10_000)
                .requestTimeout(Duration.ofMillis(1)).stuckGrace(Duration.ofMillis(1))
                .scalingTick(Duration.ofMillis(2)).build();
        Dispatcher pool = Pools.start(config, Map.of("spin", ignoresInterrupts));
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            all.add(pool.submit("spin", i));
            if (i % 100 == 0) {
                assertTrue(pool.snapshot().invariantHolds());
            }
        }
        all.forEach(CompletableFuture::join);
        PoolSnapshot s = pool.snapshot();
        assertTrue(s.invariantHolds(), s.toString());
        assertEquals(1_500, s.completed() + s.timedOut());
        assertTrue(s.stuckWorkers() > 0, "the race was exercised: " + s);
        // Abandoned workers exit once their handler returns; only the pool's own workers remain.
        await().atMost(Duration.ofSeconds(10)).until(() -> Pools.threadsOf(pool).stream()
                .filter(n -> n.contains("-worker-")).count() == pool.poolSize());
        assertTrue(pool.poolSize() >= 2 && pool.poolSize() <= 4, "between min and max: " + pool.poolSize());
        pool.shutdown(Duration.ofSeconds(5));
        Pools.awaitNoThreads(pool);
    }
}
