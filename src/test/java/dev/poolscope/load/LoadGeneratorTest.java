package dev.poolscope.load;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;

class LoadGeneratorTest {

    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    // Generator threads of other tests may share the name; only threads started after this are this test's.
    private final Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Dispatcher pool = Dispatcher.start("load-test",
            PoolConfig.builder().workers(1, 2).queueCapacity(1_000_000).build(), Map.of());

    @AfterEach
    void shutDownPool() {
        pool.shutdown(Duration.ofSeconds(5));
    }

    private static LoadSettings noOp(double rate, Arrivals arrivals) {
        return LoadSettings.defaults().withRatePerSecond(rate).withArrivals(arrivals)
                .withMeanServiceTime(Duration.ZERO);
    }

    private LoadGenerator onSimulatedClock(LoadSettings settings) {
        return new LoadGenerator(pool, settings, new SplittableRandom(2024), now::get);
    }

    /** Advances the simulated clock {@code ticks} times by {@code stepNanos}, ticking after each step. */
    private long run(LoadGenerator generator, int ticks, long stepNanos) {
        generator.tick();
        long submitted = 0;
        for (int i = 0; i < ticks; i++) {
            now.addAndGet(stepNanos);
            submitted += generator.tick();
        }
        return submitted;
    }

    @Test
    void constantArrivalsSubmitExactlyRateTimesElapsedTime() {
        LoadGenerator generator = onSimulatedClock(noOp(1000, Arrivals.CONSTANT));
        long submitted = run(generator, 10_000, MILLI);
        assertEquals(10_000, submitted, 1);
        assertEquals(submitted, generator.generated());
    }

    @Test
    void constantArrivalsCarryFractionsAcrossWakeups() {
        LoadGenerator generator = onSimulatedClock(noOp(250, Arrivals.CONSTANT));
        assertEquals(250, run(generator, 1000, MILLI), 1, "a quarter arrival per wakeup adds up");
    }

    @Test
    void poissonArrivalsAverageToTheRate() {
        LoadGenerator generator = onSimulatedClock(noOp(1000, Arrivals.POISSON));
        long submitted = run(generator, 10_000, MILLI);
        // 10,000 expected with a standard deviation of 100.
        assertEquals(10_000, submitted, 400);
    }

    @Test
    void capsTheCatchUpAfterAStallInsteadOfBursting() {
        LoadGenerator generator = onSimulatedClock(noOp(1000, Arrivals.CONSTANT));
        long afterStall = run(generator, 1, TimeUnit.SECONDS.toNanos(1));
        assertEquals(1000 * LoadGenerator.MAX_CATCH_UP_MILLIS / 1000, afterStall);
        assertEquals(1, run(generator, 1, MILLI), "back to one per millisecond, no backlog");
    }

    @Test
    void newSettingsApplyFromTheNextWakeup() {
        LoadGenerator generator = onSimulatedClock(noOp(1000, Arrivals.CONSTANT));
        run(generator, 100, MILLI);
        generator.setSettings(noOp(5000, Arrivals.CONSTANT));
        assertEquals(500, run(generator, 100, MILLI), 1);
    }

    @Test
    void followsTheScenarioRateFromWhenItWasSet() {
        LoadGenerator generator = onSimulatedClock(noOp(1000, Arrivals.CONSTANT));
        generator.setScenario(Scenario.BURST);
        generator.setSettings(generator.settings().withArrivals(Arrivals.CONSTANT).withMeanServiceTime(Duration.ZERO));
        double quiet = Scenario.BURST.baseSettings().ratePerSecond();
        assertEquals(quiet * 5, run(generator, 5000, MILLI), 2, "five quiet seconds");
        assertEquals(quiet * 10 * 2, run(generator, 2000, MILLI), 2, "two seconds of spike");
        assertEquals(quiet, generator.currentRatePerSecond(), 1e-9, "quiet again at 7 s");
        generator.setScenario(null);
        assertEquals(Scenario.BURST.baseSettings().ratePerSecond(), generator.settings().ratePerSecond());
    }

    @Test
    void resetCountersStartsGeneratedFromZero() {
        LoadGenerator generator = onSimulatedClock(noOp(1000, Arrivals.CONSTANT));
        run(generator, 50, MILLI);
        generator.resetCounters();
        assertEquals(0, generator.generated());
        run(generator, 10, MILLI);
        assertEquals(10, generator.generated(), 1);
    }

    @Test
    void sendsEveryTypeInTheMixAndRegistersItsHandler() {
        LoadSettings twoTypes = noOp(1000, Arrivals.CONSTANT).withTypeMix(Map.of("read", 1.0, "write", 1.0));
        LoadGenerator generator = onSimulatedClock(twoTypes);
        run(generator, 500, MILLI);
        PoolSnapshot done = drained();
        assertEquals(500, done.submitted(), 1);
        assertEquals(0, done.unhandled(), "both types have a handler");
        assertEquals(done.submitted(), done.completed());
    }

