package dev.poolscope.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.engine.ScalingDecision;
import dev.poolscope.engine.ScalingEvent;
import dev.poolscope.engine.SnapshotReader;

/** A pool in this JVM (the demo pool): read through a reader of its own, changed through its validating setters. */
public final class InProcessSource implements PoolSource {

    private final Dispatcher pool;
    private final SnapshotReader reader;

    public InProcessSource(Dispatcher pool) {
        this.pool = pool;
        this.reader = pool.openReader();
    }

    @Override
    public ScalingDecision lastScalingDecision() {
        return pool.lastScalingDecision();
    }

    /** The pool read. */
    public Dispatcher pool() {
        return pool;
    }

    @Override
    public String describe() {
        return "demo pool";
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public PoolSnapshot nextSnapshot() {
        return reader.read();
    }

    @Override
    public List<ScalingEvent> scalingEventsSince(long sequence) {
        return pool.scalingEventsSince(sequence);
    }

    @Override
    public PoolConfig config() {
        return pool.config();
    }

    @Override
    public CompletionStage<PoolConfig> reconfigure(UnaryOperator<PoolConfig.Builder> change) {
        try {
            return CompletableFuture.completedFuture(pool.reconfigure(change));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    @Override
    public Map<PoolFigure, String> absent() {
        return Map.of();
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
