package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Outcomes keep their times in nanoseconds and hand them out as durations. */
@Timeout(10)
class OutcomeTest {

    @Test
    void aCompletedOutcomeGivesItsTimesAsDurations() {
        Outcome.Completed done = Outcome.Completed.of("v", 1, 1_500_000, 2_000_000_000L);
        assertEquals(Duration.ofNanos(1_500_000), done.queueWait());
        assertEquals(Duration.ofSeconds(2), done.runTime());
    }

    @Test
    void madeCompletedOutcomesAreEqualByTheirFigures() {
        assertEquals(Outcome.Completed.of("v", 2, 3, 4), Outcome.Completed.of("v", 2, 3, 4));
        assertNotEquals(Outcome.Completed.of("v", 2, 3, 4), Outcome.Completed.of("v", 2, 3, 5));
    }

    @Test
    void aKeptOutcomeLetsGoOfItsRequestOnceThePoolSettledIt() throws Exception {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), Map.of("ok", r -> "fine"))) {
            CompletableFuture<Outcome> future = pool.submit("ok", new byte[1 << 20]);
            Outcome.Completed kept = assertInstanceOf(Outcome.Completed.class, future.get(5, TimeUnit.SECONDS));
            Job job = (Job) kept;

            await().atMost(Duration.ofSeconds(5)).until(() -> job.request == null && job.handler == null);
            assertEquals("fine", kept.value());
            assertEquals(1, kept.attempts());
        }
    }

    @Test
    void everyOutcomeNamesItsKindAsItsTypeIsNamedWhateverObjectCarriesIt() throws Exception {
        try (Dispatcher pool = Pools.start(Pools.quiet().workers(1, 1).build(), Map.of("ok", r -> "fine"))) {
            assertEquals("Completed", pool.submit("ok", null).get(5, TimeUnit.SECONDS).kind());
            assertEquals("Unhandled", pool.submit("nope", null).get(5, TimeUnit.SECONDS).kind());
        }
        assertEquals("Completed", Outcome.Completed.of("v", 1, 0, 0).kind());
        assertEquals("Failed", new Outcome.Failed(new IllegalStateException(), 1).kind());
        assertEquals("TimedOut", new Outcome.TimedOut(Duration.ZERO, 1).kind());
        assertEquals("Dropped", new Outcome.Dropped(DropReason.QUEUE_FULL).kind());
        assertEquals("Returned", new Outcome.Returned(Request.of("t", null)).kind());
        assertEquals("Interrupted", new Outcome.Interrupted(1).kind());
    }
}
