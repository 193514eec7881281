package dev.poolscope.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the most recent scaling events for polling readers and tells listeners about events as they happen. */
final class EventLog {

    private static final int KEPT = 1024;

    // Guarded by this.
    private final ArrayDeque<ScalingEvent> recent = new ArrayDeque<>();
    private long nextSequence = 1;
    final List<PoolListener> listeners = new CopyOnWriteArrayList<>();
    // Hears about listeners that throw.
    private final System.Logger log;

    EventLog() {
        this(System.getLogger(EventLog.class.getName()));
    }

    /** An event log that reports a throwing listener to {@code log}; tests pass their own to see the report. */
    EventLog(System.Logger log) {
        this.log = log;
    }

    void publish(ScalingEvent draft) {
        ScalingEvent event;
        synchronized (this) {
            event = new ScalingEvent(nextSequence++, draft.time(), draft.sizeBefore(), draft.sizeAfter(),
                    draft.queueDepth(), draft.threshold(), draft.shrinkBelow(), draft.reason(),
                    draft.explanation());
            recent.addLast(event);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
        for (PoolListener l : listeners) {
            try {
                l.onScaling(event);
            } catch (RuntimeException | Error e) {
                // A listener's bug, Error or not (an AssertionError, say), must not stop the scaler, nor go unseen.
                listenerFailed("onScaling", l, e);
            }
        }
    }

    synchronized List<ScalingEvent> since(long sequence) {
        List<ScalingEvent> out = new ArrayList<>();
        for (ScalingEvent e : recent) {
            if (e.sequence() > sequence) {
                out.add(e);
            }
        }
        return out;
    }

    synchronized long count() {
        return nextSequence - 1;
    }

    void dropped(Request request, DropReason reason) {
        for (PoolListener l : listeners) {
            try {
                l.onDrop(request, reason);
            } catch (RuntimeException | Error e) {
                // A listener's bug must not turn a drop into a lost request, nor go unseen.
                listenerFailed("onDrop", l, e);
            }
        }
    }

    void configChanged(PoolConfig before, PoolConfig after) {
        for (PoolListener l : listeners) {
            try {
                l.onConfigChange(before, after);
            } catch (RuntimeException | Error e) {
                // The change is already in force: a listener's bug must not make it look refused, nor go unseen.
                listenerFailed("onConfigChange", l, e);
            }
        }
    }

    void terminated(ShutdownReport report) {
        for (PoolListener l : listeners) {
            try {
                l.onTerminated(report);
            } catch (RuntimeException | Error e) {
                // A listener's bug must not keep the pool from terminating, nor go unseen.
                listenerFailed("onTerminated", l, e);
            }
        }
    }

    private void listenerFailed(String method, PoolListener listener, Throwable e) {
        log.log(System.Logger.Level.WARNING,
                "PoolListener " + listener.getClass().getName() + "." + method + " threw; the pool goes on", e);
    }
}
