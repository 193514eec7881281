package dev.poolscope.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.Latency;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.PoolState;

class ScoreKeeperTest {

    private static final long SECOND = 1_000_000_000L;

    /** A whole-life snapshot at {@code seconds} with {@code size} workers and the given counts. */
    private static PoolSnapshot at(double seconds, int size, long submitted, long dropped, long timedOut,
                                   long waitP99Nanos) {
        Latency wait = new Latency(submitted, 0, 0, waitP99Nanos, waitP99Nanos, 0);
        return new PoolSnapshot(Instant.EPOCH, (long) (seconds * SECOND), PoolConfig.defaults(), PoolState.RUNNING,
                size, 0, 100, submitted, 0, 0, 0, submitted - dropped - timedOut, 0, timedOut, 0, 0, 0,
                Map.of(DropReason.QUEUE_FULL, dropped), 0, 0, wait, Latency.EMPTY, Duration.ZERO);
    }

    @Test
    void workerSecondsHoldEachSizeUntilTheNextSnapshot() {
        ScoreKeeper keeper = new ScoreKeeper(0);
        assertEquals(0, keeper.observe(at(10, 2, 0, 0, 0, 0), 0).workerSeconds(), "counting starts here");
        assertEquals(4, keeper.observe(at(12, 8, 0, 0, 0, 0), 1).workerSeconds(), 1e-9, "2 workers × 2 s");
        assertEquals(4 + 8 * 0.5, keeper.observe(at(12.5, 3, 0, 0, 0, 0), 2).workerSeconds(), 1e-9,
                "then 8 workers × 0.5 s");
    }

    @Test
    void countsComeFromTheSnapshotAndEventsFromTheStartOfTheLoad() {
        ScoreKeeper keeper = new ScoreKeeper(7);
        keeper.observe(at(0, 2, 0, 0, 0, 0), 7);
        Score s = keeper.observe(at(1, 2, 1_000, 12, 3, 4_500_000), 10);
        assertEquals(new Score(1_000, 4.5, 12, 3, 2, 3), s);
        assertEquals(15, s.lost());
    }
}
