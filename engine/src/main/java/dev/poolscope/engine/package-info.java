/**
 * The self-scaling worker pool: dispatcher, config, requests and outcomes, snapshots and events; no JavaFX.
 *
 * <h2>Threading and locking contract</h2>
 * This is the one place the engine's concurrency rules are written; code comments point here.
 *
 * <p><b>Threads.</b> Submitters call {@link dev.poolscope.engine.Dispatcher#submit}; workers
 * ({@code <name>-worker-N}) run handlers; one scheduler thread ({@code <name>-scheduler}) runs the scaler tick,
 * the watchdog scan and retry timers (the scaler asks its {@link dev.poolscope.engine.ScalingPolicy} before taking
 * any lock, then resizes under {@code Workers.lock}); shutdown runs on {@code <name>-shutdown}. Readers (snapshots, readers,
 * event polling) may be any thread, any number of them.
 *
 * <p><b>What each lock guards.</b>
 * <ol>
 *   <li>{@code ShutdownProcess}'s monitor: that shutdown begins once.</li>
 *   <li>{@code Dispatcher.configLock}: the config and lifecycle state (both volatile for readers), and the scaler
 *       task.</li>
 *   <li>{@code Workers.lock}: the set of live workers, the retire quota, and every decision on the pool's size,
 *       including the watchdog's claim on a stuck attempt (so claim and removal are one step).</li>
 *   <li>{@code Accounting}'s monitor: the whole-life latency histograms, the spare histograms, reader cursors.</li>
 *   <li>{@code RequestQueue}'s put lock, then its take lock: the tail, the capacity and the admissions (put); the
 *       head, the idle workers waiting for a request ({@code WaitingWorkers}), the wake-up generation, takes and
 *       the set of workers' claims (take); the queued requests under both. Each side's transition counts live in
 *       its lock object ({@code PutLock}, {@code TakeLock}), are written under that lock and read under both
 *       ({@code Accounting.totals}). A submitter that finds the take lock held leaves its wake-up in a volatile
 *       flag, served by whoever releases the take lock next, instead of waiting for it.</li>
 *   <li>Each {@code Accounting.Stripe}: its counters and the latencies recorded since the last cut, and the
 *       {@code ClaimedJobs} of the workers that settle on it (the owner starts its next claimed job inside its
 *       settle; anyone else takes claimed jobs holding the take lock first).</li>
 *   <li>Leaves, which hold nothing else while held: {@code Watchdog}'s monitor (whether caller-run attempts may
 *       still start), {@code EventLog}'s monitor (recent events), {@code PoolScopeExecutor}'s monitor (caller-run
 *       tasks in progress, whether the queue was handed back), {@code TaskFuture}'s (the thread running the
 *       task, so {@code cancel(true)} interrupts only that attempt), and in {@code dev.poolscope.jmx}
 *       {@code CountingRejections.CHAIN} (the chain of counting rejection handlers on each watched
 *       {@code ThreadPoolExecutor}) and {@code ExecutorBean}'s monitor (a check of an executor's sizes and the
 *       resize that follows).</li>
 * </ol>
 *
 * <p><b>The one lock order</b> is the list above: a thread holding a lock may take only locks further down it
 * (stripes in index order, as a snapshot takes them all). Nothing takes a lock while running a handler, calling a
 * listener or completing a future, so user code can never join the order, with one exception:
 * {@link dev.poolscope.engine.PoolListener#onConfigChange} is called holding {@code configLock}, so that listeners
 * hear one pool's changes in the order they took effect; its contract (hand the change on, never block, never call
 * back into the pool) makes it a leaf.
 *
 * <p><b>What may block.</b> Only {@code submit} under {@link dev.poolscope.engine.OverflowPolicy#BLOCK} (waiting
 * for room, up to the block timeout) and under {@link dev.poolscope.engine.OverflowPolicy#CALLER_RUNS} (running
 * the handler), and {@code PoolScopeExecutor.shutdownNow()} for the shutdown thread to close the queue and
 * interrupt running tasks (one drain poll, a few milliseconds; never for running tasks to end). Setters validate,
 * apply under {@code configLock} for microseconds and return; snapshots hold the queue and stripe locks for a few
 * microseconds. The hot path's only wait without a lock is a worker spinning
 * for the few instructions between the watchdog's claim on its attempt and the interrupt's delivery. Idle workers
 * park with no timer; retirement and shutdown wake them.
 *
 * <p><b>Nothing lost.</b> Every request moves between counters in exactly one step under one lock, and every
 * attempt's end is decided by one compare-and-set of its state word ({@code Job}); whatever throws while an
 * attempt is settled, {@code Finisher.lastResort} still gives the request exactly one outcome.
 */
package dev.poolscope.engine;
