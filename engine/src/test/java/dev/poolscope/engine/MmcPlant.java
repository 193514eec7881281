package dev.poolscope.engine;

import java.util.SplittableRandom;

/**
 * A simulated M/M/c pool for driving policies tick by tick without threads or real time: Poisson arrivals and
 * exponential service, stepped one millisecond at a time, with the scaler's loop (decide, record, resize idle
 * workers only) around it. Seeded, so every run of a test sees the same load.
 */
final class MmcPlant {

    private static final long MILLI = 1_000_000;

    private final SplittableRandom random;
    private final PoolConfig config;
    private final ScalingHistory history = new ScalingHistory();
    private final double serviceMillis;
    private final int tickMillis;
    double arrivalsPerSecond;
    int workers;
    private int busy;
    private long queued;
    private long now = Inputs.NOW;
    int grew;
    int shrank;
    int directionChanges;
    private int lastDirection;

    MmcPlant(long seed, PoolConfig config, double arrivalsPerSecond, double serviceMillis, int tickMillis) {
        this.random = new SplittableRandom(seed);
        this.config = config;
        this.arrivalsPerSecond = arrivalsPerSecond;
        this.serviceMillis = serviceMillis;
        this.tickMillis = tickMillis;
        this.workers = config.minWorkers();
    }

    /** Runs one tick of load, then one scaling decision; returns the change in workers. */
    int tick() {
        long arrived = 0;
        long ended = 0;
        long busyMillis = 0;
        for (int ms = 0; ms < tickMillis; ms++) {
            long k = poisson(arrivalsPerSecond / 1000);
            arrived += k;
            queued += k;
            int done = 0;
            for (int i = 0; i < busy; i++) {
                if (random.nextDouble() < 1 / serviceMillis) {
                    done++;
                }
            }
            busy -= done;
            ended += done;
            while (busy < workers && queued > 0) {
                busy++;
                queued--;
            }
            busyMillis += busy;
        }
        now += tickMillis * MILLI;
        double seconds = tickMillis / 1000.0;
        ScalingInput in = new ScalingInput(now, config, workers, busy, queued, seconds, arrived / seconds,
                serviceMillis / 1000, busyMillis / (double) tickMillis, (long) (4.6 * serviceMillis * MILLI), ended, 0);
        ScalingDecision d = config.scalingPolicy().decide(in, history);
        history.recommend(now, d.recommended());
        int target = Math.max(config.minWorkers(), Math.min(config.maxWorkers(), d.next(workers)));
        int next = target < workers ? Math.max(target, Math.min(workers, busy)) : target;
        int change = next - workers;
        if (change != 0) {
            history.changed(now, change > 0);
            int direction = Integer.signum(change);
            if (lastDirection != 0 && direction != lastDirection) {
                directionChanges++;
            }
            lastDirection = direction;
            if (change > 0) {
                grew++;
            } else {
                shrank++;
            }
        }
        workers = next;
        return change;
    }

    int events() {
        return grew + shrank;
    }

    void resetCounts() {
        grew = 0;
        shrank = 0;
        directionChanges = 0;
    }

    private long poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
