package dev.poolscope.model;

import dev.poolscope.engine.PoolRates;
import dev.poolscope.engine.PoolSnapshot;

/**
 * One sampler tick: the snapshot, the rates since the previous tick, and when it was taken.
 *
 * @param seconds  seconds since the sampler started, the charts' x value
 * @param snapshot the pool at that moment
 * @param rates    per-second rates over the trailing second
 */
public record Sample(double seconds, PoolSnapshot snapshot, PoolRates rates) {
}
