package dev.poolscope.engine;

/**
 * Erlang's C formula for an M/M/c queue: the probability that an arriving request has to wait, for c workers and
 * an offered load of a = λS Erlangs. Computed through the Erlang B recursion, which is exact and stable for
 * thousands of workers (no factorials): B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)); C = c·B / (c − a(1 − B)).
 */
public final class ErlangC {

    private ErlangC() {
    }

    /** P(wait) with {@code workers} workers and {@code offeredLoad} Erlangs; 1 when the load meets or exceeds them. */
    public static double waitProbability(int workers, double offeredLoad) {
        if (offeredLoad <= 0) {
            return 0;
        }
        if (workers <= offeredLoad) {
            return 1;
        }
        double b = 1;
        for (int k = 1; k <= workers; k++) {
            b = offeredLoad * b / (k + offeredLoad * b);
        }
        return workers * b / (workers - offeredLoad * (1 - b));
    }

    /** Predicted mean queue wait Wq = C × S / (c − a), in the unit of {@code meanService}; infinite when overloaded. */
    public static double meanWait(int workers, double offeredLoad, double meanService) {
        if (workers <= offeredLoad) {
            return Double.POSITIVE_INFINITY;
        }
        return waitProbability(workers, offeredLoad) * meanService / (workers - offeredLoad);
    }

    /** The fewest workers, up to {@code limit}, whose P(wait) is at most {@code target}; {@code limit} if none is. */
    public static int workersFor(double offeredLoad, double target, int limit) {
        int c = Math.max(1, (int) Math.floor(offeredLoad) + 1);
        while (c < limit && waitProbability(c, offeredLoad) > target) {
            c++;
        }
        return Math.min(c, limit);
    }
}
