package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --compare} opens the A/B window, fed one scenario of simulated work. */
class CompareFlagTest {

    @Test
    void opensTheWindowWithTheGivenPoolAndScenario() {
        Options o = Options.parse("--compare", "--scenario", "burst", "--max", "8", "--scaling", "backlog");
        assertEquals(Options.Mode.WINDOW, o.mode());
        assertEquals(8, o.pool().maxWorkers());
        assertEquals("backlog", o.pool().scalingPolicy().name());
    }

    @Test
    void isRefusedWithAHeadlessModeARemotePoolOrAnHttpScenario() {
        assertEquals("--compare opens the A/B window: it cannot be combined with --headless",
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--compare", "--headless"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--compare", "--connect", "4242"))
                .getMessage().startsWith("--compare cannot be combined with --connect"));
        assertEquals("--compare cannot run --scenario http-healthy: an HTTP scenario drives one pool; pick one of "
                        + "steady, burst, ramp, sine, flaky, slow",
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--compare", "--scenario",
                        "http-healthy")).getMessage());
    }

    @Test
    void theHelpListsIt() {
        assertTrue(Usage.text().contains("--compare"));
    }
}
