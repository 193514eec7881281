package dev.poolscope.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.poolscope.engine.Latency;
import dev.poolscope.engine.PoolRates;
import dev.poolscope.engine.PoolSnapshot;

/**
 * The per-interval CSV format shared by the headless runner and the dashboard's export: one row per sampling
 * interval, with gauges at the end of the interval, per-second rates over it, latency percentiles over it (as the
 * engine's snapshots give them), and cumulative counters since the pool started. Numbers use a dot as decimal
 * separator whatever the locale, so every spreadsheet and script reads them alike.
 */
public final class SnapshotCsv implements Closeable {

    /** The header line, without a line break. */
    public static final String HEADER = "time_s,pool_size,busy_workers,queued,queue_capacity,min_workers,"
            + "max_workers,load_threshold,submitted_per_s,completed_per_s,failed_per_s,timed_out_per_s,"
            + "retries_per_s,dropped_per_s,wait_p50_ms,wait_p99_ms,run_p50_ms,run_p99_ms,submitted,completed,"
            + "failed,timed_out,dropped,unhandled,invariant_ok";

    private final Writer out;
    private final PoolSnapshot first;
    private final boolean foreignPool;
    private PoolSnapshot previous;

    /**
     * A writer of rows to {@code out}, which it closes; the header is written at once and {@code first} is the
     * snapshot that time zero and the first interval's rates are measured from.
     */
    public SnapshotCsv(Writer out, PoolSnapshot first) throws IOException {
        this(out, first, false);
    }

    /**
     * As {@link #SnapshotCsv(Writer, PoolSnapshot)}; for a {@code foreignPool} (not PoolScope's) the load threshold,
     * which it lacks, is 0 rather than the default its snapshots carry, and so is the queue capacity where it does not
     * report one (its snapshots carry 0 then).
     */
    public SnapshotCsv(Writer out, PoolSnapshot first, boolean foreignPool) throws IOException {
        this.foreignPool = foreignPool;
        this.out = Objects.requireNonNull(out, "out");
        this.first = Objects.requireNonNull(first, "first");
        this.previous = first;
        out.write(HEADER);
        out.write('\n');
    }

    /**
     * Opens {@code target} for a CSV file, in UTF-8, replacing what is there. When that fails, the exception's
     * message says in words why, as {@link #cannotWrite} does, e.g.
     * {@code cannot write CSV to out/run.csv: the folder does not exist}.
     */
    public static Writer open(Path target) throws IOException {
        try {
            return Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(cannotWrite(target, e), e);
        }
    }

    /**
     * Writes {@code snapshots} to {@code target} as one file: the first is time zero, each later one a row; returns
     * how many rows. {@code foreignPool} as in {@link #SnapshotCsv(Writer, PoolSnapshot, boolean)}.
     *
     * @throws IOException naming the file, or saying there is nothing to write yet
     */
    public static int write(Path target, List<PoolSnapshot> snapshots, boolean foreignPool) throws IOException {
        if (snapshots.isEmpty()) {
            throw new IOException("there is no history yet");
        }
        try (Writer out = open(target); SnapshotCsv csv = new SnapshotCsv(out, snapshots.get(0), foreignPool)) {
            for (PoolSnapshot s : snapshots.subList(1, snapshots.size())) {
                csv.append(s);
            }
        }
        return snapshots.size() - 1;
    }

    /**
     * What the headless runner and the dashboard both show when {@code target} could not be written:
     * {@code cannot write CSV to <target>: <why>}, where why is in words rather than an exception's class name.
     */
    public static String cannotWrite(Path target, IOException e) {
        return cannotWrite("CSV", target, e);
    }

    /** {@link #cannotWrite(Path, IOException)} for a file of another kind ({@code what}: "JSON"). */
    public static String cannotWrite(String what, Path target, IOException e) {
        String why = pathProblem(target);
        return cannotWrite(what, target, why != null ? why : inWords(e));
    }

    /**
     * Refuses, before anything is written, a {@code target} that no file of kind {@code what} can be written to (see
     * {@link #pathProblem}), with {@link #cannotWrite}'s message.
     */
    public static void checkWritable(String what, Path target) throws IOException {
        String why = pathProblem(target);
        if (why != null) {
            throw new IOException(cannotWrite(what, target, why));
        }
    }

    private static String cannotWrite(String what, Path target, String why) {
        return "cannot write " + what + " to " + target + ": " + why;
    }

    private static String inWords(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * Why no file can be written at {@code target} whatever it holds (it is a folder, its folder is missing or is
     * not a folder), in words; null if none of these.
     */
    private static String pathProblem(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            return "it is a folder";
        }
        if (folder != null && !Files.exists(folder)) {
            return "the folder does not exist";
        }
        if (folder != null && !Files.isDirectory(folder)) {
            return folder + " is not a folder";
        }
        return null;
    }

    /** Writes the row for the interval that ends at {@code current}. */
    public void append(PoolSnapshot current) throws IOException {
        out.write(row(current));
        out.write('\n');
        previous = current;
    }

    /** Writes out buffered rows. */
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * One row, without a line break: time since {@code first}, rates from {@code previous} to {@code current}, and
     * everything else from {@code current} (0 for the figures a foreign pool lacks).
     */
    private String row(PoolSnapshot current) {
        PoolRates r = current.minus(previous);
        Latency wait = current.queueWait();
        Latency run = current.runTime();
        return String.format(Locale.ROOT,
                "%.3f,%d,%d,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.3f,%.3f,%.3f,%.3f,%d,%d,%d,%d,%d,%d,%b",
                (current.nanoTime() - first.nanoTime()) / 1e9,
                current.poolSize(), current.busyWorkers(), current.queued(),
                current.queueCapacity(), current.config().minWorkers(),
                current.config().maxWorkers(), foreignPool ? 0 : current.config().loadThreshold(),
                r.submittedPerSecond(), r.completedPerSecond(), r.failedPerSecond(), r.timedOutPerSecond(),
                r.retriesPerSecond(), r.droppedPerSecond(),
                wait.p50Millis(), wait.p99Millis(), run.p50Millis(), run.p99Millis(),
                current.submitted(), current.completed(), current.failed(), current.timedOut(),
                current.droppedTotal(), current.unhandled(), current.invariantHolds());
    }
}
