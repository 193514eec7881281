package dev.poolscope.view;

import dev.poolscope.engine.PoolSnapshot;

/** The pool wants to grow (more queued than the threshold) but already runs its maximum number of workers. */
final class CappedAtMax {

    private CappedAtMax() {
    }

    static boolean holds(PoolSnapshot s) {
        return s.queued() > s.config().loadThreshold() && s.poolSize() >= s.config().maxWorkers();
    }
}
