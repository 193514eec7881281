package dev.poolscope.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An embedded HTTP backend on 127.0.0.1 and a free port that behaves like a slow downstream service: each call is
 * answered after a latency drawn from its {@link BackendSettings} and stretched by the load, as
 * {@link LatencyModel} decides. Settings can change while calls flow ({@link #setSettings}); its figures are read
 * as immutable snapshots ({@link #snapshot}).
 *
 * <p>No thread waits out a latency: {@value #HANDLER_THREADS} handler threads ({@code poolscope-backend-N}) decide
 * each answer and one timer thread ({@code poolscope-backend-timer-1}) sends it when due, so hundreds of calls
 * can be in flight on a two-core machine. {@link #close()} stops the server and ends both executors.
 */
public final class Backend implements AutoCloseable {

    static final int HANDLER_THREADS = 2;

    private final HttpServer server;
    private final ThreadPoolExecutor handlers = HttpExecutors.fixed("backend", HANDLER_THREADS);
    private final ScheduledThreadPoolExecutor timer = HttpExecutors.timer("backend-timer");
    private final BackendStats stats = new BackendStats();
    // Written by any thread; volatile so each call reads the latest settings without locking.
    private volatile BackendSettings settings;

    private Backend(BackendSettings settings) throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
    }

    /** Starts a backend on a free loopback port. */
    public static Backend start(BackendSettings settings) {
        try {
            Backend backend = new Backend(settings);
            backend.server.start();
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the HTTP backend on loopback", e);
        }
    }

    /** Where it listens: {@code http://127.0.0.1:<port>/}. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/");
    }

    /** The settings in force. */
    public BackendSettings settings() {
        return settings;
    }

    /** Applies {@code next} to calls that arrive from now on; calls already waiting keep their answer. */
    public void setSettings(BackendSettings next) {
        settings = Objects.requireNonNull(next, "settings");
    }

    /** In-flight calls, answers, 5xx and latency as one consistent, immutable cut; reading changes nothing. */
    public BackendSnapshot snapshot() {
        return stats.snapshot();
    }

    /** Stops listening, closes every connection (calls still waiting get no answer) and ends its threads. */
    @Override
    public void close() {
        server.stop(0);
        HttpExecutors.end(timer);
        HttpExecutors.end(handlers);
    }

    private void handle(HttpExchange exchange) {
        long arrived = System.nanoTime();
        int inFlight = stats.arrive();
        BackendSettings s = settings;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LatencyModel.Answer answer = LatencyModel.answer(s, inFlight,
                s.shape().sampleNanos(s.meanLatency().toNanos(), random), random.nextDouble());
        boolean shed = LatencyModel.sheds(s, inFlight);
        if (answer.latencyNanos() == 0) {
            send(exchange, answer.status(), arrived, shed);
            return;
        }
        try {
            timer.schedule(() -> send(exchange, answer.status(), arrived, shed), answer.latencyNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            exchange.close();
            stats.answer(LatencyModel.UNAVAILABLE, System.nanoTime() - arrived, true);
        }
    }

    private void send(HttpExchange exchange, int status, long arrived, boolean shed) {
        // Counted before the reply leaves, so a caller that has its reply finds it in every snapshot it takes next.
        stats.answer(status, System.nanoTime() - arrived, shed);
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException clientGone) {
            // The caller gave up (its timeout cancelled the exchange); the backend still did the work.
        } finally {
            exchange.close();
        }
    }
}
