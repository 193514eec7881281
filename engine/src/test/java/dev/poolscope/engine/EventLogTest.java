package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The event log numbers events, keeps the most recent 1024 and tells every listener, even after one throws. */
@Timeout(10)
class EventLogTest {

    private static ScalingEvent draft(int before, int after, ScalingEvent.Reason reason) {
        return new ScalingEvent(0, Instant.EPOCH, before, after, 7, 10, 7.5, reason);
    }

    @Test
    void numbersEventsFromOneAndReturnsThoseAfterASequence() {
        EventLog log = new EventLog();
        log.publish(draft(1, 2, ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD));
        log.publish(draft(2, 1, ScalingEvent.Reason.LOAD_BELOW_BAND));
        log.publish(draft(1, 3, ScalingEvent.Reason.MIN_RAISED));

        List<ScalingEvent> after1 = log.since(1);

        assertEquals(3, log.count());
        assertEquals(List.of(2L, 3L), after1.stream().map(ScalingEvent::sequence).toList());
        assertEquals(draft(2, 1, ScalingEvent.Reason.LOAD_BELOW_BAND), withSequence(after1.get(0), 0),
                "every field but the sequence is the draft's");
        assertEquals(3, log.since(0).size());
        assertTrue(log.since(3).isEmpty());
    }

    @Test
    void keepsTheMostRecent1024() {
        EventLog log = new EventLog();
        for (int i = 0; i < 1025; i++) {
            log.publish(draft(1, 2, ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD));
        }
        List<ScalingEvent> kept = log.since(0);
        assertEquals(1024, kept.size());
        assertEquals(2, kept.get(0).sequence());
        assertEquals(1025, log.count());
    }

    @Test
    void aThrowingListenerNeitherStopsTheOthersNorThePublisherAndIsReported() {
        List<String> reported = new ArrayList<>();
        EventLog log = new EventLog(new RecordingLogger((level, msg, thrown) ->
                reported.add(level + " " + msg + (thrown == null ? "" : " " + thrown.getMessage()))));
        List<String> heard = new ArrayList<>();
        log.listeners.add(new PoolListener() {
            @Override
            public void onScaling(ScalingEvent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onDrop(Request request, DropReason reason) {
                throw new IllegalStateException("listener bug");
            }
        });
        log.listeners.add(new PoolListener() {
            @Override
            public void onScaling(ScalingEvent event) {
                heard.add("scaling " + event.sequence());
            }

            @Override
            public void onDrop(Request request, DropReason reason) {
                heard.add("drop " + request.payload() + " " + reason);
            }
        });

        log.publish(draft(1, 2, ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD));
        log.dropped(Request.of("t", 9), DropReason.QUEUE_FULL);

        assertEquals(List.of("scaling 1", "drop 9 QUEUE_FULL"), heard);
        assertEquals(2, reported.size(), reported.toString());
        assertTrue(reported.get(0).startsWith("WARNING PoolListener ") && reported.get(0).contains(".onScaling threw"),
                reported.get(0));
        assertTrue(reported.get(1).contains(".onDrop threw; the pool goes on listener bug"), reported.get(1));
    }

    @Test
    void describesEachDecisionWithItsSizes() {
        assertTrue(draft(1, 2, ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD).isGrowth());
        assertFalse(draft(2, 2, ScalingEvent.Reason.MIN_RAISED).isGrowth());
        assertEquals("queue 7 > threshold 10: +1 worker (1 → 2)",
                draft(1, 2, ScalingEvent.Reason.LOAD_ABOVE_THRESHOLD).describe());
        assertEquals("queue 7 < shrink band 7.5: −1 idle worker (2 → 1)",
                draft(2, 1, ScalingEvent.Reason.LOAD_BELOW_BAND).describe());
        assertEquals("queue 7 < shrink band 75: −1 idle worker (2 → 1)",
                new ScalingEvent(0, Instant.EPOCH, 2, 1, 7, 100, 75.0, ScalingEvent.Reason.LOAD_BELOW_BAND)
                        .describe());
        assertEquals("worker thread died, pool topped up to min (0 → 1)",
                draft(0, 1, ScalingEvent.Reason.WORKER_LOST).describe());
    }

    private static ScalingEvent withSequence(ScalingEvent e, long sequence) {
        return new ScalingEvent(sequence, e.time(), e.sizeBefore(), e.sizeAfter(), e.queueDepth(), e.threshold(),
                e.shrinkBelow(), e.reason());
    }
}
