package dev.poolscope.model;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.Scenario;

/** The lab's shutdown countdown, on the FX thread the lab is confined to (its sampler is a Timeline). */
class LabShutdownTest {

    @Test
    void aDeadlineOfAnyLengthMeansWaitNotAnOverflow() throws Exception {
        FxToolkit.registerPrimaryStage();
        Lab lab = onFx(() -> new Lab(c -> Dispatcher.start("lab-shutdown-test", c, Map.of()),
                PoolConfig.builder().scalingTick(Duration.ofSeconds(60)).build(), Scenario.STEADY,
                MetricsSampler.DEFAULT_PERIOD, 100));
        try {
            onFx(() -> {
                lab.shutdown(Duration.ofSeconds(Long.MAX_VALUE));
                return null;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> {
                lab.sampler().tick();
                return lab.phaseProperty().get() == Lab.Phase.STOPPED;
            }));
            assertTrue(onFx(() -> lab.log().entries().stream().anyMatch(e -> e.message().equals(
                    "shutdown requested, deadline " + Long.MAX_VALUE + " s"))), "the request is logged");
        } finally {
            onFx(() -> lab.close(Duration.ofSeconds(1)));
        }
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