    @Test
    void retargetSendsLaterRequestsToTheNewPool() {
        Dispatcher second = Dispatcher.start("load-test-2", PoolConfig.defaults(), Map.of());
        try {
            LoadGenerator generator = onSimulatedClock(noOp(1000, Arrivals.CONSTANT));
            run(generator, 10, MILLI);
            generator.retarget(second);
            run(generator, 20, MILLI);
            second.shutdown(Duration.ofSeconds(5));
            assertEquals(20, second.snapshot().submitted(), 1);
            assertEquals(10, pool.snapshot().submitted(), 1);
            assertEquals(0, second.snapshot().unhandled());
        } finally {
            second.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSeedGivesTheSameRequestsHoweverTheThreadWakes() {
        LoadSettings flaky = LoadSettings.defaults().withRatePerSecond(1000).withArrivals(Arrivals.POISSON)
                .withFailureProbability(0.3);
        List<String> everyMilli = requestsDrawn(flaky, 210, MILLI);
        List<String> everySevenMillis = requestsDrawn(flaky, 30, 7 * MILLI);
        assertTrue(everyMilli.size() > 100, "drew " + everyMilli.size());
        assertEquals(everyMilli, everySevenMillis);
    }

    /** The type and plan of every request a generator seeded with 11 sends, ticking {@code ticks} times. */
    private List<String> requestsDrawn(LoadSettings settings, int ticks, long stepNanos) {
        Dispatcher one = Dispatcher.start("seeded", PoolConfig.builder().workers(1, 1).queueCapacity(100_000).build(),
                Map.of());
        try {
            AtomicLong clock = new AtomicLong(now.get());
            LoadGenerator generator = new LoadGenerator(one, settings, new SplittableRandom(11), clock::get);
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            for (String type : settings.typeMix().keySet()) {
                one.register(type, request -> seen.add(request.type() + " " + request.payload()));
            }
            generator.tick();
            long sent = 0;
            for (int i = 0; i < ticks; i++) {
                clock.addAndGet(stepNanos);
                sent += generator.tick();
            }
            long expected = sent;
            await().atMost(Duration.ofSeconds(10)).until(() -> one.snapshot().completed() == expected);
            return List.copyOf(seen);
        } finally {
            one.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void runsAgainstARealPoolAndStopLeavesNoGeneratorThread() {
        LoadSettings settings = LoadSettings.defaults().withRatePerSecond(500)
                .withMeanServiceTime(Duration.ofMillis(1));
        LoadGenerator generator = LoadGenerator.seeded(pool, settings, 7);
        LongAdder outcomes = new LongAdder();
        generator.setOutcomeListener(o -> outcomes.increment());
        generator.start();
        assertEquals(LoadGenerator.State.RUNNING, generator.state());
        assertTrue(generatorThreadAlive());
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.snapshot().completed() >= 50);

        generator.stop();
        assertFalse(generatorThreadAlive(), "stop() returns once the thread has ended");
        generator.stop();
        assertEquals(LoadGenerator.State.STOPPED, generator.state());
        PoolSnapshot done = drained();
        assertEquals(generator.generated(), done.submitted());
        assertEquals(done.submitted(), done.completed());
        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.sum() == done.submitted());
        assertThrows(IllegalStateException.class, generator::start);
    }

    @Test
    void pauseStopsSubmittingUntilResumed() {
        LoadGenerator generator = new LoadGenerator(pool, noOp(2000, Arrivals.CONSTANT));
        generator.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> generator.generated() > 0);
        generator.pause();
        assertEquals(LoadGenerator.State.PAUSED, generator.state());
        await().atMost(Duration.ofSeconds(5)).until(() -> generatorThreadState() == Thread.State.WAITING);
        long paused = generator.generated();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2))
                .until(() -> generator.generated() == paused);
        generator.resume();
        await().atMost(Duration.ofSeconds(10)).until(() -> generator.generated() > paused);
        generator.stop();
        assertFalse(generatorThreadAlive());
    }

    @Test
    void stopBeforeStartIsHarmless() {
        LoadGenerator generator = onSimulatedClock(noOp(10, Arrivals.CONSTANT));
        generator.stop();
        assertEquals(LoadGenerator.State.STOPPED, generator.state());
    }

    @Test
    void aGeneratorWhoseThreadDiesShowsFailedWithTheCause() {
        IllegalStateException broken = new IllegalStateException("clock broke");
        LoadGenerator generator = new LoadGenerator(pool, noOp(1000, Arrivals.CONSTANT), new SplittableRandom(1),
                () -> {
                    throw broken;
                });
        generator.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> generator.state() == LoadGenerator.State.FAILED);
        assertSame(broken, generator.failure());
        generator.stop();
        assertEquals(LoadGenerator.State.FAILED, generator.state(), "stopping keeps the failure visible");
        assertSame(broken, assertThrows(IllegalStateException.class, generator::start).getCause());
    }

    private PoolSnapshot drained() {
        pool.shutdown(Duration.ofSeconds(5));
        PoolSnapshot s = pool.snapshot();
        assertTrue(s.invariantHolds());
        assertEquals(s.submitted(), s.finished());
        return s;
    }

    private boolean generatorThreadAlive() {
        return generatorThreadState() != null;
    }

    /** The state of the generator thread this test started, or null if none is alive. */
    private Thread.State generatorThreadState() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().equals(LoadGenerator.THREAD_NAME) && t.isAlive())
                .map(Thread::getState).findFirst().orElse(null);
    }

    @Test
    void aStopPartWayThroughABatchSubmitsNothingMore() {
        // A stopped pool refuses at once, so each outcome reaches the listener inside the submit, as a request run
        // by the caller under caller-runs would; the first one stops the generator.
        pool.shutdown(Duration.ofSeconds(5));
        LoadGenerator generator = onSimulatedClock(noOp(100_000, Arrivals.CONSTANT));
        generator.setOutcomeListener(outcome -> generator.stop());
        generator.tick();
        now.addAndGet(10 * MILLI);
        assertEquals(1, generator.tick(), "the batch ends with the stop");
        assertEquals(1, generator.generated());
    }
}
