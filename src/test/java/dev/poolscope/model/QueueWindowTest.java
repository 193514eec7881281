package dev.poolscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.Latency;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.PoolState;

/** Snapshots fold into a window: flows from the first to the last, levels averaged, the first one's latencies out. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QueueWindowTest {

    private static PoolSnapshot at(double seconds, int workers, long submitted, long retried, long queued,
                                   long running, Latency wait, Latency run) {
        return new PoolSnapshot(Instant.EPOCH, (long) (seconds * 1e9), PoolConfig.defaults(), PoolState.RUNNING,
                workers, (int) running, 100, submitted, queued, running, 0, 0, 0, 0, 0, 0, 0, Map.of(), retried, 0,
                wait, run, Duration.ofMillis(100));
    }

    @Test
    void foldsFlowsFromFirstToLastAndAveragesLevels() {
        Latency ignored = new Latency(1000, 9, 9, 9, 9, 9000);
        QueueReading r = QueueWindow.over(List.of(
                at(10, 2, 1_000, 0, 7, 1, ignored, ignored),
                at(11, 2, 1_400, 10, 1, 1, new Latency(400, 100, 0, 300, 0, 60_000),
                        new Latency(400, 1_000, 0, 4_000, 0, 600_000)),
                at(12, 3, 1_800, 20, 3, 2, new Latency(200, 200, 0, 500, 0, 40_000),
                        new Latency(200, 1_600, 0, 7_000, 0, 300_000))));
        assertEquals(2, r.seconds(), 1e-9);
        assertEquals(820, r.arrivals(), "submitted 800 plus 20 retries");
        assertEquals(410, r.arrivalsPerSecond(), 1e-9);
        assertEquals(600, r.served());
        assertEquals(900_000 / 600.0 / 1e9, r.meanServiceSeconds(), 1e-15);
        assertEquals((1_000 * 400 + 1_600 * 200) / 600.0, r.serviceP50Nanos(), 1e-9);
        assertEquals((4_000 * 400 + 7_000 * 200) / 600.0, r.serviceP99Nanos(), 1e-9);
        assertEquals(100_000 / 600.0 / 1e9, r.meanWaitSeconds(), 1e-15);
        assertEquals(300, r.queueThroughputPerSecond(), 1e-9);
        assertEquals(2, r.meanQueued(), 1e-9, "(1 + 3) / 2: the first snapshot only marks the start");
        assertEquals(3.5, r.meanInPool(), 1e-9);
        assertEquals(2, r.levelSamples());
        assertEquals(1, r.queuedError(), 1e-9, "levels 1 and 3: sample variance 2, over 2 samples");
        assertEquals(1.5, r.inPoolError(), 1e-9, "levels 2 and 5: sample variance 4.5, over 2 samples");
        assertEquals(3, r.workers());
        assertEquals(2, r.fewestWorkers());
        assertEquals(3, r.mostWorkers());
    }

    @Test
    void oneLevelSampleHasNoStandardError() {
        QueueReading r = QueueWindow.over(List.of(at(1, 2, 0, 0, 0, 0, Latency.EMPTY, Latency.EMPTY),
                at(2, 2, 10, 0, 4, 2, Latency.EMPTY, Latency.EMPTY)));
        assertEquals(1, r.levelSamples());
        assertTrue(Double.isNaN(r.inPoolError()), "one sample says nothing of its spread");
        assertEquals(6, r.meanInPool(), 1e-9);
    }

    @Test
    void oneSnapshotIsNoWindow() {
        assertNull(QueueWindow.over(List.of(at(1, 2, 0, 0, 0, 0, Latency.EMPTY, Latency.EMPTY))));
    }
}
