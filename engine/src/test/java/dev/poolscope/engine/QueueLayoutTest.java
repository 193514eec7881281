package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

/**
 * What submitters write on every offer and what workers write on every take are never in the same cache line of
 * one object: the queue's two ends, and its two sides' counts (with a shared line the benchmark's rates fell by up to
 * half; see docs/BENCHMARKS.md).
 */
class QueueLayoutTest {

    private static final int CACHE_LINE = 64;

    private static long offset(Class<?> type, String field) {
        List<FieldLayout> found = ClassLayout.parseClass(type).fields().stream()
                .filter(f -> f.name().equals(field))
                .toList();
        assertEquals(1, found.size(), () -> type.getSimpleName() + " has one field " + field);
        return found.get(0).offset();
    }

    @Test
    void theChainsHeadIsACacheLineAfterItsTail() {
        long tail = offset(JobChain.class, "last");
        long head = offset(JobChain.class, "head");

        assertTrue(head - tail >= CACHE_LINE, () -> "tail at " + tail + ", head at " + head);
    }

    @Test
    void eachSidesCountsLiveWithItsOwnLock() {
        offset(PutLock.class, "admitted");
        offset(PutLock.class, "requeued");
        offset(TakeLock.class, "taken");
        offset(TakeLock.class, "wakeups");
        assertTrue(ClassLayout.parseClass(RequestQueue.class).fields().stream()
                        .noneMatch(f -> f.typeClass().equals("long")),
                "the queue itself holds no count that either side writes per request");
    }
}
