package dev.poolscope.model;

import dev.poolscope.engine.PoolRates;
import dev.poolscope.engine.PoolSnapshot;

/**
 * One sampler tick: the snapshot, the rates since the previous tick, when it was taken, the scaling policy's
 * latest intent, and the HTTP backend's figures while an HTTP scenario runs.
 *
 * @param seconds        seconds since the sampler started, the charts' x value
 * @param snapshot       the pool at that moment
 * @param rates          per-second rates over the trailing second
 * @param desiredWorkers the size the scaling policy last aimed at (within min and max)
 * @param scalingReason  the policy's last decision with the numbers it used; empty before its first tick
 * @param backend        the HTTP backend's figures, or null when no backend runs (a simulated scenario)
 */
public record Sample(double seconds, PoolSnapshot snapshot, PoolRates rates, int desiredWorkers,
                     String scalingReason, BackendSample backend) {

    /** A sample without a backend. */
    public Sample(double seconds, PoolSnapshot snapshot, PoolRates rates, int desiredWorkers, String scalingReason) {
        this(seconds, snapshot, rates, desiredWorkers, scalingReason, null);
    }

    /** A sample without a policy decision: the desired size is the pool's own. */
    public Sample(double seconds, PoolSnapshot snapshot, PoolRates rates) {
        this(seconds, snapshot, rates, snapshot.poolSize(), "");
    }
}
