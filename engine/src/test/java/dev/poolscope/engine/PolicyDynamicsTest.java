package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Policies driven tick by tick against a simulated M/M/c pool: how fast they react, and how calm they stay. */
class PolicyDynamicsTest {

    private static final int TICK_MILLIS = 100;

    private static PoolConfig pool(String policy) {
        return PoolConfig.builder().workers(2, 16).loadThreshold(50).queueCapacity(2000)
                .scalingTick(Duration.ofMillis(TICK_MILLIS)).scalingPolicy(ScalingPolicy.withDefaults(policy)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"threshold", "hpa", "backlog", "capacity", "aimd"})
    void addsItsFirstWorkerWithinTwoTicksOfASustainedStep(String policy) {
        // 100/s of 10 ms work (one busy worker) steps to 1,000/s (ten).
        MmcPlant plant = new MmcPlant(7, pool(policy), 100, 10, TICK_MILLIS);
        for (int i = 0; i < 50; i++) {
            plant.tick();
        }
        int before = plant.workers;
        plant.arrivalsPerSecond = 1000;
        int ticks = 0;
        while (plant.workers <= before && ticks < 2) {
            plant.tick();
            ticks++;
        }
        assertTrue(plant.workers > before, policy + " still at " + plant.workers + " after 2 ticks");
    }

    @Test
    void theDefaultMakesAtMostTwoEventsAMinuteOnASteadyLoadOnceSettled() {
        // 1,100/s of 10 ms work keeps 11 workers busy; settle for 5 s, then count for a minute.
        MmcPlant plant = new MmcPlant(1, pool("threshold"), 1100, 10, TICK_MILLIS);
        for (int i = 0; i < 50; i++) {
            plant.tick();
        }
        plant.resetCounts();
        for (int i = 0; i < 600; i++) {
            plant.tick();
        }
        assertTrue(plant.events() <= 2, plant.events() + " events in a minute at " + plant.workers + " workers");
    }

    @Test
    void theDefaultChangesDirectionAtMostTwicePerBurstCycle() {
        // The Burst scenario: 5 s at 100/s, 2 s at 1,000/s, of 10 ms work; six cycles after a first one.
        MmcPlant plant = new MmcPlant(3, pool("threshold"), 100, 10, TICK_MILLIS);
        int cycles = 7;
        for (int cycle = 0; cycle < cycles; cycle++) {
            if (cycle == 1) {
                plant.resetCounts();
            }
            plant.arrivalsPerSecond = 100;
            for (int i = 0; i < 50; i++) {
                plant.tick();
            }
            plant.arrivalsPerSecond = 1000;
            for (int i = 0; i < 20; i++) {
                plant.tick();
            }
        }
        assertTrue(plant.directionChanges <= 2 * (cycles - 1), plant.directionChanges + " direction changes");
        assertTrue(plant.shrank > 0, "the pool shrinks between spikes");
    }
}
