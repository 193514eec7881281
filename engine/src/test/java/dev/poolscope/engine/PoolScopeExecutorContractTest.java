package dev.poolscope.engine;

import java.util.concurrent.ExecutorService;

/** The contract against PoolScope's executor, configured like the {@code ThreadPoolExecutor} it is compared with. */
class PoolScopeExecutorContractTest extends ExecutorEdgeContract {

    @Override
    ExecutorService newExecutor() {
        return PoolScope.executor(Pools.uniqueName(), Pools.quiet().workers(WORKERS, WORKERS)
                .queueCapacity(CAPACITY).overflowPolicy(OverflowPolicy.DROP_NEWEST).build());
    }
}
