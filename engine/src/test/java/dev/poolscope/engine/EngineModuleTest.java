package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The engine module a service embeds: its API packages, and no JavaFX anywhere in what it needs. */
class EngineModuleTest {

    private final ModuleDescriptor module = PoolScope.class.getModule().getDescriptor();

    @Test
    void exportsThePoolItsMicrometerBinderAndItsJmxFaceToEveryone() {
        assertNotNull(module, "tests run on the module path");
        assertEquals("dev.poolscope.engine", module.name());
        Map<String, Set<String>> exports = module.exports().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
        assertEquals(Map.of("dev.poolscope.engine", Set.of(), "dev.poolscope.engine.micrometer", Set.of(),
                "dev.poolscope.jmx", Set.of()), exports);
        assertTrue(module.opens().isEmpty(), "nothing opened for reflection");
    }

    @Test
    void needsNoJavaFxAndMicrometerOnlyWhenAServiceBindsItsMeters() {
        Map<String, Set<ModuleDescriptor.Requires.Modifier>> requires = module.requires().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Requires::name, ModuleDescriptor.Requires::modifiers));
        assertTrue(requires.keySet().stream().noneMatch(name -> name.startsWith("javafx")), requires::toString);
        assertTrue(requires.get("micrometer.core").contains(ModuleDescriptor.Requires.Modifier.STATIC),
                "Micrometer is optional");
        assertTrue(requires.containsKey("HdrHistogram"));
    }

    @Test
    void itsOneLibraryIsARealNamedModuleThatJlinkTakes() {
        ModuleDescriptor hdr = org.HdrHistogram.Histogram.class.getModule().getDescriptor();
        assertNotNull(hdr, "HdrHistogram is on the module path");
        assertEquals("HdrHistogram", hdr.name());
        assertTrue(!hdr.isAutomatic(), "poolscope-hdrhistogram carries a module descriptor");
    }
}
