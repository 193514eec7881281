package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Outcomes keep their times in nanoseconds and hand them out as durations. */
@Timeout(10)
class OutcomeTest {

    @Test
    void aCompletedOutcomeGivesItsTimesAsDurations() {
        Outcome.Completed done = new Outcome.Completed("v", 1, 1_500_000, 2_000_000_000L);
        assertEquals(Duration.ofNanos(1_500_000), done.queueWait());
        assertEquals(Duration.ofSeconds(2), done.runTime());
    }
}
