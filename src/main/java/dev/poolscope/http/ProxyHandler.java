package dev.poolscope.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.poolscope.engine.Handler;
import dev.poolscope.engine.Request;

/**
 * The pool as a proxy: each attempt makes one GET to the backend with the run's {@link HttpClient} and returns a
 * {@link BackendReply}. Only what is worth retrying throws, so only that is retried by the pool: a retryable
 * status ({@link RetryableStatusException}) or a failed exchange (connection refused or reset, the client's own
 * time limit). Any other status, 500 included, is the answer.
 *
 * <p>The exchange is asynchronous and the worker waits on its future, so when the pool's timeout (or shutdown)
 * interrupts the worker, the handler cancels the exchange and returns at once: the worker is free for the next
 * request and the connection is aborted instead of lingering until the backend answers.
 */
final class ProxyHandler implements Handler {

    /** The client's own limit on a call, a backstop for pools configured with no timeout at all. */
    static final Duration CALL_LIMIT = Duration.ofSeconds(30);

    private final URI backend;
    // Set to null by drop() from any thread; volatile so workers see it. Dropping it lets the client (and its
    // selector thread) be collected although the pool still holds this handler.
    private volatile HttpClient client;

    ProxyHandler(HttpClient client, URI backend) {
        this.client = Objects.requireNonNull(client, "client");
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** Lets go of the client; attempts from now on fail at once. */
    void drop() {
        client = null;
    }

    @Override
    public Object handle(Request request) throws Exception {
        HttpClient client = this.client;
        if (client == null) {
            // Queued requests still run while the pool drains after Stop: fail them fast, not after a timeout.
            throw new IOException("the HTTP proxy was stopped");
        }
        HttpRequest call = HttpRequest.newBuilder(backend).timeout(CALL_LIMIT).GET().build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(call, HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> response;
        try {
            response = exchange.get();
        } catch (InterruptedException timedOutOrStopping) {
            exchange.cancel(true);
            throw timedOutOrStopping;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        long nanos = System.nanoTime() - start;
        if (RetryableStatusException.RETRYABLE.contains(response.statusCode())) {
            throw new RetryableStatusException(response.statusCode(), nanos);
        }
        return new BackendReply(response.statusCode(), nanos);
    }
}
