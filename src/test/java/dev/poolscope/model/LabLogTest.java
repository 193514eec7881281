package dev.poolscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.Scenario;

/** The event log, on the FX thread the lab is confined to (its sampler is a Timeline). */
class LabLogTest {

    @Test
    void aRefusalIsLoggedInTheStatusBarsWords() throws Exception {
        FxToolkit.registerPrimaryStage();
        Lab lab = onFx(() -> new Lab(c -> Dispatcher.start("lab-log-test", c, Map.of()),
                PoolConfig.builder().workers(2, 8).scalingTick(Duration.ofSeconds(60)).build(), Scenario.STEADY,
                MetricsSampler.DEFAULT_PERIOD, 100));
        try {
            String logged = onFx(() -> {
                lab.settings().loadThresholdProperty().set(20_000_000);
                return lab.log().entries().get(0).message(); // newest first
            });
            assertEquals("refused: Load threshold 20,000,000 is not allowed: must be 1 to 10,000,000", logged);
        } finally {
            onFx(() -> lab.close(Duration.ofSeconds(1)));
        }
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
