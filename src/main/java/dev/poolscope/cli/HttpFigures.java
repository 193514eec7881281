package dev.poolscope.cli;

import dev.poolscope.http.BackendSnapshot;
import dev.poolscope.http.HttpPath;

/**
 * What an HTTP scenario's path saw, taken once the pool has drained: the load's client at the front, and the
 * backend behind the pool.
 *
 * @param sent       requests the client sent to the front
 * @param answered   requests the front answered, whatever the status
 * @param refused    requests not sent because {@link HttpPath#MAX_OUTSTANDING} were outstanding
 * @param unanswered requests sent that got no answer (connection failed or closed)
 * @param backend    the backend's figures: calls answered, 5xx, shed 503s, whole-run p99
 */
public record HttpFigures(long sent, long answered, long refused, long unanswered, BackendSnapshot backend) {

    /** The figures of {@code path} now. */
    public static HttpFigures of(HttpPath path) {
        return new HttpFigures(path.sent(), path.answered(), path.refused(), path.unanswered(),
                path.backend().snapshot());
    }
}
