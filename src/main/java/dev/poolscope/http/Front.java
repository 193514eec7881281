package dev.poolscope.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Outcome;
import dev.poolscope.engine.Request;

/**
 * The proxy's front door: an HTTP server on 127.0.0.1 and a free port that submits each incoming request to the
 * pool, as a request of the type named by its path ({@code GET /proxy} → type {@code proxy}), and answers with
 * the outcome ({@link #statusOf}): the backend's status, 503 when the pool drops it, 504 when it times out.
 * The outcome's kind is also sent in the {@value #OUTCOME_HEADER} header.
 *
 * <p>No thread waits for a request: {@value #THREADS} threads ({@code poolscope-front-N}) accept and submit, and
 * answer when the outcome arrives. {@link #close()} stops the server and ends them.
 */
public final class Front implements AutoCloseable {

    /** The response header that names the pool's outcome, e.g. {@code completed} or {@code dropped}. */
    public static final String OUTCOME_HEADER = "X-PoolScope-Outcome";
    static final int THREADS = 2;

    private final HttpServer server;
    private final ThreadPoolExecutor threads = HttpExecutors.fixed("front", THREADS);
    private final Consumer<Outcome> outcomes;
    // Swapped by retarget() from any thread; volatile so the next request goes to the new pool.
    private volatile Dispatcher pool;

    private Front(Dispatcher pool, Consumer<Outcome> outcomes) throws IOException {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
    }

    /** Starts a front on a free loopback port; {@code outcomes} hears every outcome, on a pool thread: keep it quick. */
    public static Front start(Dispatcher pool, Consumer<Outcome> outcomes) {
        try {
            Front front = new Front(pool, outcomes);
            front.server.start();
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the HTTP front on loopback", e);
        }
    }

    /** The address that submits a request of {@code type}. */
    public URI uri(String type) {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/"
                + type);
    }

    /** Sends requests arriving from now on to {@code next}, e.g. after the pool was restarted. */
    public void retarget(Dispatcher next) {
        pool = Objects.requireNonNull(next, "pool");
    }

    /** Stops listening, closes every connection (requests still in the pool get no answer) and ends its threads. */
    @Override
    public void close() {
        server.stop(0);
        HttpExecutors.end(threads);
    }

    /**
     * The status the front answers for {@code outcome}: the backend's own (retryable ones once retries ran out),
     * 503 when the pool dropped the request or stopped before it finished, 504 when it timed out, 502 when the
     * backend could not be reached, 404 for a type with no handler.
     */
    public static int statusOf(Outcome outcome) {
        if (outcome instanceof Outcome.Completed done) {
            return done.value() instanceof BackendReply reply ? reply.status() : 200;
        }
        if (outcome instanceof Outcome.Failed failed) {
            return failed.cause() instanceof RetryableStatusException retryable ? retryable.status() : 502;
        }
        if (outcome instanceof Outcome.TimedOut) {
            return 504;
        }
        if (outcome instanceof Outcome.Unhandled) {
            return 404;
        }
        return 503; // Dropped, Returned, Interrupted: the pool could not, or no longer would, run it
    }

    private void handle(HttpExchange exchange) {
        String type = exchange.getRequestURI().getPath().substring(1);
        Request request = Request.of(type.isEmpty() ? "proxy" : type, null);
        pool.submit(request).thenAccept(outcome -> {
            outcomes.accept(outcome);
            answerLater(exchange, outcome);
        });
    }

    /** Answers on a front thread: the outcome arrives on a pool thread, which must not wait on a socket. */
    private void answerLater(HttpExchange exchange, Outcome outcome) {
        try {
            threads.execute(() -> answer(exchange, outcome));
        } catch (RejectedExecutionException closing) {
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, Outcome outcome) {
        try {
            exchange.getResponseHeaders().set(OUTCOME_HEADER,
                    outcome.kind().toLowerCase(Locale.ROOT));
            exchange.sendResponseHeaders(statusOf(outcome), -1);
        } catch (IOException clientGone) {
            // The client gave up before the pool finished; nothing is left to tell it.
        } finally {
            exchange.close();
        }
    }
}
