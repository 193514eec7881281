package dev.poolscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import dev.poolscope.engine.ScalingPolicy;
import dev.poolscope.load.SnapshotCsv;

/**
 * {@code --tournament}: runs each scaling policy in turn on the same seeded load (one pool at a time, so each has
 * the machine to itself) and ranks them. The generator's draws, arrival gaps, types and work plans, retries
 * included, come from the one seed, so every entrant meets the same request sequence; only arrival times can
 * shift by a generator wakeup (about a millisecond).
 *
 * <p>Best first means: fewest requests lost (dropped or timed out), then the lower p99 queue wait to the
 * millisecond, then fewer worker-seconds, then fewer scaling events.
 */
final class Tournament {

    /** One entrant's result. */
    record Row(String policy, String settings, double waitP99Millis, long dropped, long timedOut,
               double workerSeconds, long events, double eventsPerMinute, long directionChanges, boolean passed) {

        long lost() {
            return dropped + timedOut;
        }

        static Row of(ScalingPolicy policy, RunReport r) {
            ScalingSummary s = r.scaling();
            return new Row(policy.name(), policy.settings(), r.latency().waitP99(), r.last().droppedTotal(),
                    r.last().timedOut(), s.workerSeconds(), r.grew() + r.shrank(), s.eventsPerMinute(),
                    s.directionChanges(), r.passed());
        }
    }

    static final Comparator<Row> BEST_FIRST = Comparator.comparingLong(Row::lost)
            .thenComparingLong(r -> Math.round(r.waitP99Millis()))
            .thenComparingDouble(Row::workerSeconds)
            .thenComparingLong(Row::events);

    private final Options options;

    Tournament(Options options) {
        this.options = options;
    }

    /** Runs every entrant, reporting progress to {@code progress}, and returns the rows best first. */
    Result run(PrintStream progress) throws IOException {
        long seed = options.seed() != null ? options.seed() : ThreadLocalRandom.current().nextLong();
        List<Row> rows = new ArrayList<>();
        for (ScalingPolicy policy : options.entrants()) {
            progress.printf(Locale.ROOT, "running %s for %s …%n", policy.name(), DurationText.format(options.duration()));
            RunReport report = new HeadlessRunner(options.forEntrant(policy, seed)).run();
            rows.add(Row.of(policy, report));
        }
        rows.sort(BEST_FIRST);
        return new Result(seed, rows);
    }

    /** The ranked rows and the seed they shared. */
    record Result(long seed, List<Row> rows) {

        /** True if every entrant's run passed its invariant check. */
        boolean passed() {
            return rows.stream().allMatch(Row::passed);
        }

        String table(Options o) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "PoolScope tournament: scenario %s, %s per entrant, seed %d, "
                    + "settled after %s%n", Options.nameOf(o.scenario()), DurationText.format(o.duration()), seed,
                    DurationText.format(o.settle())));
            b.append(String.format(Locale.ROOT, "%-4s %-10s %12s %8s %9s %15s %7s %11s %11s%n", "rank", "policy",
                    "p99 wait ms", "drops", "timeouts", "worker-seconds", "events", "events/min", "dir changes"));
            int rank = 1;
            for (Row r : rows) {
                b.append(String.format(Locale.ROOT, "%-4d %-10s %12.2f %8d %9d %15.1f %7d %11.1f %11d%s%n", rank++,
                        r.policy(), r.waitP99Millis(), r.dropped(), r.timedOut(), r.workerSeconds(), r.events(),
                        r.eventsPerMinute(), r.directionChanges(), r.passed() ? "" : "  (run FAILED its check)"));
            }
            b.append("best first: fewest dropped + timed out, then p99 wait (to the ms), then worker-seconds, then "
                    + "events").append(System.lineSeparator());
            return b.toString();
        }

        String csv() {
            StringBuilder b = new StringBuilder("rank,policy,settings,wait_p99_ms,dropped,timed_out,worker_seconds,"
                    + "events,events_per_min,direction_changes,passed\n");
            int rank = 1;
            for (Row r : rows) {
                b.append(String.format(Locale.ROOT, "%d,%s,\"%s\",%.3f,%d,%d,%.2f,%d,%.2f,%d,%b%n", rank++,
                        r.policy(), r.settings().replace("\"", "\"\""), r.waitP99Millis(), r.dropped(), r.timedOut(),
                        r.workerSeconds(), r.events(), r.eventsPerMinute(), r.directionChanges(), r.passed()));
            }
            return b.toString();
        }

        String json(Options o) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "{\"scenario\":\"%s\",\"durationSeconds\":%.3f,\"seed\":%d,"
                    + "\"settleSeconds\":%.3f,\"rows\":[", Options.nameOf(o.scenario()),
                    o.duration().toNanos() / 1e9, seed, o.settle().toNanos() / 1e9));
            int rank = 1;
            for (Row r : rows) {
                b.append(rank > 1 ? "," : "").append(String.format(Locale.ROOT, "{\"rank\":%d,\"policy\":\"%s\","
                        + "\"settings\":\"%s\",\"waitP99Millis\":%.3f,\"dropped\":%d,\"timedOut\":%d,"
                        + "\"workerSeconds\":%.2f,\"events\":%d,\"eventsPerMinute\":%.2f,\"directionChanges\":%d,"
                        + "\"passed\":%b}", rank++, r.policy(), jsonText(r.settings()), r.waitP99Millis(),
                        r.dropped(), r.timedOut(), r.workerSeconds(), r.events(), r.eventsPerMinute(),
                        r.directionChanges(), r.passed()));
            }
            return b.append("]}\n").toString();
        }

        /** Writes the CSV and JSON files the options ask for. */
        void write(Options o) throws IOException {
            if (o.csv() != null) {
                writeFile("CSV", o.csv(), csv());
            }
            if (o.json() != null) {
                writeFile("JSON", o.json(), json(o));
            }
        }

        private static void writeFile(String what, Path path, String text) throws IOException {
            try {
                Files.writeString(path, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException(SnapshotCsv.cannotWrite(what, path, e), e);
            }
        }

        private static String jsonText(String s) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c < 0x20) {
                    b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
    }

    /**
     * Refuses, before any entrant runs, an output file that cannot be written (its folder missing, or the path a
     * folder), so that a typo costs no run and leaves no file half written.
     */
    static void checkOutputs(Options o) throws IOException {
        if (o.csv() != null) {
            SnapshotCsv.checkWritable("CSV", o.csv());
        }
        if (o.json() != null) {
            SnapshotCsv.checkWritable("JSON", o.json());
        }
    }
}
