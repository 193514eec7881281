package dev.poolscope.jmx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.poolscope.engine.PoolConfig;

/**
 * Finds which config attributes changed since it last looked. The engine has no config-change event, so the JMX
 * bean compares the config in force with the last one it saw: right after its own writes, and on every tick for
 * changes made any other way. Who made a change is therefore not known.
 */
final class ConfigChanges {

    /** One attribute's change. */
    record Change(ConfigAttribute attribute, Object oldValue, Object newValue) {
    }

    // Guarded by this: the JMX thread and writing clients' threads both look (DispatcherBean holds it while sending).
    private PoolConfig lastSeen;

    ConfigChanges(PoolConfig initial) {
        lastSeen = initial;
    }

    /** The attributes that differ between the last config seen and {@code now}, which becomes the last seen. */
    synchronized List<Change> since(PoolConfig now) {
        List<Change> changes = new ArrayList<>();
        for (ConfigAttribute a : ConfigAttribute.values()) {
            Object before = a.valueIn(lastSeen);
            Object after = a.valueIn(now);
            if (!Objects.equals(before, after)) {
                changes.add(new Change(a, before, after));
            }
        }
        lastSeen = now;
        return changes;
    }
}
