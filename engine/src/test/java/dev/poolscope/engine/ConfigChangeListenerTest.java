package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Listeners hear every applied config change, before and after, in the order the changes took effect, even when
 * several threads retune the pool at once; refused changes are not heard, and a throwing listener refuses nothing.
 */
@Timeout(20)
class ConfigChangeListenerTest {

    /** One change as a listener heard it. */
    private record Change(PoolConfig before, PoolConfig after) {
    }

    private final Dispatcher pool = Pools.start(Pools.quiet().workers(1, 8).build(), Map.of());
    private final List<Change> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdown(Duration.ofSeconds(5));
    }

    private void listen() {
        pool.addListener(new PoolListener() {
            @Override
            public void onConfigChange(PoolConfig before, PoolConfig after) {
                heard.add(new Change(before, after));
            }
        });
    }

    @Test
    void hearsEachChangeWithTheConfigBeforeAndAfter() {
        listen();
        PoolConfig initial = pool.config();

        pool.setMaxWorkers(5);
        pool.setMaxWorkers(6);
        pool.setMaxWorkers(7);
        pool.setMaxWorkers(6);

        assertEquals(List.of(8, 5, 6, 7), heard.stream().map(c -> c.before().maxWorkers()).toList());
        assertEquals(List.of(5, 6, 7, 6), heard.stream().map(c -> c.after().maxWorkers()).toList());
        assertSame(initial, heard.get(0).before());
        assertSame(pool.config(), heard.get(3).after());
    }

    @Test
    void aRefusedChangeIsNotHeard() {
        listen();

        assertThrows(IllegalArgumentException.class, () -> pool.setMaxWorkers(0));

        assertEquals(List.of(), heard);
    }

    @Test
    void aThrowingListenerRefusesNothingAndTheOthersStillHear() {
        pool.addListener(new PoolListener() {
            @Override
            public void onConfigChange(PoolConfig before, PoolConfig after) {
                throw new AssertionError("a listener's bug");
            }
        });
        listen();

        pool.setLoadThreshold(40);

        assertEquals(40, pool.config().loadThreshold());
        assertEquals(1, heard.size());
    }

    @Test
    void concurrentWritersAreHeardOncePerChangeChainedInTheOrderTheyTookEffect() throws Exception {
        listen();
        PoolConfig initial = pool.config();
        int threads = 4;
        int writes = 200;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = 10 + t * writes;
                done.add(writers.submit(() -> {
                    go.await();
                    for (int i = 0; i < writes; i++) {
                        pool.setMaxWorkers(first + i);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdown();
        }

        assertEquals(threads * writes, heard.size());
        PoolConfig previous = initial;
        for (Change c : heard) {
            assertSame(previous, c.before(), "each change starts from the one heard before it");
            previous = c.after();
        }
        assertSame(pool.config(), previous);
    }
}
