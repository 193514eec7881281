package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One compare-and-set per phase change decides every race over an attempt, and never reaches the next one. */
class JobStateTest {

    private static Job job(long timeoutNanos) {
        return new Job(Request.of("t", null), r -> null, timeoutNanos, 2);
    }

    @Test
    void eachAttemptStartsRunningWithItsOwnNumberAndDeadline() {
        Job job = job(50);
        job.waitingForRetry = true;
        job.retryScheduled = true;

        int first = job.beginAttempt(1_000);

        assertEquals(1, job.attempts);
        assertEquals(Job.RUNNING, Job.phase(first));
        assertEquals(first, job.state());
        assertEquals(1_050, job.deadline);
        assertFalse(job.waitingForRetry);
        assertFalse(job.retryScheduled);
        int second = job.beginAttempt(2_000);
        assertEquals(2, job.attempts);
        assertTrue(second != first, "the attempt number is part of the word");
        assertEquals(Job.RUNNING, Job.phase(second));
    }

    @Test
    void aStuckAttemptsQueueWaitIsItsStartLessItsEnqueueTimeWhateverTheClockReads() {
        Job timed = job(50);
        timed.enqueuedAt = 100;
        timed.beginAttempt(130);
        assertEquals(30, timed.attemptWait());

        Job untimed = job(0);
        untimed.enqueuedAt = -20;
        untimed.beginAttempt(5);
        assertEquals(25, untimed.attemptWait(), "no timeout: the deadline is the start");

        // nanoTime may sit anywhere in the long range, so start + timeout can wrap; the difference still holds.
        Job wrapping = job(PoolConfig.DURATION_LIMIT.toNanos());
        wrapping.enqueuedAt = Long.MAX_VALUE - 40;
        wrapping.beginAttempt(Long.MAX_VALUE - 10);
        assertEquals(30, wrapping.attemptWait());
    }

    @Test
    void theWorkerWinsAnAttemptThatEndsBeforeAnyCancel() {
        Job job = job(0);
        int word = job.beginAttempt(0);

        assertTrue(job.finish(word));

        assertEquals(Job.DONE, Job.phase(job.state()));
        assertFalse(job.beginCancel(word, Job.CancelReason.TIMEOUT, 5), "too late to cancel");
        assertFalse(job.takeOver(word), "nothing to take over");
        assertFalse(job.hasTimeout());
    }

    @Test
    void aCancelWinsOverTheWorkerAndOnlyOneOfThemFinalizes() {
        Job job = job(10);
        int word = job.beginAttempt(0);

        assertTrue(job.beginCancel(word, Job.CancelReason.SHUTDOWN, 77));

        assertEquals(Job.CANCELLING, Job.phase(job.state()));
        assertEquals(new Job.Cancellation(Job.CancelReason.SHUTDOWN, 77), job.cancellation);
        assertFalse(job.finish(word), "the worker lost");
        assertFalse(job.beginCancel(word, Job.CancelReason.TIMEOUT, 78), "cancelled once");
        assertFalse(job.takeOver(word), "not before the interrupt is delivered");
        job.markCancelled(word);
        job.awaitCancelDelivered();
        assertEquals(Job.CANCELLED, Job.phase(job.state()));
        assertTrue(job.takeOver(word));
        assertEquals(Job.FINALIZED, Job.phase(job.state()));
        assertFalse(job.takeOver(word), "finalized once");
        assertTrue(job.hasTimeout());
    }

    @Test
    void aStaleDecisionNeverTouchesTheNextAttempt() {
        Job job = job(10);
        int first = job.beginAttempt(0);
        job.beginCancel(first, Job.CancelReason.TIMEOUT, 1);
        job.markCancelled(first);
        job.takeOver(first);
        int second = job.beginAttempt(5);

        assertFalse(job.beginCancel(first, Job.CancelReason.TIMEOUT, 6));
        assertFalse(job.finish(first));
        assertFalse(job.takeOver(first));

        assertEquals(second, job.state());
        assertTrue(job.finish(second));
    }
}
