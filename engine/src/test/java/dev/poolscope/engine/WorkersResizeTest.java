package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One scaling step by hand: how far the pool grows or shrinks for a decision, and who may retire. */
@Timeout(10)
class WorkersResizeTest {

    private static ScalingDecision wants(int size) {
        return new ScalingDecision(size, ScalingDecision.ANY_STEP, size, "test wants " + size);
    }

    @Test
    void aPoolAtItsMinGrowsByTheDecisionNotByATopUp() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 4).build(), Map.of())) {
            ScalingEvent grew = pool.workers.resize(pool.config(), wants(3), 0);
            assertEquals(ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD, grew.reason());
            assertEquals(1, grew.sizeBefore());
            assertEquals(3, grew.sizeAfter());
        }
    }

    @Test
    void aDecisionOnAConfigNoLongerInForceChangesNothing() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 8).build(), Map.of())) {
            PoolConfig before = pool.config();
            pool.setWorkerRange(4, 8);
            // The scaler read the config before the new min came in, and decided to shrink to its old min.
            assertNull(pool.workers.resize(before, wants(1), 0));
            assertEquals(4, pool.poolSize(), "never below the min in force");
            assertEquals(4, pool.workers.effectiveSize());
        }
    }

    @Test
    void shrinksByWhatTheDecisionAsksNotByEveryIdleWorker() {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 4).build(), Map.of())) {
            pool.workers.resize(pool.config(), wants(4), 0);
            ScalingEvent shrank = pool.workers.resize(pool.config(), wants(3), 0);
            assertEquals(ScalingEvent.Reason.LOAD_BELOW_BAND, shrank.reason());
            assertEquals(4, shrank.sizeBefore());
            assertEquals(3, shrank.sizeAfter());
        }
    }

    @Test
    void retiresOnlyWorkersIdleNow() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 3).build(), Map.of("job", gate))) {
            pool.workers.resize(pool.config(), wants(3), 0);
            pool.submit("job", 1);
            pool.submit("job", 2);
            gate.awaitEntered(2);
            ScalingEvent shrank = pool.workers.resize(pool.config(), wants(1), 0);
            assertEquals(3, shrank.sizeBefore());
            assertEquals(2, shrank.sizeAfter(), "one idle worker, so one retires");
            gate.release();
        }
    }

    @Test
    void withEveryWorkerBusyNothingRetiresAndNothingIsReported() {
        Pools.Gate gate = new Pools.Gate();
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 2).build(), Map.of("job", gate))) {
            pool.workers.resize(pool.config(), wants(2), 0);
            pool.submit("job", 1);
            pool.submit("job", 2);
            gate.awaitEntered(2);
            assertNull(pool.workers.resize(pool.config(), wants(1), 0));
            assertEquals(2, pool.workers.effectiveSize());
            pool.setWorkerRange(1, 1);
            assertEquals(1, pool.workers.effectiveSize(), "a pending retirement no longer counts");
            gate.release();
        }
    }
}
