package dev.poolscope.view;

import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.model.PoolFigure;
import dev.poolscope.remote.RemotePool;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One pool in the connect overview: its latest figures as text, and a sparkline of its size. FX-thread confined. */
final class PoolRow {

    private final RemotePool pool;
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper("…");
    private final ReadOnlyStringWrapper queue = new ReadOnlyStringWrapper("…");
    private final ReadOnlyStringWrapper drops = new ReadOnlyStringWrapper("…");
    private final Sparkline sparkline = new Sparkline();
    private PoolSnapshot previous;

    PoolRow(RemotePool pool) {
        this.pool = pool;
    }

    /** Shows a fresh read. */
    void show(PoolSnapshot s) {
        size.set(s.poolSize() + " / " + s.config().maxWorkers());
        queue.set(pool.absent().containsKey(PoolFigure.QUEUE) ? "—" : Format.count(s.queued()));
        if (pool.absent().containsKey(PoolFigure.DROPS)) {
            drops.set("—");
        } else if (previous != null) {
            drops.set(Format.rate(s.minus(previous).droppedPerSecond()));
        }
        previous = s;
        sparkline.add(s.poolSize());
    }

    /** Shows that the last read failed. */
    void failed() {
        size.set("unreadable");
    }

    RemotePool pool() {
        return pool;
    }

    String name() {
        return pool.name();
    }

    String kind() {
        return pool.kind();
    }

    ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    ReadOnlyStringProperty queueProperty() {
        return queue.getReadOnlyProperty();
    }

    ReadOnlyStringProperty dropsProperty() {
        return drops.getReadOnlyProperty();
    }

    Sparkline sparkline() {
        return sparkline;
    }
}
