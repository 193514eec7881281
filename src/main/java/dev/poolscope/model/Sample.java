package dev.poolscope.model;

import dev.poolscope.engine.PoolRates;
import dev.poolscope.engine.PoolSnapshot;

/**
 * One sampler tick: the snapshot, the rates since the previous tick, when it was taken, and the scaling policy's
 * latest intent.
 *
 * @param seconds        seconds since the sampler started, the charts' x value
 * @param snapshot       the pool at that moment
 * @param rates          per-second rates over the trailing second
 * @param desiredWorkers the size the scaling policy last aimed at (within min and max)
 * @param scalingReason  the policy's last decision with the numbers it used; empty before its first tick
 */
public record Sample(double seconds, PoolSnapshot snapshot, PoolRates rates, int desiredWorkers,
                     String scalingReason) {

    /** A sample without a policy decision: the desired size is the pool's own. */
    public Sample(double seconds, PoolSnapshot snapshot, PoolRates rates) {
        this(seconds, snapshot, rates, snapshot.poolSize(), "");
    }
}
