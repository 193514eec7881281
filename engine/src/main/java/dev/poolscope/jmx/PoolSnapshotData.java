package dev.poolscope.jmx;

import dev.poolscope.engine.PoolSnapshot;

/**
 * One consistent cut of a pool, as JMX clients read it in one call (an open-type composite; a Java client's
 * MXBean proxy gets this record back). Counters are cumulative since the pool started, and
 * {@code submitted = completed + failed + timedOut + dropped.total + unhandled + returned + interrupted + queued
 * + running + waitingForRetry} holds exactly.
 *
 * @param takenAtMillis       wall-clock time of the snapshot, epoch milliseconds
 * @param state               RUNNING, DRAINING, STOPPING or TERMINATED
 * @param poolSize            live workers, busy or idle
 * @param busyWorkers         workers running an attempt
 * @param idleWorkers         workers waiting for a request
 * @param queueCapacity       the queue's capacity
 * @param queued              requests waiting in the queue
 * @param running             attempts running right now
 * @param waitingForRetry     requests waiting out a retry backoff
 * @param submitted           requests ever submitted, dropped and unhandled ones included
 * @param completed           requests whose handler returned normally
 * @param failed              requests whose last attempt threw
 * @param timedOut            requests whose last attempt ran past its timeout
 * @param retriedAttempts     attempts that were retried
 * @param dropped             requests dropped without running, by reason
 * @param unhandled           requests whose type had no handler
 * @param returned            requests handed back unrun by a forced shutdown
 * @param interrupted         requests stopped by a forced shutdown
 * @param stuckWorkers        workers abandoned because their handler ignored interrupts
 * @param unaccounted         submitted requests neither finished nor in the pool: always 0
 * @param queueWait           enqueue to pick-up, per attempt, over {@code latencyWindowMillis}
 * @param runTime             handler run time per attempt, over {@code latencyWindowMillis}
 * @param latencyWindowMillis how far back the latencies reach: the pool's whole life for the {@code Snapshot}
 *                            attribute, the time since the reader's previous read for {@code readInterval}
 * @param config              the settings in force
 */
public record PoolSnapshotData(long takenAtMillis, String state, int poolSize, int busyWorkers, int idleWorkers,
                               int queueCapacity, long queued, long running, long waitingForRetry, long submitted,
                               long completed, long failed, long timedOut, long retriedAttempts,
                               DropCounts dropped, long unhandled, long returned, long interrupted,
                               long stuckWorkers, long unaccounted, LatencyData queueWait, LatencyData runTime,
                               long latencyWindowMillis, PoolConfigData config) {

    static PoolSnapshotData of(PoolSnapshot s) {
        return new PoolSnapshotData(s.takenAt().toEpochMilli(), s.state().name(), s.poolSize(), s.busyWorkers(),
                s.idleWorkers(), s.queueCapacity(), s.queued(), s.running(), s.waitingForRetry(), s.submitted(),
                s.completed(), s.failed(), s.timedOut(), s.retriedAttempts(), DropCounts.of(s.dropped()),
                s.unhandled(), s.returned(), s.interrupted(), s.stuckWorkers(), s.unaccounted(),
                LatencyData.of(s.queueWait()), LatencyData.of(s.runTime()), s.latencyWindow().toMillis(),
                PoolConfigData.of(s.config()));
    }
}
