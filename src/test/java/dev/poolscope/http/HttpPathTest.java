package dev.poolscope.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolSnapshot;

class HttpPathTest {

    private static final BackendSettings INSTANT = new BackendSettings(LatencyShape.CONSTANT, Duration.ZERO, 0, 8, 8);

    @Test
    void carriesRequestsFromClientThroughFrontAndPoolToBackend() {
        Dispatcher pool = Loopback.pool("path-flow", 2, 100, Duration.ofSeconds(10), 0);
        LongAdder heard = new LongAdder();
        try (HttpPath path = HttpPath.open(pool, List.of("proxy"), INSTANT, outcome -> heard.increment())) {
            for (int i = 0; i < 20; i++) {
                path.send("proxy");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> path.answered() == 20);
            assertEquals(20, heard.sum(), "the front passes every outcome on");
            assertEquals(20, path.backend().snapshot().answered());
            assertEquals(20, pool.snapshot().completed());
        } finally {
            pool.shutdown(Duration.ZERO);
        }
    }

    @Test
    void closingEndsEveryThreadOfThePathAndThePool() {
        Dispatcher pool = Loopback.pool("path-close", 2, 100, Duration.ofSeconds(10), 0);
        HttpPath path = HttpPath.open(pool, List.of("proxy"), INSTANT, outcome -> { });
        for (int i = 0; i < 10; i++) {
            path.send("proxy");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> path.answered() == 10);
        assertTrue(Loopback.liveThreads(Loopback::httpPathThread).size() >= 4, "the path runs threads to end");

        path.close();
        pool.shutdown(Duration.ofSeconds(2));

        PoolSnapshot last = pool.snapshot();
        assertTrue(last.invariantHolds());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(List.of(), Loopback.liveThreads(
                name -> Loopback.httpPathThread(name) || name.startsWith("path-close-"))));
    }

    @Test
    void refusesToSendOnceClosed() {
        Dispatcher pool = Loopback.pool("path-closed", 1, 10, Duration.ofSeconds(10), 0);
        HttpPath path = HttpPath.open(pool, List.of("proxy"), INSTANT, outcome -> { });
        path.close();
        path.send("proxy");
        assertEquals(1, path.refused());
        assertEquals(0, path.sent());
        pool.shutdown(Duration.ZERO);
    }
}
