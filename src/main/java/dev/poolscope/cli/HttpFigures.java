package dev.poolscope.cli;

import java.util.Locale;
import java.util.Map;

import dev.poolscope.http.BackendSettings;
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
 * @param settings   the backend's settings before the scenario's steps: the scenario's own or the flags'
 */
public record HttpFigures(long sent, long answered, long refused, long unanswered, BackendSnapshot backend,
                          BackendSettings settings) {

    /** The figures of {@code path} now, whose backend ran from {@code settings}. */
    public static HttpFigures of(HttpPath path, BackendSettings settings) {
        return new HttpFigures(path.sent(), path.answered(), path.refused(), path.unanswered(),
                path.backend().snapshot(), settings);
    }

    /** Requests sent that had neither an answer nor a failure yet when the figures were read. */
    public long waiting() {
        return Math.max(0, sent - answered - unanswered);
    }

    /** The settings in the flags' words: {@code log-normal, mean 20ms, errors 0.01, limit 32, reject above 64}. */
    String settingsText() {
        String shape = BackendFlags.SHAPES.entrySet().stream().filter(e -> e.getValue() == settings.shape())
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        return String.format(Locale.ROOT, "%s, mean %s, errors %s, limit %d, reject above %d", shape,
                DurationText.format(settings.meanLatency()), FlagValues.plain(settings.errorRate()),
                settings.concurrencyLimit(), settings.rejectLimit());
    }
}
