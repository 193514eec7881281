package dev.poolscope.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Outcome;

/**
 * The whole HTTP path of one scenario run, client → front → pool → backend, all on loopback:
 * a {@link Backend}, the run's own {@link HttpClient} and {@link ProxyHandler} for the pool to call it with,
 * a {@link Front}, and the load's client that sends to the front ({@link #send}, open loop: it never waits).
 *
 * <p>Bounded: at most {@value #MAX_OUTSTANDING} requests are outstanding at the front; more are counted as
 * {@link #refused()} and not sent. {@link #close()} ends it all, in the order requests flow: the load's client,
 * the front, the proxy's client (queued requests then fail at once), the backend. Afterwards no thread of this
 * path is left but the JDK clients' selector threads, which end once their clients are collected.
 */
public final class HttpPath implements AutoCloseable {

    /** The most requests sent to the front and not yet answered. */
    public static final int MAX_OUTSTANDING = 3000;
    static final int CLIENT_THREADS = 2;
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(2);

    private final Backend backend;
    private final ThreadPoolExecutor proxyThreads = HttpExecutors.fixed("proxy-client", CLIENT_THREADS);
    private final ProxyHandler proxy;
    private final Front front;
    private final ThreadPoolExecutor loadThreads = HttpExecutors.fixed("load-client", CLIENT_THREADS);
    // Dropped by close(), from any thread; volatile so send() sees it and stops sending.
    private volatile HttpClient loadClient;
    private final Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
    private final LongAdder sent = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder unanswered = new LongAdder();

    private HttpPath(Dispatcher pool, BackendSettings settings, Consumer<Outcome> outcomes) {
        backend = Backend.start(settings);
        proxy = new ProxyHandler(client(proxyThreads), backend.uri());
        front = Front.start(pool, outcomes);
        loadClient = client(loadThreads);
    }

    /**
     * Starts a backend with {@code settings} and a front for {@code pool}, and makes the proxy the pool's handler
     * for {@code types}; {@code outcomes} hears the outcome of every request the front submits.
     */
    public static HttpPath open(Dispatcher pool, Collection<String> types, BackendSettings settings,
                                Consumer<Outcome> outcomes) {
        HttpPath path = new HttpPath(pool, settings, outcomes);
        path.route(pool, types);
        return path;
    }

    /** Makes the proxy {@code pool}'s handler for {@code types} and sends the front's requests there. */
    public void route(Dispatcher pool, Collection<String> types) {
        Objects.requireNonNull(pool, "pool");
        for (String type : types) {
            pool.register(type, proxy);
        }
        front.retarget(pool);
    }

    /** Sends one request of {@code type} to the front and returns at once; refused when too many are outstanding. */
    public void send(String type) {
        HttpClient client = loadClient;
        if (client == null || !outstanding.tryAcquire()) {
            refused.increment();
            return;
        }
        sent.increment();
        client.sendAsync(HttpRequest.newBuilder(front.uri(type)).timeout(ProxyHandler.CALL_LIMIT).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    // Counted before the permit goes back, so that awaitAnswers sees the count.
                    (failure == null ? answered : unanswered).increment();
                    outstanding.release();
                });
    }

    /**
     * Waits until every request sent so far has its answer (or its failure), at most {@code limit}; true if none is
     * outstanding. Figures read after it add up: sent = answered + unanswered.
     */
    public boolean awaitAnswers(Duration limit) throws InterruptedException {
        if (!outstanding.tryAcquire(MAX_OUTSTANDING, limit.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        outstanding.release(MAX_OUTSTANDING);
        return true;
    }

    /** The backend, to read its figures or change its behaviour. */
    public Backend backend() {
        return backend;
    }

    /** The front, for callers of its own. */
    public Front front() {
        return front;
    }

    /** Requests sent to the front. */
    public long sent() {
        return sent.sum();
    }

    /** Requests not sent: {@value #MAX_OUTSTANDING} were outstanding already, or the path was closed. */
    public long refused() {
        return refused.sum();
    }

    /** Requests the front answered, whatever the status. */
    public long answered() {
        return answered.sum();
    }

    /** Requests sent that got no answer: the connection failed or was closed. */
    public long unanswered() {
        return unanswered.sum();
    }

    /** Stops the load's client, the front, the proxy's client and the backend, and ends their threads. */
    @Override
    public void close() {
        loadClient = null;
        HttpExecutors.end(loadThreads);
        front.close();
        proxy.drop();
        HttpExecutors.end(proxyThreads);
        backend.close();
    }

    private static HttpClient client(ThreadPoolExecutor threads) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_LIMIT)
                .executor(threads).build();
    }
}
