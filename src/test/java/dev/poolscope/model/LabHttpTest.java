package dev.poolscope.model;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.load.Scenario;

/** An HTTP scenario in the lab: its servers and clients end on Stop, and with the pool on restart and exit. */
class LabHttpTest {

    @Test
    void stopRestartAndExitLeaveNoServerClientOrPoolThread() throws Exception {
        FxToolkit.registerPrimaryStage();
        Lab lab = onFx(() -> new Lab(c -> Dispatcher.start("lab-http", c, Map.of()), Scenario.suggestedConfig(),
                Scenario.HTTP_HEALTHY, MetricsSampler.DEFAULT_PERIOD, 100));
        try {
            startLoadUntilProxied(lab);
            onFx(() -> {
                lab.load().stop();
                return null;
            });
            // The JDK server's idle-connection timer ends just after its server stops, not with it.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(List.of(), httpThreads()));

            startLoadUntilProxied(lab);
            Dispatcher first = lab.dispatcher();
            onFx(() -> {
                lab.shutdown(Duration.ZERO);
                return null;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> {
                lab.sampler().tick();
                return lab.phaseProperty().get() == Lab.Phase.STOPPED;
            }));
            onFx(() -> {
                lab.restart();
                lab.load().start();
                return null;
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> lab.dispatcher() != first
                    && lab.dispatcher().snapshot().completed() > 0);
        } finally {
            onFx(() -> lab.close(Duration.ofSeconds(1)));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(List.of(), httpThreads()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(List.of(),
                liveThreads("lab-http-")));
    }

    @Test
    void aTunedBackendOutlivesStopAndRestartAndFeedsTheSamples() throws Exception {
        FxToolkit.registerPrimaryStage();
        Lab lab = onFx(() -> new Lab(c -> Dispatcher.start("lab-tuned", c, Map.of()), Scenario.suggestedConfig(),
                Scenario.HTTP_HEALTHY, MetricsSampler.DEFAULT_PERIOD, 100));
        try {
            onFx(() -> {
                lab.load().backend().concurrencyLimitProperty().set(7);
                return null;
            });
            startLoadUntilProxied(lab);
            assertEquals(7, onFx(() -> lab.load().runningBackend().settings().concurrencyLimit()));
            await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> {
                lab.sampler().tick();
                Sample s = lab.sampler().latestProperty().get();
                return s != null && s.backend() != null && s.backend().inForce().concurrencyLimit() == 7;
            }));
            onFx(() -> {
                lab.shutdown(Duration.ZERO);
                return null;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> {
                lab.sampler().tick();
                return lab.phaseProperty().get() == Lab.Phase.STOPPED;
            }));
            onFx(() -> {
                lab.restart();
                return null;
            });
            startLoadUntilProxied(lab);
            assertEquals(7, onFx(() -> lab.load().runningBackend().settings().concurrencyLimit()),
                    "the restarted pool's fresh backend keeps the tuning");
        } finally {
            onFx(() -> lab.close(Duration.ofSeconds(1)));
        }
    }

    private static void startLoadUntilProxied(Lab lab) throws Exception {
        long before = lab.dispatcher().snapshot().completed();
        onFx(() -> {
            lab.load().start();
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> lab.dispatcher().snapshot().completed() > before);
    }

    private static List<String> httpThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("poolscope-backend") || n.startsWith("poolscope-front")
                        || n.startsWith("poolscope-proxy-client") || n.startsWith("poolscope-load-client")
                        || n.startsWith("HTTP-Dispatcher") || n.startsWith("idle-timeout-task"))
                .sorted().toList();
    }

    private static List<String> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).sorted().toList();
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
