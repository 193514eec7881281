package dev.poolscope.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;

/** Shared test helpers: a small pool, a plain client, and the live threads that match a name. */
final class Loopback {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Loopback() {
    }

    /** A pool of exactly {@code workers} workers, a queue of {@code capacity} that drops the newest, no retries. */
    static Dispatcher pool(String name, int workers, int capacity, Duration timeout, int retries) {
        return Dispatcher.start(name, PoolConfig.builder().workers(workers, workers).queueCapacity(capacity)
                .overflowPolicy(OverflowPolicy.DROP_NEWEST).requestTimeout(timeout).maxRetries(retries).build(),
                Map.of());
    }

    static CompletableFuture<HttpResponse<Void>> get(URI uri) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Names of live threads that {@code mine} picks out. */
    static List<String> liveThreads(Predicate<String> mine) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(mine).sorted().toList();
    }

    /** The threads the HTTP path starts, and the JDK server's own (its dispatcher and its idle-connection timer). */
    static boolean httpPathThread(String name) {
        return name.startsWith("poolscope-backend") || name.startsWith("poolscope-front")
                || name.startsWith("poolscope-proxy-client") || name.startsWith("poolscope-load-client")
                || name.startsWith("HTTP-Dispatcher") || name.startsWith("idle-timeout-task");
    }
}
