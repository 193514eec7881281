package dev.poolscope.jmx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.poolscope.engine.PoolConfig;

/**
 * Which config attributes one change of the pool's config changed, as the engine reports it
 * ({@link dev.poolscope.engine.PoolListener#onConfigChange}). The engine does not say who made it.
 */
final class ConfigChanges {

    /** One attribute's change. */
    record Change(ConfigAttribute attribute, Object oldValue, Object newValue) {
    }

    private ConfigChanges() {
    }

    /** The attributes that differ between {@code before} and {@code after}, in {@link ConfigAttribute} order. */
    static List<Change> between(PoolConfig before, PoolConfig after) {
        List<Change> changes = new ArrayList<>();
        for (ConfigAttribute a : ConfigAttribute.values()) {
            Object was = a.valueIn(before);
            Object is = a.valueIn(after);
            if (!Objects.equals(was, is)) {
                changes.add(new Change(a, was, is));
            }
        }
        return changes;
    }
}
