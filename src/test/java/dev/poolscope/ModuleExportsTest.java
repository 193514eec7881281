package dev.poolscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The module's surface: the engine (with its optional Micrometer binder) and its JMX face are the API; JavaFX
 * alone may start the app and load the views.
 */
class ModuleExportsTest {

    @Test
    void exportsOnlyTheEngineAndItsJmxFaceAndOpensTheViewsToFxmlAlone() {
        ModuleDescriptor module = App.class.getModule().getDescriptor();
        assertNotNull(module, "tests run on the module path");
        Map<String, Set<String>> exports = module.exports().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
        assertEquals(Map.of("dev.poolscope.engine", Set.of(), "dev.poolscope.engine.micrometer", Set.of(),
                "dev.poolscope.jmx", Set.of(), "dev.poolscope", Set.of("javafx.graphics")), exports);
        Map<String, Set<String>> opens = module.opens().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Opens::source, ModuleDescriptor.Opens::targets));
        assertEquals(Map.of("dev.poolscope.view", Set.of("javafx.fxml")), opens);
    }
}
