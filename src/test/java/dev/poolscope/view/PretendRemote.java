package dev.poolscope.view;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.model.InProcessSource;
import dev.poolscope.model.PoolFigure;
import dev.poolscope.model.PoolSource;

/** An in-process pool that the dashboard takes for a remote one, lacking the figures {@code absent} names. */
final class PretendRemote implements PoolSource {

    private final InProcessSource inner;
    private final Map<PoolFigure, String> absent;

    PretendRemote(Dispatcher pool, Map<PoolFigure, String> absent) {
        this.inner = new InProcessSource(pool);
        this.absent = absent;
    }

    @Override
    public String describe() {
        return "a pretend remote pool";
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public PoolSnapshot nextSnapshot() {
        return inner.nextSnapshot();
    }

    @Override
    public List<ScalingEvent> scalingEventsSince(long sequence) {
        return inner.scalingEventsSince(sequence);
    }

    @Override
    public PoolConfig config() {
        return inner.config();
    }

    @Override
    public CompletionStage<PoolConfig> reconfigure(UnaryOperator<PoolConfig.Builder> change) {
        return inner.reconfigure(change);
    }

    @Override
    public Map<PoolFigure, String> absent() {
        return absent;
    }

    @Override
    public String problem() {
        return null;
    }

    @Override
    public void reconnect() {
    }

    @Override
    public void close() {
    }
}
