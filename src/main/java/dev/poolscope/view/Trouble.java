package dev.poolscope.view;

import dev.poolscope.engine.PoolRates;

/** Requests going wrong right now: dropped, timed out or failed, per second (retries are the cure, not trouble). */
final class Trouble {

    private Trouble() {
    }

    static double perSecond(PoolRates r) {
        return r.droppedPerSecond() + r.timedOutPerSecond() + r.failedPerSecond();
    }
}
