package dev.poolscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;

import dev.poolscope.engine.PoolSnapshot;
import dev.poolscope.load.SnapshotCsv;
import dev.poolscope.model.PoolFigure;
import dev.poolscope.remote.JmxSession;
import dev.poolscope.remote.JmxTarget;
import dev.poolscope.remote.PoolDiscovery;
import dev.poolscope.remote.RemotePool;

/**
 * {@code --connect ... --headless}: records a pool in another JVM, one CSV row per interval with the local
 * runner's columns (a PoolScope pool's latencies cover each interval; figures a foreign pool lacks are 0 in the
 * CSV, which has no notion of absent). A target that cannot be reached, or a pool that is not there, is a usage
 * error (exit 2); losing the JVM midway ends the recording with the rows so far and exit 1.
 */
public final class RemoteRecorder {

    private RemoteRecorder() {
    }

    /** Connects and finds the pool; the message of a failure names the flag and the value given. */
    public static Found find(JmxTarget target, String poolName) {
        JmxSession session;
        try {
            session = JmxSession.open(target, null, null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("--connect " + target.text() + " cannot be reached: " + e.getMessage());
        }
        try {
            List<RemotePool> pools = session.call(PoolDiscovery::find);
            List<String> names = pools.stream().map(RemotePool::name).toList();
            List<RemotePool> matching = poolName == null ? pools
                    : pools.stream().filter(p -> p.name().equals(poolName)).toList();
            if (matching.size() == 1) {
                return new Found(session, matching.get(0));
            }
            String message = pools.isEmpty() ? "--connect " + target.text() + " has no pool PoolScope can watch"
                    : poolName == null ? "--connect " + target.text() + " has " + pools.size() + " pools: add --pool "
                    + "with one of " + names
                    : "--pool " + poolName + " is not in " + target.describe() + ": it has " + names;
            session.close();
            throw new IllegalArgumentException(message);
        } catch (IOException | JMException e) {
            session.close();
            throw new IllegalArgumentException("--connect " + target.text() + " could not be searched for pools: "
                    + e.getMessage());
        }
    }

    /**
     * A connection and the pool found there; the caller closes the session.
     *
     * @param session the open connection
     * @param pool    the pool asked for
     */
    public record Found(JmxSession session, RemotePool pool) {
    }

    /** Records until the duration is up; returns the exit code. */
    static int record(Options options, PrintStream out, PrintStream err) {
        Found found;
        try {
            found = find(options.connect(), options.poolName());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Main.BAD_ARGUMENTS;
        }
        try (JmxSession session = found.session()) {
            Writer file;
            try {
                file = options.csv() == null ? Writer.nullWriter() : SnapshotCsv.open(options.csv());
            } catch (IOException e) {
                err.println(SnapshotCsv.cannotWrite(options.csv(), e));
                return Main.BAD_ARGUMENTS;
            }
            RemotePool pool = found.pool();
            int rows = 0;
            try (file) {
                PoolSnapshot first = session.call(pool::read);
                boolean foreign = pool.absent().containsKey(PoolFigure.LOAD_THRESHOLD);
                try (SnapshotCsv csv = new SnapshotCsv(file, first, foreign)) {
                    long end = first.nanoTime() + options.duration().toNanos();
                    for (long due = first.nanoTime() + options.interval().toNanos(); ;
                         due += options.interval().toNanos()) {
                        long at = Math.min(due, end);
                        parkUntil(at);
                        csv.append(session.call(pool::read));
                        csv.flush();
                        rows++;
                        if (at == end) {
                            break;
                        }
                    }
                }
            } catch (InstanceNotFoundException e) {
                err.println("pool " + pool.name() + " in " + options.connect().describe() + " is gone (shut down or "
                        + "unregistered) after " + rows + " rows");
                return Main.RUN_FAILED;
            } catch (IOException | JMException e) {
                err.println("disconnected from " + pool.name() + " in " + options.connect().describe() + ": "
                        + e.getMessage() + " (" + rows + " rows recorded)");
                return Main.RUN_FAILED;
            }
            out.printf("recorded %s (%s) in %s: %d rows%n", pool.name(), pool.kind(), options.connect().describe(),
                    rows);
            if (options.csv() != null) {
                out.println("  csv         " + options.csv().toAbsolutePath());
            }
            return Main.OK;
        }
    }

    private static void parkUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
    }
}
