package dev.poolscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.poolscope.http.BackendSettings;
import dev.poolscope.http.LatencyShape;
import dev.poolscope.load.Scenario;

class BackendModelTest {

    private final List<BackendSettings> applied = new ArrayList<>();
    private final BackendModel model = new BackendModel(applied::add);
    private final BackendSettings own = Scenario.HTTP_HEALTHY.backend();

    @Test
    void eachChangeAppliesWholeSettingsOnceAndIsLoggedOldToNew() {
        model.show(own);
        model.concurrencyLimitProperty().set(10);
        model.errorPercentProperty().set(5);
        assertEquals(List.of(own.withLimits(10, 64), own.withLimits(10, 64).withErrorRate(0.05)), applied);
        assertEquals("backend errors: log-normal 20 ms, 1% errors, limit 10, 503 above 64 → log-normal 20 ms, 5% "
                + "errors, limit 10, 503 above 64", model.lastChangeProperty().get());
    }

    @Test
    void outOfRangeValuesAreRefusedInScreenWordsAndSnapBack() {
        model.show(own);
        model.meanMillisProperty().set(5000);
        assertEquals("Mean latency (ms) 5,000 is not allowed: must be 0 to 2,000", model.lastRefusalProperty().get());
        assertEquals(20, model.meanMillisProperty().get());
        model.errorPercentProperty().set(150);
        assertEquals("Errors (%) 150 is not allowed: must be 0 to 100", model.lastRefusalProperty().get());
        model.concurrencyLimitProperty().set(0);
        assertEquals("Concurrency limit 0 is not allowed: must be 1 to 64, the 503 limit (raise that first)",
                model.lastRefusalProperty().get());
        assertEquals(List.of(), applied, "nothing was applied");
        assertEquals(own, model.settings());
    }

    @Test
    void theLimitsCannotCross() {
        model.show(own);
        model.concurrencyLimitProperty().set(65);
        assertEquals(32, model.concurrencyLimitProperty().get());
        model.rejectLimitProperty().set(31);
        assertEquals("503 limit 31 is not allowed: must be 32 (the concurrency limit) to 1,000",
                model.lastRefusalProperty().get());
        model.rejectLimitProperty().set(1001);
        assertTrue(model.lastRefusalProperty().get().startsWith("503 limit 1,001 is not allowed"));
        model.rejectLimitProperty().set(100);
        model.concurrencyLimitProperty().set(80);
        assertEquals(own.withLimits(80, 100), model.settings());
    }

    @Test
    void aScenarioWithoutABackendHasNothingToTune() {
        model.show(null);
        assertFalse(model.availableProperty().get());
        model.meanMillisProperty().set(99);
        assertEquals(List.of(), applied);
        assertThrows(IllegalStateException.class, () -> model.set(own));
        model.show(own);
        model.set(own.withShape(LatencyShape.CONSTANT).withMeanLatency(Duration.ofMillis(7)));
        assertEquals(LatencyShape.CONSTANT, model.shapeProperty().get());
        assertEquals(7, model.meanMillisProperty().get());
        assertTrue(model.availableProperty().get());
    }
}
