package dev.poolscope.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Outcome;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.http.BackendReply;
import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.HttpPath;
import dev.poolscope.http.LatencyShape;

/**
 * One request along three paths to the same loopback backend, which answers at once (no latency, no errors, no
 * limits), so what is measured is the path's own cost. Closed loop: each JMH thread sends its next request when
 * the previous one is answered.
 * <ul>
 *   <li>{@code direct}: the benchmark thread calls the backend with an {@link HttpClient}, as a load generator's
 *       thread would without a pool;</li>
 *   <li>{@code viaPool}: the thread submits to the pool and waits for the outcome; a worker makes the same call
 *       with the run's client (the proxy handler);</li>
 *   <li>{@code fullPath}: the thread calls the front over HTTP, which submits to the pool: client → front →
 *       pool → backend, every hop the HTTP scenarios take.</li>
 * </ul>
 * With one thread the average time is the latency of each path; {@code viaPool − direct} is the pool's overhead
 * per request. With more threads, throughput mode gives the requests per second each path sustains here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class HttpPathBenchmark {

    private static final BackendSettings INSTANT =
            new BackendSettings(LatencyShape.CONSTANT, Duration.ZERO, 0, 1000, 1000);
    /** More workers than JMH threads, so a request never waits for one. */
    private static final int WORKERS = 16;

    private Dispatcher pool;
    private HttpPath path;
    private HttpClient client;
    private HttpRequest toBackend;
    private HttpRequest toFront;

    @Setup(Level.Trial)
    public void start() {
        pool = Dispatcher.start("bench-http", PoolConfig.builder().workers(WORKERS, WORKERS).maxRetries(0)
                .requestTimeout(Duration.ofSeconds(10)).build(), Map.of());
        path = HttpPath.open(pool, List.of("proxy"), INSTANT, outcome -> { });
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        toBackend = HttpRequest.newBuilder(path.backend().uri()).GET().build();
        toFront = HttpRequest.newBuilder(path.front().uri("proxy")).GET().build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        path.close();
        pool.shutdown(Duration.ofSeconds(2));
    }

    @Benchmark
    public int direct() throws IOException, InterruptedException {
        return expectOk(client.send(toBackend, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Benchmark
    public int viaPool() {
        Outcome outcome = pool.submit("proxy", null).join();
        if (outcome instanceof Outcome.Completed done && done.value() instanceof BackendReply reply) {
            return expectOk(reply.status());
        }
        throw new IllegalStateException("the proxied call did not complete: " + outcome);
    }

    @Benchmark
    public int fullPath() throws IOException, InterruptedException {
        return expectOk(client.send(toFront, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private static int expectOk(int status) {
        if (status != 200) {
            throw new IllegalStateException("expected 200, got " + status);
        }
        return status;
    }
}
