package dev.poolscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;

class MetricHistoryTest {

    private static final Dispatcher POOL = Dispatcher.start("poolscope-history-test",
            PoolConfig.builder().scalingTick(Duration.ofSeconds(60)).build(), Map.of());
    private static final PoolSnapshot SNAPSHOT = POOL.snapshot();

    @AfterAll
    static void stop() {
        POOL.shutdown(Duration.ofSeconds(1));
    }

    private static Sample at(double seconds) {
        return new Sample(seconds, SNAPSHOT, SNAPSHOT.minus(SNAPSHOT));
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheOldest() {
        MetricHistory h = new MetricHistory(100);
        for (int i = 0; i < 250; i++) {
            h.add(at(i / 10.0));
        }
        assertEquals(100, h.size());
        assertEquals(15.0, h.oldest().seconds());
        assertEquals(24.9, h.latest().seconds());
    }

    @Test
    void decimatesAWindowToAtMostTheAskedPointsKeepingTheNewest() {
        MetricHistory h = new MetricHistory(6_000);
        for (int i = 0; i < 6_000; i++) {
            h.add(at(i / 10.0));
        }
        List<Sample> window = h.window(600, 300);
        assertTrue(window.size() <= 300, "points: " + window.size());
        assertTrue(window.size() >= 290, "points: " + window.size());
        assertSame(h.latest(), window.get(window.size() - 1));
        for (int i = 1; i < window.size(); i++) {
            assertTrue(window.get(i).seconds() > window.get(i - 1).seconds(), "oldest first");
        }
        List<Sample> lastMinute = h.window(60, 300);
        assertTrue(lastMinute.get(0).seconds() >= 599.9 - 60, "only the last minute");
    }

    @Test
    void findsTheSampleAtOrBeforeATime() {
        MetricHistory h = new MetricHistory(10);
        h.add(at(1));
        h.add(at(2));
        assertEquals(1.0, h.atOrBefore(1.5).seconds());
        assertNull(h.atOrBefore(0.5));
    }
}
