package dev.poolscope.load;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.Request;

class SimulatedWorkTest {

    private final SimulatedWork work = SimulatedWork.instance();

    @Test
    void hangEndsPromptlyWhenInterrupted() throws Exception {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                work.handle(Request.of("read", new WorkPlan(0, false, true)));
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        }, "hang-test");
        worker.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.getState() == Thread.State.TIMED_WAITING);
        worker.interrupt();
        Throwable thrown = ended.get(5, TimeUnit.SECONDS);
        assertTrue(thrown instanceof InterruptedException, "ended with " + thrown);
    }

    @Test
    void plannedFailureThrowsSimulatedFailureNamingTheType() {
        SimulatedFailure failure = assertThrows(SimulatedFailure.class,
                () -> work.handle(Request.of("write", new WorkPlan(0, true, false))));
        assertTrue(failure.getMessage().contains("'write'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("planned"), failure.getMessage());
    }

    @Test
    void successfulPlanReturnsThePlanAfterItsServiceTime() throws Exception {
        WorkPlan plan = new WorkPlan(TimeUnit.MILLISECONDS.toNanos(3), false, false);
        long start = System.nanoTime();
        Object result = work.handle(Request.of("read", plan));
        assertSame(plan, result);
        assertTrue(System.nanoTime() - start >= plan.serviceNanos(), "returned before its service time");
    }

    @Test
    void subMillisecondWaitLastsAtLeastItsServiceTime() throws Exception {
        WorkPlan plan = new WorkPlan(TimeUnit.MICROSECONDS.toNanos(300), false, false);
        long start = System.nanoTime();
        work.handle(Request.of("read", plan));
        assertTrue(System.nanoTime() - start >= plan.serviceNanos());
    }

    @Test
    void subMillisecondWaitEndsOnInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> SimulatedWork.pause(TimeUnit.MICROSECONDS.toNanos(500)));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void noOpPlanReturnsAtOnceEvenWhenInterrupted() throws Exception {
        Thread.currentThread().interrupt();
        try {
            assertSame(WorkPlan.NO_OP, work.handle(Request.of("read", WorkPlan.NO_OP)));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void refusesPayloadsThatAreNotPlans() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> work.handle(Request.of("read", "hello")));
        assertEquals("simulated work needs a WorkPlan payload, got java.lang.String", e.getMessage());
    }

    @Test
    void aRetryDrawsAfreshSoAFlakyRequestCanSucceedOnItsSecondAttempt() throws Exception {
        WorkPlan failsFirstOnly = new WorkPlan(0, true, false, 0.0, 0.0);
        Request request = Request.of("write", failsFirstOnly);
        SimulatedWork work = SimulatedWork.instance();
        assertThrows(SimulatedFailure.class, () -> work.handleAttempt(request, 1));
        assertEquals(false, ((WorkPlan) work.handleAttempt(request, 2)).fail());
    }
}
