package dev.poolscope.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingDecision;
import dev.poolscope.engine.ScalingEvent;

/**
 * The one seam between the dashboard and a pool, wherever it runs: the demo pool in this JVM, or a pool in
 * another JVM read over JMX. Views bind to this and never learn which kind they hold.
 *
 * <p>Every method is called on the FX thread and returns at once: a remote source does its calls on threads of
 * its own and hands over immutable results, so a slow or dead network never freezes the window.
 */
public interface PoolSource {

    /** Where the pool lives, for the title and the log, e.g. {@code demo pool} or {@code orders in pid 4242}. */
    String describe();

    /** True when the pool is in another JVM, where a change is a live change to someone's service. */
    boolean isRemote();

    /**
     * The newest consistent snapshot not handed out before, its latencies covering the time since the previous
     * one; null when nothing new has arrived.
     */
    PoolSnapshot nextSnapshot();

    /** Scaling decisions with a sequence above {@code sequence}, oldest first. */
    List<ScalingEvent> scalingEventsSince(long sequence);

    /** The settings in force, as last known. */
    PoolConfig config();

    /** The scaling policy's latest decision (its desired size and reason), or null where the pool cannot say. */
    default ScalingDecision lastScalingDecision() {
        return null;
    }

    /**
     * Applies a change of settings. Completes with the settings now in force, or exceptionally with the pool's
     * refusal; a remote source completes on the thread it was given for callbacks (the FX thread).
     */
    CompletionStage<PoolConfig> reconfigure(UnaryOperator<PoolConfig.Builder> change);

    /** The figures and controls this pool does not have, each with the reason a tooltip shows. */
    Map<PoolFigure, String> absent();

    /** Why the pool cannot be read right now (e.g. {@code disconnected: the JVM exited}), or null while it can. */
    String problem();

    /** Tries to reach the pool again after a {@link #problem()}; does nothing for a pool that cannot be lost. */
    void reconnect();

    /** Stops reading the pool and lets go of what the source holds; the pool itself goes on. */
    void close();
}
