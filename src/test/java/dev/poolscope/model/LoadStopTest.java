package dev.poolscope.model;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.Handler;
import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.LoadGenerator;
import dev.poolscope.load.Scenario;
import javafx.application.Platform;

/** Stop returns at once on the FX thread, even while the generator thread is held inside the pool. */
@Timeout(30)
class LoadStopTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<Thread> heldGenerator = new AtomicReference<>();
    private final CountDownLatch generatorHeld = new CountDownLatch(1);
    // One worker, one queue slot, caller-runs: the third request runs in the generator thread itself.
    private final Dispatcher pool = Dispatcher.start("load-stop-test", PoolConfig.builder().workers(1, 1)
            .queueCapacity(1).overflowPolicy(OverflowPolicy.CALLER_RUNS).requestTimeout(Duration.ZERO).maxRetries(0)
            .scalingTick(Duration.ofSeconds(60)).build(), Map.of());
    private final List<LoadGenerator> made = new CopyOnWriteArrayList<>();
    private LoadModel load;

    @AfterEach
    void stopAll() throws Exception {
        release.countDown();
        if (load != null) {
            WaitForAsyncUtils.asyncFx(load::stop).get().get(10, TimeUnit.SECONDS);
        }
        pool.shutdown(Duration.ofSeconds(1));
    }

    @Test
    void stopReturnsWhileTheGeneratorThreadIsHeldAndAStartMeanwhileFeedsAFreshGenerator() throws Exception {
        FxToolkit.registerPrimaryStage();
        load = WaitForAsyncUtils.asyncFx(() -> new LoadModel(() -> pool, Scenario.STEADY, (target, settings) -> {
            LoadGenerator generator = new LoadGenerator(target, settings);
            made.add(generator);
            return generator;
        })).get();
        WaitForAsyncUtils.asyncFx(() -> {
            load.start();
            // After start registered simulated work, so the requests from here on hold whoever runs them.
            Scenario.STEADY.baseSettings().typeMix().keySet().forEach(type -> pool.register(type, holdUntilReleased()));
        }).get();
        assertTrue(generatorHeld.await(10, TimeUnit.SECONDS), "the generator thread runs a held request itself");

        CompletableFuture<Void> stopped = WaitForAsyncUtils.asyncFx(load::stop).get(2, TimeUnit.SECONDS);
        CountDownLatch fxFree = new CountDownLatch(1);
        Platform.runLater(fxFree::countDown);
        assertTrue(fxFree.await(2, TimeUnit.SECONDS), "the FX thread is free");
        assertTrue(heldGenerator.get().isAlive(), "while the old generator thread is still held");
        assertFalse(stopped.isDone(), "the stop completes only when that thread has ended");
        assertEquals(LoadModel.Status.STOPPED, WaitForAsyncUtils.asyncFx(() -> load.statusProperty().get()).get());

        WaitForAsyncUtils.asyncFx(load::start).get(2, TimeUnit.SECONDS);
        assertEquals(LoadModel.Status.RUNNING, WaitForAsyncUtils.asyncFx(() -> load.statusProperty().get()).get());
        assertEquals(2, made.size(), "Start made a fresh generator");
        assertEquals(LoadGenerator.State.RUNNING, made.get(1).state());
        LoadGenerator old = made.get(0);
        assertEquals(LoadGenerator.State.STOPPED, old.state());
        long oldGenerated = old.generated();
        await().atMost(Duration.ofSeconds(10)).until(() -> made.get(1).generated() > 0);

        release.countDown();
        stopped.get(10, TimeUnit.SECONDS);
        assertFalse(heldGenerator.get().isAlive(), "the old generator thread has ended");
        assertTrue(old.generated() <= oldGenerated + 1, "the old generator finished the one request it was running"
                + " and submitted no other: " + oldGenerated + " then " + old.generated());
    }

    /** Runs until {@link #release}, ignoring interrupts, the way a request that will not stop does. */
    private Handler holdUntilReleased() {
        return request -> {
            if (Thread.currentThread().getName().equals(LoadGenerator.THREAD_NAME)) {
                heldGenerator.compareAndSet(null, Thread.currentThread());
                generatorHeld.countDown();
            }
            boolean interrupted = false;
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return "released";
        };
    }
}
