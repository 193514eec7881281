package dev.poolscope.model;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.ShutdownReport;
import dev.poolscope.load.Scenario;

/** Closing a lab (a window closing) never waits on the FX thread for the pool to drain. */
@Timeout(30)
class LabCloseTest {

    @Test
    void closeReturnsAtOnceWhileARequestStillRunsAndTheReportFollows() throws Exception {
        FxToolkit.registerPrimaryStage();
        CountDownLatch release = new CountDownLatch(1);
        Lab lab = WaitForAsyncUtils.asyncFx(() -> new Lab(c -> Dispatcher.start("lab-close-test", c,
                        Map.of("hold", request -> {
                            release.await();
                            return "done";
                        })), PoolConfig.defaults(), Scenario.STEADY, MetricsSampler.DEFAULT_PERIOD, 100)).get();
        lab.dispatcher().submit("hold", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> lab.dispatcher().snapshot().busyWorkers() == 1);

        CompletableFuture<ShutdownReport> closing = WaitForAsyncUtils.asyncFx(() -> lab.close(Duration.ofSeconds(10)))
                .get(2, TimeUnit.SECONDS);
        assertFalse(closing.isDone(), "the pool is still draining: close did not wait for it");

        release.countDown();
        ShutdownReport report = closing.get(5, TimeUnit.SECONDS);
        assertEquals(1, report.drained(), report.summary());
    }
}
