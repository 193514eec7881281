package dev.poolscope.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.jmx.PoolJmx;
import dev.poolscope.jmx.PoolRegistration;

/** {@code --connect} and {@code --pool}: parsed like every flag, and a headless recording of a remote pool. */
class ConnectCliTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            return Main.run(args, out, err);
        }
    }

    @Test
    void readsAPidAndAPoolName() {
        Options o = Options.parse("--connect", "4242", "--pool", "orders");
        assertEquals(4242L, o.connect().pid());
        assertEquals("orders", o.poolName());
        assertEquals(Options.Mode.WINDOW, o.mode());
        assertNull(Options.parse().connect());
    }

    @Test
    void aBadTargetNamesTheFlagTheValueAndWhatIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse("--connect", "nowhere"));
        assertTrue(e.getMessage().startsWith("--connect 'nowhere' is not allowed: expected a process id"),
                e.getMessage());
        assertEquals("--pool only applies with --connect: name the JVM that runs it",
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--pool", "orders")).getMessage());
    }

    @Test
    void flagsForALocalPoolOrRunAreRefusedWithConnectInsteadOfIgnored() {
        assertEquals("--min cannot be combined with --connect: the watched pool keeps its own settings and load"
                        + " (retune it from the window or over JMX)",
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--connect", "4242", "--headless",
                        "--duration", "1s", "--min", "4")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--connect", "4242",
                "--scenario", "burst")).getMessage().startsWith("--scenario cannot be combined with --connect"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--connect", "4242",
                "--tournament")).getMessage().startsWith("--connect cannot be combined with --tournament"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--tournament", "--jmx",
                "demo")).getMessage().startsWith("--jmx cannot be combined with --tournament"));
    }

    /** A started JMX connector on a free loopback port, serving this JVM's platform MBean server. */
    private static JMXConnectorServer loopbackConnector() throws Exception {
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi://127.0.0.1:0"), null, ManagementFactory.getPlatformMBeanServer());
        server.start();
        return server;
    }

    @Test
    void anUnreachableTargetIsAUsageErrorWithExitTwo() {
        assertEquals(Main.BAD_ARGUMENTS, run("--connect", "127.0.0.1:1", "--headless", "--duration", "1s"));
        String err = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(err.startsWith("--connect 127.0.0.1:1 cannot be reached"), err);
    }

    @Test
    void recordsARemotePoolWithTheLocalRunnersCsvColumns(@TempDir Path dir) throws Exception {
        Dispatcher pool = Dispatcher.start("cli-remote", PoolConfig.builder().workers(2, 4).build(), Map.of());
        PoolRegistration registration = PoolJmx.register(pool, "cli-remote");
        JMXConnectorServer server = loopbackConnector();
        try {
            Path remote = dir.resolve("remote.csv");
            assertEquals(Main.OK, run("--connect", server.getAddress().toString(), "--pool", "cli-remote",
                    "--headless", "--csv", remote.toString(), "--duration", "300ms", "--interval", "100ms"),
                    errBytes.toString(StandardCharsets.UTF_8));
            Path local = dir.resolve("local.csv");
            assertEquals(Main.OK, run("--headless", "--csv", local.toString(), "--duration", "200ms"));
            List<String> rows = Files.readAllLines(remote);
            assertEquals(Files.readAllLines(local).get(0), rows.get(0), "the same columns");
            assertEquals(4, rows.size(), "a header and one row per interval");
        } finally {
            server.stop();
            registration.close();
            pool.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void aForeignPoolsCsvHasZeroForTheFiguresItLacksAndTheQueueCapacityItReports(@TempDir Path dir)
            throws Exception {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 4, 1, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10));
        PoolRegistration registration = PoolJmx.monitor(executor, "cli-foreign");
        JMXConnectorServer server = loopbackConnector();
        try {
            Path csv = dir.resolve("foreign.csv");
            assertEquals(Main.OK, run("--connect", server.getAddress().toString(), "--pool", "cli-foreign",
                    "--headless", "--csv", csv.toString(), "--duration", "200ms", "--interval", "100ms"),
                    errBytes.toString(StandardCharsets.UTF_8));
            List<String> rows = Files.readAllLines(csv);
            List<String> header = List.of(rows.get(0).split(","));
            String[] row = rows.get(1).split(",");
            assertEquals("10", row[header.indexOf("queue_capacity")], "queued plus the room left: " + rows.get(1));
            assertEquals("0", row[header.indexOf("load_threshold")], rows.get(1));
            assertEquals("4", row[header.indexOf("max_workers")], rows.get(1));
        } finally {
            server.stop();
            registration.close();
            executor.shutdownNow();
        }
    }

    @Test
    void aPoolThatIsNotThereListsThoseThatAre() throws Exception {
        Dispatcher pool = Dispatcher.start("cli-present", PoolConfig.builder().workers(1, 2).build(), Map.of());
        PoolRegistration registration = PoolJmx.register(pool, "cli-present");
        JMXConnectorServer server = loopbackConnector();
        try {
            assertEquals(Main.BAD_ARGUMENTS, run("--connect", server.getAddress().toString(), "--pool", "nosuch",
                    "--headless"));
            assertTrue(errBytes.toString(StandardCharsets.UTF_8).startsWith("--pool nosuch is not in "),
                    errBytes.toString(StandardCharsets.UTF_8));
            assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("cli-present"));
        } finally {
            server.stop();
            registration.close();
            pool.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    @Timeout(60)
    void aPoolShutDownWhileRecordedIsReportedGone(@TempDir Path dir) throws Exception {
        Dispatcher pool = Dispatcher.start("cli-going", PoolConfig.builder().workers(1, 2).build(), Map.of());
        PoolRegistration registration = PoolJmx.register(pool, "cli-going");
        JMXConnectorServer server = loopbackConnector();
        Path csv = dir.resolve("going.csv");
        CompletableFuture<Void> shutDown = CompletableFuture.runAsync(() -> {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(csv) && Files.readAllLines(csv).size() > 1);
            pool.shutdown(Duration.ofSeconds(1)); // the JVM stays up; the pool's registration ends with it
        });
        try {
            assertEquals(Main.RUN_FAILED, run("--connect", server.getAddress().toString(), "--pool", "cli-going",
                    "--headless", "--csv", csv.toString(), "--duration", "30s", "--interval", "100ms"));
            shutDown.get(20, TimeUnit.SECONDS);
            String err = errBytes.toString(StandardCharsets.UTF_8);
            assertTrue(err.startsWith("pool cli-going in "), err);
            assertTrue(err.contains(" is gone (shut down or unregistered) after "), err);
        } finally {
            server.stop();
            registration.close();
            pool.shutdown(Duration.ofSeconds(1));
        }
    }
}
