package dev.poolscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The app's module is no API: JavaFX alone may start the app and load the views; the engine module is the API. */
class ModuleExportsTest {

    @Test
    void exportsNothingButTheAppToJavaFxAndOpensTheViewsToFxmlAlone() {
        ModuleDescriptor module = App.class.getModule().getDescriptor();
        assertNotNull(module, "tests run on the module path");
        Map<String, Set<String>> exports = module.exports().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
        assertEquals(Map.of("dev.poolscope", Set.of("javafx.graphics")), exports);
        Map<String, Set<String>> opens = module.opens().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Opens::source, ModuleDescriptor.Opens::targets));
        assertEquals(Map.of("dev.poolscope.view", Set.of("javafx.fxml")), opens);
    }

    @Test
    void theAppUsesTheEngineFromItsOwnModule() {
        Module engine = dev.poolscope.engine.PoolScope.class.getModule();
        assertEquals("dev.poolscope.engine", engine.getName());
        assertEquals(true, App.class.getModule().canRead(engine));
    }
}
