package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.engine.ScalingEvent.Reason;
import dev.poolscope.model.MetricHistory.Marker;

/** Dense scaling decisions share one marker, described in the screen's words with the numbers compared. */
class ScalingRunTest {

    private static Marker marker(long seq, double seconds, int before, int after, int queue, Reason reason) {
        return new Marker(seconds, new ScalingEvent(seq, Instant.EPOCH, before, after, queue, 417, 0.75 * 417, reason));
    }

    private static List<Marker> growth(int decisions, double from, double every) {
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < decisions; i++) {
            markers.add(marker(i + 1, from + i * every, 2 + i, 3 + i, 430 + i, Reason.LOAD_ABOVE_THRESHOLD));
        }
        return markers;
    }

    @Test
    void decisionsDenserThanTheGapMergeIntoOneRunWithTheirTotal() {
        List<ScalingRun> runs = ScalingRun.merge(growth(15, 10.0, 0.1), 0.5);
        assertEquals(1, runs.size());
        assertEquals(15, runs.get(0).change());
        assertEquals("+15 workers over 1.4 s: queue 444 > threshold 417 (2 → 17)", runs.get(0).describe());
    }

    @Test
    void sparseDecisionsAndChangesOfDirectionStaySeparate() {
        List<Marker> markers = new ArrayList<>(growth(2, 0, 5.0));
        markers.add(marker(3, 5.1, 4, 3, 12, Reason.LOAD_BELOW_BAND));
        List<ScalingRun> runs = ScalingRun.merge(markers, 0.5);
        assertEquals(3, runs.size());
        assertFalse(runs.get(2).isGrowth());
    }

    @Test
    void shrinkingNamesTheBandItsValueAndTheThreshold() {
        String words = ScalingRun.merge(List.of(marker(1, 3, 4, 3, 12, Reason.LOAD_BELOW_BAND)), 1).get(0)
                .describe();
        assertEquals("−1 worker: queue 12 < shrink band 313 (0.75 × threshold 417) (4 → 3)", words);
        assertFalse(words.contains("LOAD_"), "no enum names on screen");
    }

    @Test
    void theCapacityLineComesOnlyWhenTheQueueNearsIt() {
        assertFalse(ChartsController.capacityIsNear(540, 2_000), "27 % of capacity is not near");
        assertTrue(ChartsController.capacityIsNear(1_000, 2_000));
    }
}
