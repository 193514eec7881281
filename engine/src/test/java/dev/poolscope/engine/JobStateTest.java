package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** One compare-and-set per phase change decides every race over an attempt, and never reaches the next one. */
class JobStateTest {

    private static Job job() {
        return new Job(Request.of("t", null), r -> null);
    }

    @Test
    void eachAttemptStartsRunningWithItsOwnNumberAndForgetsTheLastOnesRetry() {
        Job job = job();
        job.retryScheduled(true);
        assertEquals(0, job.attempts());

        int first = job.beginAttempt();

        assertEquals(1, job.attempts());
        assertEquals(Job.RUNNING, Job.phase(first));
        assertEquals(first, job.state());
        assertFalse(job.waitingForRetry());
        assertFalse(job.retryScheduled());
        int second = job.beginAttempt();
        assertEquals(2, job.attempts());
        assertTrue(second != first, "the attempt number is part of the word");
        assertEquals(Job.RUNNING, Job.phase(second));
    }

    @Test
    void aRetryIsCountedAsWaitingBeforeItsTimerOwnsIt() {
        Job job = job();
        job.beginAttempt();

        job.countedAsWaiting();
        assertTrue(job.waitingForRetry());
        assertFalse(job.retryScheduled());
        job.retryScheduled(true);
        assertTrue(job.waitingForRetry());
        assertTrue(job.retryScheduled());
        job.retryScheduled(false);
        assertTrue(job.waitingForRetry(), "scheduling failed: still counted as waiting, owned by nobody");
        assertFalse(job.retryScheduled());
        assertNull(job.settledWith(), "a retry step is not an outcome");
        Outcome failed = new Outcome.Failed(new IllegalStateException(), 1);
        job.settledWith(failed);
        assertSame(failed, job.settledWith());
        assertFalse(job.waitingForRetry());
    }

    @Test
    void theRequestsOwnLimitsWinOverThePoolsAndThePoolsAreReadWhenAsked() {
        PoolConfig oneSecondTwoRetries = PoolConfig.builder().requestTimeout(Duration.ofSeconds(1)).maxRetries(2)
                .build();
        PoolConfig noLimitNoRetries = PoolConfig.builder().requestTimeout(Duration.ZERO).maxRetries(0).build();
        Job defaults = job();
        Job own = new Job(Request.of("t", null).withTimeout(Duration.ofMillis(5)).withMaxRetries(7), r -> null);

        assertEquals(1_000_000_000L, defaults.timeoutNanos(oneSecondTwoRetries));
        assertEquals(2, defaults.maxRetries(oneSecondTwoRetries));
        assertEquals(0, defaults.timeoutNanos(noLimitNoRetries));
        assertEquals(0, defaults.maxRetries(noLimitNoRetries));
        assertEquals(5_000_000L, own.timeoutNanos(oneSecondTwoRetries));
        assertEquals(7, own.maxRetries(noLimitNoRetries));
    }

    @Test
    void aSucceededRequestIsItsOwnCompletedOutcome() {
        Job job = job();
        job.waitNanos = 1_500;
        job.beginAttempt();
        job.beginAttempt();

        job.succeeded("v", 2_000);
        assertTrue(job.complete(job), "the first completion wins");
        assertFalse(job.complete(new Outcome.Interrupted(2)), "and only the first");

        Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, job.join());
        assertSame(job, done);
        assertEquals("v", done.value());
        assertEquals(2, done.attempts());
        assertEquals(Duration.ofNanos(1_500), done.queueWait());
        assertEquals(Duration.ofNanos(2_000), done.runTime());
        assertTrue(done.isSuccess());
        assertEquals(Outcome.Completed.of("v", 2, 1_500, 2_000).toString(), done.toString());
        assertEquals("Completed[value=v, attempts=2, queueWaitNanos=1500, runTimeNanos=2000]", done.toString());
    }

    @Test
    void aRequestNotYetCompletedOrCancelledByItsHolderPrintsAsTheFutureItIs() {
        Job pending = job();
        assertTrue(pending.toString().contains("Not completed"), pending.toString());
        Job cancelled = job();
        cancelled.cancel(false);
        assertTrue(cancelled.toString().contains("Completed exceptionally"), cancelled.toString());
    }

    @Test
    void theWorkerWinsAnAttemptThatEndsBeforeAnyCancel() {
        Job job = job();
        int word = job.beginAttempt();

        assertTrue(job.finish(word));

        assertEquals(Job.DONE, Job.phase(job.state()));
        assertFalse(job.beginCancel(word, Job.CancelReason.TIMEOUT, 5, 0), "too late to cancel");
        assertFalse(job.takeOver(word), "nothing to take over");
    }

    @Test
    void aCancelWinsOverTheWorkerAndOnlyOneOfThemFinalizes() {
        Job job = job();
        int word = job.beginAttempt();

        assertTrue(job.beginCancel(word, Job.CancelReason.SHUTDOWN, 77, 10));

        assertEquals(Job.CANCELLING, Job.phase(job.state()));
        assertEquals(new Job.Cancellation(Job.CancelReason.SHUTDOWN, 77, 10), job.cancellation);
        assertFalse(job.finish(word), "the worker lost");
        assertFalse(job.beginCancel(word, Job.CancelReason.TIMEOUT, 78, 10), "cancelled once");
        assertFalse(job.takeOver(word), "not before the interrupt is delivered");
        job.markCancelled(word);
        job.awaitCancelDelivered();
        assertEquals(Job.CANCELLED, Job.phase(job.state()));
        assertTrue(job.takeOver(word));
        assertEquals(Job.FINALIZED, Job.phase(job.state()));
        assertFalse(job.takeOver(word), "finalized once");
    }

    @Test
    void aStaleDecisionNeverTouchesTheNextAttempt() {
        Job job = job();
        int first = job.beginAttempt();
        job.beginCancel(first, Job.CancelReason.TIMEOUT, 1, 10);
        job.markCancelled(first);
        job.takeOver(first);
        int second = job.beginAttempt();

        assertFalse(job.beginCancel(first, Job.CancelReason.TIMEOUT, 6, 10));
        assertFalse(job.finish(first));
        assertFalse(job.takeOver(first));

        assertEquals(second, job.state());
        assertTrue(job.finish(second));
    }
}
