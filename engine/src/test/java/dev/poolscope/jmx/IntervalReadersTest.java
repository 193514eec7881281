package dev.poolscope.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;

/** JMX clients' readers: used ones stay, unused ones expire, and their number is bounded. */
@Timeout(30)
class IntervalReadersTest {

    private final AtomicLong clock = new AtomicLong();
    private final Dispatcher pool = RegisteredPools.start(PoolConfig.defaults(), Map.of());
    private final IntervalReaders readers = new IntervalReaders(pool, 10, clock::get);

    @AfterEach
    void stop() {
        pool.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void aReaderUnusedForTheExpiryTimeIsClosedAndAUsedOneStays() {
        long idle = readers.open();
        long busy = readers.open();

        clock.addAndGet(TimeUnit.MINUTES.toNanos(6));
        readers.read(busy);
        clock.addAndGet(TimeUnit.MINUTES.toNanos(4));
        readers.expireUnused();

        readers.read(busy);
        IllegalArgumentException gone = assertThrows(IllegalArgumentException.class, () -> readers.read(idle));
        assertEquals("reader " + idle + " is not open: it was never opened, was closed, or expired after 10 minutes"
                + " unused; open a new one with openReader", gone.getMessage());
    }

    @Test
    void refusesMoreReadersThanTheLimit() {
        for (int i = 0; i < IntervalReaders.LIMIT; i++) {
            readers.open();
        }
        IllegalStateException full = assertThrows(IllegalStateException.class, readers::open);
        assertEquals("64 readers are open on this pool: close one with closeReader, or wait for unused ones to"
                + " expire after 10 minutes", full.getMessage());
        assertEquals(IntervalReaders.LIMIT, readers.size());
    }
}
