package dev.poolscope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.http.BackendSettings;

class ScenarioTest {

    @Test
    void theBrownOutOfTheLongestBackendMeanStaysAValidSetting() {
        BackendSettings slowest = Scenario.HTTP_BROWNOUT.backend().withMeanLatency(BackendSettings.MAX_MEAN_LATENCY);
        assertEquals(BackendSettings.MAX_MEAN_LATENCY, Scenario.HTTP_BROWNOUT.backendAt(15, slowest).meanLatency());
        BackendSettings slow = Scenario.HTTP_BROWNOUT.backend().withMeanLatency(Duration.ofMillis(401));
        assertEquals(BackendSettings.MAX_MEAN_LATENCY, Scenario.HTTP_BROWNOUT.backendAt(15, slow).meanLatency());
        BackendSettings usual = Scenario.HTTP_BROWNOUT.backend();
        assertEquals(usual.meanLatency().multipliedBy(5), Scenario.HTTP_BROWNOUT.backendAt(15, usual).meanLatency());
    }

    @Test
    void burstSpikesToTenTimesThenQuietsAgain() {
        LoadSettings base = Scenario.BURST.baseSettings();
        double quiet = base.ratePerSecond();
        assertEquals(quiet, Scenario.BURST.rateAt(0, base));
        assertEquals(quiet, Scenario.BURST.rateAt(4.9, base));
        assertEquals(10 * quiet, Scenario.BURST.rateAt(5.5, base));
        assertEquals(10 * quiet, Scenario.BURST.rateAt(6.9, base));
        assertEquals(quiet, Scenario.BURST.rateAt(7.1, base));
        assertEquals(10 * quiet, Scenario.BURST.rateAt(12.5, base), "the spike repeats every 7 s");
    }

    @Test
    void rampRisesLinearlyForAMinuteThenHolds() {
        LoadSettings base = Scenario.RAMP.baseSettings();
        double top = base.ratePerSecond();
        assertEquals(0.1 * top, Scenario.RAMP.rateAt(0, base), 1e-9);
        assertTrue(Scenario.RAMP.rateAt(10, base) < Scenario.RAMP.rateAt(20, base));
        assertEquals(top, Scenario.RAMP.rateAt(60, base), 1e-9);
        assertEquals(top, Scenario.RAMP.rateAt(600, base), 1e-9);
    }

    @Test
    void sineRisesAndFallsWithinTenToHundredPercentEveryThirtySeconds() {
        LoadSettings base = Scenario.SINE.baseSettings();
        double top = base.ratePerSecond();
        assertEquals(top, Scenario.SINE.rateAt(7.5, base), 1e-6);
        assertEquals(0.1 * top, Scenario.SINE.rateAt(22.5, base), 1e-6);
        for (double t = 0; t < 60; t += 0.25) {
            double r = Scenario.SINE.rateAt(t, base);
            assertTrue(r >= 0.1 * top - 1e-6 && r <= top + 1e-6, "rate " + r + " at " + t);
            assertEquals(r, Scenario.SINE.rateAt(t + 30, base), 1e-6);
        }
    }

    @Test
    void rateFunctionsFollowTheBaseRateTheUserSets() {
        LoadSettings base = Scenario.BURST.baseSettings().withRatePerSecond(50);
        assertEquals(500, Scenario.BURST.rateAt(6, base));
        assertEquals(1234, Scenario.STEADY.rateAt(3, Scenario.STEADY.baseSettings().withRatePerSecond(1234)));
    }

    @Test
    void flakyAndSlowDownstreamsSetTheirDistinctiveSettings() {
        LoadSettings flaky = Scenario.FLAKY_DOWNSTREAM.baseSettings();
        assertEquals(0.3, flaky.failureProbability());
        assertTrue(flaky.hangProbability() > 0);
        LoadSettings slow = Scenario.SLOW_DOWNSTREAM.baseSettings();
        assertEquals(ServiceTime.LOG_NORMAL, slow.serviceTime());
        PoolConfig pool = Scenario.suggestedConfig();
        double busyWorkersWanted = slow.ratePerSecond() * slow.meanServiceTime().toNanos() / 1e9;
        assertTrue(busyWorkersWanted > pool.maxWorkers(), "slow downstream must need more than max workers");
    }

    @Test
    void steadyStaysWellBelowWhatMinWorkersCanServe() {
        LoadSettings steady = Scenario.STEADY.baseSettings();
        double busyWorkersWanted = steady.ratePerSecond() * steady.meanServiceTime().toNanos() / 1e9;
        assertTrue(busyWorkersWanted < Scenario.suggestedConfig().minWorkers() / 2.0);
    }

    @Test
    void everyScenarioHasANameADescriptionAndAPositiveRate() {
        for (Scenario s : Scenario.values()) {
            assertFalse(s.displayName().isBlank());
            assertTrue(s.description().endsWith("."), s + " description is one sentence");
            for (double t = 0; t < 120; t += 0.5) {
                assertTrue(s.rateAt(t, s.baseSettings()) >= LoadSettings.MIN_RATE);
            }
        }
    }

    @Test
    void suggestedConfigIsTheDashboardDefault() {
        PoolConfig c = Scenario.suggestedConfig();
        assertEquals(2, c.minWorkers());
        assertEquals(16, c.maxWorkers());
        assertEquals(50, c.loadThreshold());
        assertEquals(2000, c.queueCapacity());
        assertEquals(Duration.ofMillis(500), c.requestTimeout());
        assertEquals(2, c.maxRetries());
    }

    @Test
    void theSaturatingBackendServesFewerCallsAtFullSpeedThanThePoolMayRun() {
        BackendSettings backend = Scenario.HTTP_SATURATES.backend();
        LoadSettings load = Scenario.HTTP_SATURATES.baseSettings();
        double callsWanted = load.ratePerSecond() * backend.meanLatency().toNanos() / 1e9;
        assertTrue(backend.concurrencyLimit() < callsWanted, "the load must saturate the backend");
        assertTrue(backend.concurrencyLimit() < Scenario.suggestedConfig().maxWorkers(),
                "max workers must be able to overload it");
    }

    @Test
    void onlyTheHttpScenariosHaveABackend() {
        for (Scenario s : Scenario.values()) {
            boolean http = s.name().startsWith("HTTP_");
            assertEquals(http, s.backend() != null, s.name());
            if (http) {
                assertEquals(Map.of(Scenario.PROXY_TYPE, 1.0), s.baseSettings().typeMix());
            }
        }
    }
}
