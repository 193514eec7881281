package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.datamodel.Model64;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;
import org.openjdk.jol.layouters.HotSpotLayouter;

/**
 * What submitters write on every offer and what workers write on every take never share a cache line of one object:
 * the queue's two ends, and its two sides' counts (sharing one, the engine ran the throughput benchmark at as little
 * as 0.38× its rate; see docs/BENCHMARKS.md, item 10).
 */
class QueueLayoutTest {

    private static final int CACHE_LINE = 64;
    private static final int JDK = 17;

    static {
        // Layouts of this JVM need no agent or debugger attach; without these JOL tries both, and warns.
        System.setProperty("jol.skipHotspotSAAttach", "true");
        System.setProperty("jol.skipDynamicAttach", "true");
    }

    /** This JVM's layout, then HotSpot's with and without compressed references and class pointers. */
    private static Stream<ClassLayout> layouts(Class<?> type) {
        return Stream.of(ClassLayout.parseClass(type),
                simulated(type, true, true), simulated(type, false, true),
                simulated(type, true, false), simulated(type, false, false));
    }

    private static ClassLayout simulated(Class<?> type, boolean compressedRefs, boolean compressedClass) {
        return ClassLayout.parseClass(type, new HotSpotLayouter(new Model64(compressedRefs, compressedClass), JDK));
    }

    private static long offset(ClassLayout layout, String field) {
        List<FieldLayout> found = layout.fields().stream().filter(f -> f.name().equals(field)).toList();
        assertEquals(1, found.size(), () -> "one field " + field + " in\n" + layout.toPrintable());
        return found.get(0).offset();
    }

    @Test
    void everyFieldTakersTouchIsACacheLineAfterTheTail() {
        layouts(JobChain.class).forEach(layout -> {
            long tail = offset(layout, "last");
            List<FieldLayout> takeSide = layout.fields().stream()
                    .filter(f -> !f.hostClass().endsWith("JobChainTail") && !f.hostClass().endsWith("JobChainPadding"))
                    .toList();
            assertEquals(List.of("head", "putBackRun"), takeSide.stream().map(FieldLayout::name).sorted().toList());
            for (FieldLayout f : takeSide) {
                assertTrue(f.offset() - tail >= CACHE_LINE,
                        () -> f.name() + " within a cache line of the tail:\n" + layout.toPrintable());
            }
        });
    }

    @Test
    void eachSidesCountsLiveWithItsOwnLockNotInTheQueue() {
        layouts(PutLock.class).forEach(layout -> {
            offset(layout, "admitted");
            offset(layout, "requeued");
        });
        layouts(TakeLock.class).forEach(layout -> {
            offset(layout, "taken");
            offset(layout, "wakeups");
        });
        List<String> queueFields = ClassLayout.parseClass(RequestQueue.class).fields().stream()
                .map(FieldLayout::name).toList();
        for (String count : List.of("admitted", "requeued", "taken", "wakeups")) {
            assertFalse(queueFields.contains(count), () -> count + " is back in the queue object: " + queueFields);
        }
    }
}
