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

import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.Latency;
import dev.poolscope.engine.OverflowPolicy;
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
                at(11, 2, 1_400, 10, 1, 1, new Latency(400, 100, 200, 300, 400, 60_000),
                        new Latency(400, 1_000, 2_000, 4_000, 5_000, 600_000)),
                at(12, 3, 1_800, 20, 3, 2, new Latency(200, 200, 300, 500, 600, 40_000),
                        new Latency(200, 1_600, 3_000, 7_000, 8_000, 300_000))));
        assertEquals(2, r.seconds(), 1e-9);
        assertEquals(820, r.arrivals(), "submitted 800 plus 20 retries");
        assertEquals(410, r.arrivalsPerSecond(), 1e-9);
        assertEquals(600, r.served());
        assertEquals(900_000 / 600.0 / 1e9, r.meanServiceSeconds(), 1e-15);
        // The two intervals' distributions merged, linear between their points: 400 of (0, 1,000, 2,000 at 50 %
        // and 90 %) and 200 of (0, 1,600 at 50 %) reach half of 600 at 1,168.5; the 99th percentile lies where
        // the second interval's 90–99 % segment (3,000–7,000) holds 97 %, at 6,111.1.
        assertEquals(1_168.54, r.serviceP50Nanos(), 1);
        assertEquals(6_111.11, r.serviceP99Nanos(), 1);
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
    void theMedianWaitIsTheWindowsNotTheMeanOfTheIntervalsMedians() {
        // A growing pool: one interval of 100 waits around 14 ms, then one of 1,000 waits around 0.065 ms. The
        // count-weighted mean of the medians read 1.3 ms; most waits in the window are under 0.1 ms.
        QueueReading r = QueueWindow.over(List.of(at(0, 2, 0, 0, 0, 0, Latency.EMPTY, Latency.EMPTY),
                at(1, 2, 100, 0, 50, 2, new Latency(100, 13_700_000, 15_000_000, 16_000_000, 17_000_000,
                        1_370_000_000L), Latency.EMPTY),
                at(2, 11, 1_100, 0, 0, 6, new Latency(1_000, 65_000, 200_000, 400_000, 1_000_000, 90_000_000),
                        Latency.EMPTY)));
        assertEquals(0.0818e6, r.waitP50Nanos(), 0.001e6, "between the busy interval's median and its p90");
    }

    @Test
    void oneIntervalKeepsItsOwnPercentiles() {
        Latency wait = new Latency(300, 40_000, 90_000, 250_000, 300_000, 15_000_000);
        QueueReading r = QueueWindow.over(List.of(at(0, 2, 0, 0, 0, 0, Latency.EMPTY, Latency.EMPTY),
                at(1, 2, 300, 0, 0, 1, wait, wait)));
        assertEquals(40_000, r.waitP50Nanos(), 1);
        assertEquals(250_000, r.serviceP99Nanos(), 1);
    }

    @Test
    void noValuesHaveNoPercentiles() {
        QueueReading r = QueueWindow.over(List.of(at(0, 2, 0, 0, 0, 0, Latency.EMPTY, Latency.EMPTY),
                at(1, 2, 0, 0, 0, 0, Latency.EMPTY, Latency.EMPTY)));
        assertTrue(Double.isNaN(r.waitP50Nanos()) && Double.isNaN(r.serviceP50Nanos()));
    }

    /** {@code counts[i]} arrivals in second i, from a snapshot at 0 s. */
    private static ArrivalRates ratesOf(long... counts) {
        List<PoolSnapshot> snapshots = new java.util.ArrayList<>();
        long submitted = 0;
        snapshots.add(at(0, 2, 0, 0, 0, 0, Latency.EMPTY, Latency.EMPTY));
        for (int i = 0; i < counts.length; i++) {
            submitted += counts[i];
            snapshots.add(at(i + 1, 2, submitted, 0, 0, 0, Latency.EMPTY, Latency.EMPTY));
        }
        return QueueWindow.over(snapshots).arrivalRates();
    }

    @Test
    void burstsSpreadTheArrivalRateBeyondPoissons() {
        // Burst: 5 s at 100/s, 2 s at 1,000/s. The rate's own spread is √(Σ(rᵢ − λ)² / k − λ) / λ, λ = 2,500 / 7.
        ArrivalRates burst = ratesOf(100, 100, 100, 100, 100, 1000, 1000);
        assertEquals(100, burst.slowest(), 1e-9);
        assertEquals(1000, burst.fastest(), 1e-9);
        double lambda = 2500 / 7.0;
        double squares = 5 * Math.pow(100 - lambda, 2) + 2 * Math.pow(1000 - lambda, 2);
        assertEquals(Math.sqrt((squares - 6 * lambda) / 7) / lambda, burst.variation(), 1e-9);
        assertTrue(burst.variation() > 1);
    }

    @Test
    void countsWithinPoissonsSpreadReadAsSteady() {
        // 6,000/s: Poisson's own spread is about ± 77 a second; these stay inside it.
        assertEquals(0, ratesOf(6010, 5950, 6080, 5990, 6020, 5940, 6050).variation());
        assertTrue(Double.isNaN(ratesOf(6000).variation()), "one interval shows no spread");
    }

    @Test
    void dropsAndAFullQueueInTheWindowAreCounted() {
        PoolConfig config = PoolConfig.builder().queueCapacity(2).overflowPolicy(OverflowPolicy.DROP_OLDEST).build();
        QueueReading r = QueueWindow.over(List.of(
                withDrops(at(0, 2, 100, 0, 2, 2, Latency.EMPTY, Latency.EMPTY), config, 10),
                withDrops(at(1, 2, 300, 0, 2, 2, Latency.EMPTY, Latency.EMPTY), config, 60),
                withDrops(at(2, 2, 500, 0, 1, 2, Latency.EMPTY, Latency.EMPTY), config, 90)));
        assertEquals(new Overflow(80, 1, 2, OverflowPolicy.DROP_OLDEST), r.overflow(),
                "80 dropped after the first snapshot; full (2 of 2 queued) at one of the two level samples");
    }

    private static PoolSnapshot withDrops(PoolSnapshot s, PoolConfig config, long evicted) {
        return new PoolSnapshot(s.takenAt(), s.nanoTime(), config, s.state(), s.poolSize(), s.busyWorkers(),
                config.queueCapacity(), s.submitted(), s.queued(), s.running(), 0, 0, 0, 0, 0, 0, 0,
                Map.of(DropReason.EVICTED, evicted), 0, 0, s.queueWait(), s.runTime(), s.latencyWindow());
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
