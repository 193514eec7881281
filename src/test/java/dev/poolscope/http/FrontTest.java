package dev.poolscope.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.Outcome;

class FrontTest {

    @Test
    void answers503WhenThePoolDropsTheRequest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Dispatcher pool = Loopback.pool("front-drop", 1, 1, Duration.ZERO, 0);
        pool.register("hold", request -> {
            release.await();
            return "held";
        });
        try (Front front = Front.start(pool, outcome -> { })) {
            CompletableFuture<HttpResponse<Void>> running = Loopback.get(front.uri("hold"));
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.snapshot().busyWorkers() == 1);
            CompletableFuture<HttpResponse<Void>> queued = Loopback.get(front.uri("hold"));
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.snapshot().queued() == 1);

            HttpResponse<Void> dropped = Loopback.get(front.uri("hold")).get();

            assertEquals(503, dropped.statusCode());
            assertEquals("dropped", dropped.headers().firstValue(Front.OUTCOME_HEADER).orElseThrow());
            assertEquals(1, pool.snapshot().dropped(DropReason.QUEUE_FULL));
            release.countDown();
            assertEquals(200, running.get().statusCode());
            assertEquals("completed", running.get().headers().firstValue(Front.OUTCOME_HEADER).orElseThrow());
            assertEquals(200, queued.get().statusCode());
        } finally {
            release.countDown();
            pool.shutdown(Duration.ZERO);
        }
    }

    @Test
    void mapsEachOutcomeToTheStatusAProxyOwesItsClient() {
        assertEquals(200, Front.statusOf(Outcome.Completed.of(new BackendReply(200, 1), 1, 0, 1)));
        assertEquals(500, Front.statusOf(Outcome.Completed.of(new BackendReply(500, 1), 1, 0, 1)));
        assertEquals(503, Front.statusOf(new Outcome.Failed(new RetryableStatusException(503, 1), 3)));
        assertEquals(502, Front.statusOf(new Outcome.Failed(new java.net.ConnectException("refused"), 3)));
        assertEquals(504, Front.statusOf(new Outcome.TimedOut(Duration.ofMillis(500), 3)));
        assertEquals(503, Front.statusOf(new Outcome.Dropped(DropReason.QUEUE_FULL)));
        assertEquals(503, Front.statusOf(new Outcome.Interrupted(1)));
        assertEquals(404, Front.statusOf(new Outcome.Unhandled("nope")));
    }
}
