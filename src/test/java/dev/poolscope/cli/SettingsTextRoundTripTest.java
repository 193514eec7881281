package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.poolscope.engine.OverflowPolicy;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.model.SettingsText;

/** "Copy settings" gives text that brings back the same settings: flags parse to them, properties name them. */
class SettingsTextRoundTripTest {

    private final PoolConfig tuned = PoolConfig.builder().workers(3, 40).loadThreshold(77).queueCapacity(1234)
            .overflowPolicy(OverflowPolicy.DROP_OLDEST).requestTimeout(Duration.ofMillis(250)).maxRetries(2).build();

    @Test
    void theFlagsParseBackToTheSameSettings() {
        PoolConfig parsed = Options.parse(SettingsText.cliFlags(tuned).split(" ")).pool();
        assertEquals(tuned.minWorkers(), parsed.minWorkers());
        assertEquals(tuned.maxWorkers(), parsed.maxWorkers());
        assertEquals(tuned.loadThreshold(), parsed.loadThreshold());
        assertEquals(tuned.queueCapacity(), parsed.queueCapacity());
        assertEquals(tuned.overflowPolicy(), parsed.overflowPolicy());
        assertEquals(tuned.requestTimeout(), parsed.requestTimeout());
        assertEquals(tuned.maxRetries(), parsed.maxRetries());
    }

    @Test
    void thePropertiesNameEverySettingAsTheMxBeanDoes() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(SettingsText.properties(tuned)));
        assertEquals("40", p.getProperty("maxWorkers"));
        assertEquals("DROP_OLDEST", p.getProperty("overflowPolicy"));
        assertEquals("250", p.getProperty("requestTimeoutMillis"));
        assertEquals(8, p.size());
    }

    @Test
    void theBuilderCodeSetsEverySetting() {
        String code = SettingsText.builderCode(tuned);
        assertTrue(code.contains(".workers(3, 40)") && code.contains(".overflowPolicy(OverflowPolicy.DROP_OLDEST)")
                && code.contains(".requestTimeout(Duration.ofMillis(250))") && code.endsWith(".build();"
                + System.lineSeparator()), code);
    }
}
