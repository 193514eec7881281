package dev.poolscope.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Outcome;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.Request;

class ProxyHandlerTest {

    private static final HttpClient CLIENT = Loopback.CLIENT;

    @Test
    void aTimeoutFreesTheWorkerWhileTheBackendIsStillWorking() {
        BackendSettings twoSeconds = new BackendSettings(LatencyShape.CONSTANT, Duration.ofSeconds(2), 0, 8, 8);
        Dispatcher pool = Loopback.pool("proxy-timeout", 1, 10, Duration.ofMillis(50), 0);
        try (Backend backend = Backend.start(twoSeconds)) {
            pool.register("proxy", new ProxyHandler(CLIENT, backend.uri()));
            pool.register("ping", request -> "pong");

            Outcome slow = pool.submit("proxy", null).join();
            Outcome ping = pool.submit("ping", null).join();

            assertInstanceOf(Outcome.TimedOut.class, slow);
            assertInstanceOf(Outcome.Completed.class, ping);
            assertEquals(1, backend.snapshot().inFlight(), "the one worker ran the ping before the backend answered");
            PoolSnapshot s = pool.snapshot();
            assertEquals(0, s.stuckWorkers(), "the handler left on the interrupt, past no grace");
            assertEquals(1, s.poolSize());
        } finally {
            pool.shutdown(Duration.ZERO);
        }
    }

    @Test
    void passesA500OnAsTheAnswerWithoutRetrying() {
        BackendSettings alwaysFails = new BackendSettings(LatencyShape.CONSTANT, Duration.ZERO, 1, 8, 8);
        Dispatcher pool = Loopback.pool("proxy-500", 1, 10, Duration.ofSeconds(10), 2);
        try (Backend backend = Backend.start(alwaysFails)) {
            pool.register("proxy", new ProxyHandler(CLIENT, backend.uri()));

            Outcome.Completed done = assertInstanceOf(Outcome.Completed.class, pool.submit("proxy", null).join());

            assertEquals(500, assertInstanceOf(BackendReply.class, done.value()).status());
            assertEquals(1, done.attempts());
            assertEquals(1, backend.snapshot().serverErrors());
        } finally {
            pool.shutdown(Duration.ZERO);
        }
    }

    @Test
    void retriesAShed503AndFailsWithItWhenRetriesRunOut() {
        BackendSettings oneAtATime = new BackendSettings(LatencyShape.CONSTANT, Duration.ofSeconds(2), 0, 1, 1);
        Dispatcher pool = Loopback.pool("proxy-503", 2, 10, Duration.ZERO, 2);
        try (Backend backend = Backend.start(oneAtATime)) {
            pool.register("proxy", new ProxyHandler(CLIENT, backend.uri()));
            CompletableFuture<Outcome> holder = pool.submit(Request.of("proxy", null).withMaxRetries(0));
            await().atMost(Duration.ofSeconds(10)).until(() -> backend.snapshot().inFlight() == 1);

            Outcome.Failed shed = assertInstanceOf(Outcome.Failed.class, pool.submit("proxy", null).join());

            assertEquals(503, assertInstanceOf(RetryableStatusException.class, shed.cause()).status());
            assertEquals(3, shed.attempts(), "the first attempt and two retries");
            assertEquals(3, backend.snapshot().rejected());
            assertEquals(false, holder.isDone());
        } finally {
            pool.shutdown(Duration.ZERO);
        }
    }
}
