package dev.poolscope.engine;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Helpers shared by the engine tests: uniquely named pools, gates that hold workers, thread checks. */
final class Pools {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Pools() {
    }

    /** A pool with a name no other test uses, so leaked threads can be traced to it. */
    static Dispatcher start(PoolConfig config, Map<String, Handler> handlers) {
        return Dispatcher.start(uniqueName(), config, handlers);
    }

    /** A pool name no other test uses. */
    static String uniqueName() {
        return "poolscope-t" + SEQUENCE.incrementAndGet();
    }

    /**
     * The value {@code f} already holds, failing at once if it has none: once a shutdown has returned, or a
     * submission was refused, the outcome is given, and waiting for it would only let a mutant time out slowly.
     */
    static <T> T settled(CompletableFuture<T> f) {
        if (!f.isDone()) {
            throw new AssertionError("not settled yet: " + f);
        }
        return f.join();
    }

    /** A config whose scaler effectively never ticks on its own, for tests that drive decisions by hand. */
    static PoolConfig.Builder quiet() {
        return PoolConfig.builder().scalingTick(Duration.ofSeconds(60));
    }

    /** Names of live threads that belong to {@code pool}. */
    static Set<String> threadsOf(Dispatcher pool) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(pool.name + "-"))
                .collect(Collectors.toSet());
    }

    static void awaitNoThreads(Dispatcher pool) {
        await().atMost(Duration.ofSeconds(10)).until(() -> threadsOf(pool).isEmpty());
    }

    /**
     * Holds {@code pool}'s scheduler thread (scaler, watchdog scans, retry timers) until the returned latch is
     * counted down or the scheduler is shut down, so only what a test does by hand happens meanwhile.
     */
    static CountDownLatch parkScheduler(Dispatcher pool) throws InterruptedException {
        CountDownLatch parked = new CountDownLatch(1);
        CountDownLatch unpark = new CountDownLatch(1);
        pool.scheduler.execute(() -> {
            parked.countDown();
            try {
                unpark.await();
            } catch (InterruptedException stopped) {
                // The pool's shutdown stopped the scheduler.
            }
        });
        if (!parked.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the scheduler thread did not pick the parking task up");
        }
        return unpark;
    }

    /**
     * A handler whose first attempt waits until the test lets it fail, and whose later attempts return
     * {@code "retried"}: for retry decisions taken while the first attempt runs.
     */
    static final class FailsFirstWhenLetGo implements Handler {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch letFail = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Object handle(Request request) throws InterruptedException {
            if (calls.incrementAndGet() == 1) {
                entered.countDown();
                letFail.await();
                throw new IllegalStateException("first attempt");
            }
            return "retried";
        }

        void awaitEntered() throws InterruptedException {
            if (!entered.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the first attempt never started");
            }
        }
    }

    /** A handler that holds its worker until the gate opens, and counts who entered. */
    static final class Gate implements Handler {
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger entered = new AtomicInteger();

        @Override
        public Object handle(Request request) throws InterruptedException {
            entered.incrementAndGet();
            open.await();
            return request.payload();
        }

        void release() {
            open.countDown();
        }

        void awaitEntered(int n) {
            await().atMost(Duration.ofSeconds(10)).until(() -> entered.get() >= n);
        }
    }

    /** A handler that ignores interruption until the test lets it go: the "stuck" handler. */
    static final class Stubborn implements Handler {
        final CountDownLatch letGo = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicInteger interrupts = new AtomicInteger();

        @Override
        public Object handle(Request request) {
            started.countDown();
            while (true) {
                try {
                    letGo.await();
                    return "finally";
                } catch (InterruptedException e) {
                    interrupts.incrementAndGet();
                }
            }
        }
    }
}
