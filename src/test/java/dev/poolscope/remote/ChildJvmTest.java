package dev.poolscope.remote;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.jmx.PoolJmx;

/**
 * The whole way, against a real second JVM: find its pools by attach (pid) and by a loopback JMX URL, read a
 * snapshot, change max workers and see the child's pool change, receive a scaling notification, and see
 * <em>disconnected</em> when the child exits.
 */
class ChildJvmTest {

    private Process child;

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void watchesAndTunesAChildJvmByPidAndByUrlUntilItExits() throws Exception {
        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classpath(), ChildPools.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertTrue(ready != null && ready.startsWith("READY "), "child said: " + ready);

        try (JmxSession byUrl = JmxSession.open(JmxTarget.parse(ready.substring(6)), null, null)) {
            JmxSession byPid = JmxSession.open(JmxTarget.parse(Long.toString(child.pid())), null, null);
            List<RemotePool> pools = byPid.call(PoolDiscovery::find);
            assertEquals(Set.of("PoolScope orders", "ThreadPoolExecutor legacy", "Tomcat executor tomcatThreadPool"),
                    pools.stream().map(p -> p.kind() + " " + p.name()).collect(Collectors.toSet()));
            assertEquals(3, byUrl.call(PoolDiscovery::find).size(), "the URL sees what attach sees");
            RemotePool orders = pools.stream().filter(p -> p.name().equals("orders")).findFirst().orElseThrow();

            JmxPoolSource source = new JmxPoolSource(byPid, orders, Runnable::run);
            try {
                PoolSnapshot first = source.nextSnapshot();
                assertEquals(2, first.poolSize());
                assertEquals(8, first.config().maxWorkers());

                source.reconfigure(b -> b.maxWorkers(12)).toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertEquals(12, byUrl.<Object>call(c -> c.getAttribute(orders.objectName(), "MaxWorkers")),
                        "the child's pool runs with the new max");

                source.reconfigure(b -> b.minWorkers(4)).toCompletableFuture().get(5, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(5)).until(() -> source.scalingEventsSince(0).stream()
                        .anyMatch(e -> e.reason() == ScalingEvent.Reason.MIN_RAISED));

                assertNull(source.problem());
                child.getOutputStream().write('\n');
                child.getOutputStream().flush();
                assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child exits when told");
                await().atMost(Duration.ofSeconds(10)).until(() -> source.problem() != null);
                assertTrue(source.problem().startsWith("disconnected from orders (PoolScope) in pid " + child.pid()),
                        source.problem());
            } finally {
                source.close();
            }
        }
    }

    /** This JVM's classes and libraries as a plain class path: the child needs no module system. */
    private static String classpath() throws Exception {
        Stream<String> here = Stream.of(System.getProperty("jdk.module.path", ""),
                System.getProperty("java.class.path", ""));
        Stream<String> own = Stream.of(ChildPools.class, PoolJmx.class).map(c -> {
            try {
                return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        return Stream.concat(own, here).filter(s -> !s.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }
}
