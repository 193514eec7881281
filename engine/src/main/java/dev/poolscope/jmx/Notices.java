package dev.poolscope.jmx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

import dev.poolscope.engine.DropReason;
import dev.poolscope.engine.ScalingEvent;

/**
 * {@link PoolMXBean}'s notifications, their descriptions, and their user data as open-type composites a client
 * reads without PoolScope's classes. (Attributes need no such code: the MXBean framework maps their records.) Drop
 * counts have the same type name and items as the {@code dropped} item of a snapshot.
 */
final class Notices {

    static final CompositeType SCALING = type(ScalingEvent.class.getName(), "one scaling decision",
            new String[] {"sequence", "timeMillis", "sizeBefore", "sizeAfter", "queueDepth", "threshold",
                    "shrinkBelow", "reason"},
            new String[] {"increases by one per decision of this pool", "when it was taken, epoch milliseconds",
                    "pool size before", "pool size it aims at", "queued requests when it was taken",
                    "the load threshold in force", "queue depth below which the pool shrinks",
                    "why, e.g. LOAD_ABOVE_THRESHOLD or MAX_LOWERED"},
            new OpenType<?>[] {SimpleType.LONG, SimpleType.LONG, SimpleType.INTEGER, SimpleType.INTEGER,
                    SimpleType.INTEGER, SimpleType.INTEGER, SimpleType.DOUBLE, SimpleType.STRING});

    static final CompositeType DROPS = type(DropCounts.class.getName(), "requests dropped, by reason",
            new String[] {"queueFull", "evicted", "blockTimeout", "shuttingDown", "total"},
            new String[] {"refused because the queue was full (DROP_NEWEST)",
                    "pushed out of a full queue by a newer request (DROP_OLDEST)",
                    "waited the block timeout for room in vain (BLOCK)", "submitted after shutdown began",
                    "dropped for any reason"},
            new OpenType<?>[] {SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, SimpleType.LONG,
                    SimpleType.LONG});

    private Notices() {
    }

    /** What a {@link PoolMXBean} sends, for JMX clients to discover. */
    static MBeanNotificationInfo[] info() {
        return new MBeanNotificationInfo[] {
                new MBeanNotificationInfo(new String[] {AttributeChangeNotification.ATTRIBUTE_CHANGE},
                        AttributeChangeNotification.class.getName(),
                        "a config attribute changed, through JMX or otherwise; who changed it is not known"),
                new MBeanNotificationInfo(new String[] {PoolMXBean.SCALING_NOTIFICATION},
                        Notification.class.getName(),
                        "a scaling decision; the message describes it, user data is a composite of the ScalingEvent"),
                new MBeanNotificationInfo(new String[] {PoolMXBean.DROPS_NOTIFICATION}, Notification.class.getName(),
                        "requests were dropped; user data (DropCounts) counts them by reason since the previous"
                                + " notice, at most one per " + PoolJmx.TICK_MILLIS + " ms"),
        };
    }

    static Notification scaling(ObjectName source, long sequence, ScalingEvent event) {
        Notification n = new Notification(PoolMXBean.SCALING_NOTIFICATION, source, sequence,
                event.time().toEpochMilli(), event.describe());
        n.setUserData(scalingData(event));
        return n;
    }

    static Notification drops(ObjectName source, long sequence, Map<DropReason, Long> burst) {
        StringJoiner byReason = new StringJoiner(", ");
        burst.forEach((reason, count) -> {
            if (count > 0) {
                byReason.add(reason + " " + count);
            }
        });
        DropCounts counts = DropCounts.of(burst);
        Notification n = new Notification(PoolMXBean.DROPS_NOTIFICATION, source, sequence,
                counts.total() + " requests dropped: " + byReason);
        n.setUserData(dropsData(counts));
        return n;
    }

    static AttributeChangeNotification configChange(ObjectName source, long sequence, ConfigChanges.Change c) {
        String attribute = c.attribute().attributeName;
        return new AttributeChangeNotification(source, sequence, System.currentTimeMillis(),
                attribute + " changed (by whom is not known)", attribute, c.attribute().type, c.oldValue(),
                c.newValue());
    }

    private static CompositeData scalingData(ScalingEvent e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sequence", e.sequence());
        v.put("timeMillis", e.time().toEpochMilli());
        v.put("sizeBefore", e.sizeBefore());
        v.put("sizeAfter", e.sizeAfter());
        v.put("queueDepth", e.queueDepth());
        v.put("threshold", e.threshold());
        v.put("shrinkBelow", e.shrinkBelow());
        v.put("reason", e.reason().name());
        return data(SCALING, v);
    }

    private static CompositeData dropsData(DropCounts d) {
        return data(DROPS, Map.of("queueFull", d.queueFull(), "evicted", d.evicted(),
                "blockTimeout", d.blockTimeout(), "shuttingDown", d.shuttingDown(), "total", d.total()));
    }

    private static CompositeData data(CompositeType type, Map<String, ?> values) {
        try {
            return new CompositeDataSupport(type, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException("the values do not fit " + type.getTypeName(), e);
        }
    }

    private static CompositeType type(String name, String description, String[] items, String[] descriptions,
                                      OpenType<?>[] types) {
        try {
            return new CompositeType(name, description, items, descriptions, types);
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
