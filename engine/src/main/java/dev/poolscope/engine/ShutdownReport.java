package dev.poolscope.engine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a shutdown did.
 *
 * @param drained     requests that ended on their own during the shutdown (completed, failed or timed out),
 *                    including those that returned a result in spite of the deadline's interrupt
 * @param returned    requests still queued at the deadline, handed back unrun (their outcome is {@code Returned})
 * @param interrupted requests running or waiting to retry at the deadline that ended {@code Interrupted}
 * @param stuck       workers abandoned because their handler ignored the interrupt
 * @param took        from the shutdown call until the pool terminated
 * @param forced      true if the deadline passed before the queue drained
 */
public record ShutdownReport(long drained, List<Request> returned, long interrupted, long stuck, Duration took,
                             boolean forced) {

    public ShutdownReport {
        returned = List.copyOf(returned);
    }

    /** A one-line summary for logs and the status bar. */
    public String summary() {
        return String.format(Locale.ROOT, "%s in %d ms: %d drained, %d returned, %d interrupted, %d stuck",
                forced ? "forced stop" : "drained", took.toMillis(), drained, returned.size(), interrupted, stuck);
    }
}
