package dev.poolscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import javafx.application.Application;

import dev.poolscope.App;

/**
 * The entry point. With {@code --headless}, {@code --smoke}, {@code --tournament}, {@code --version} or
 * {@code --help} it runs without a
 * window and exits with {@link #run}'s code; otherwise it opens the JavaFX window. This is the only class outside
 * the UI that touches JavaFX, and only to launch it.
 */
public final class Main {

    /** Exit code for a run whose invariant held, and for --help and --version. */
    public static final int OK = 0;
    /** Exit code for a run in which some request did not end with exactly one outcome, or the load generator died. */
    public static final int RUN_FAILED = 1;
    /** Exit code for bad arguments (including a CSV file that cannot be written). */
    public static final int BAD_ARGUMENTS = 2;

    private static final String VERSION_RESOURCE = "/dev/poolscope/version.properties";

    private Main() {
    }

    /** Runs a headless mode, or opens the window when no mode flag is given. */
    public static void main(String[] args) {
        Options connectTo = watchedJvm(args);
        if (connectTo != null) {
            // A target that cannot be reached is a usage error before any window opens.
            try {
                RemoteRecorder.find(connectTo.connect(), connectTo.poolName()).session().close();
            } catch (IllegalArgumentException e) {
                System.exit(badArguments(System.err, e.getMessage()));
            }
        }
        if (opensWindow(args)) {
            Application.launch(App.class, args);
            return;
        }
        System.exit(run(args, System.out, System.err));
    }

    /** The options when they open the window on another JVM, else null. */
    private static Options watchedJvm(String[] args) {
        try {
            Options o = Options.parse(args);
            return o.mode() == Options.Mode.WINDOW && o.connect() != null ? o : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True when the arguments are valid and name no headless mode; bad arguments are left to {@link #run}. */
    private static boolean opensWindow(String[] args) {
        try {
            return Options.parse(args).mode() == Options.Mode.WINDOW;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Runs a headless mode and returns the exit code: 0 ok, 1 the run failed, 2 bad arguments. Without a headless
     * mode flag there is nothing to run here ({@link #main} opens the window instead), so that is a usage error.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            return badArguments(err, e.getMessage());
        }
        switch (options.mode()) {
            case HELP -> {
                out.print(Usage.text());
                return OK;
            }
            case VERSION -> {
                out.println("PoolScope " + version());
                return OK;
            }
            case WINDOW -> {
                return badArguments(err, "no headless mode given: pass --headless, --smoke, --tournament, --version "
                        + "or --help");
            }
            case TOURNAMENT -> {
                return runTournament(options, out, err);
            }
            default -> {
                return runHeadless(options, out, err);
            }
        }
    }

    private static int runHeadless(Options options, PrintStream out, PrintStream err) {
        if (options.connect() != null) {
            return RemoteRecorder.record(options, out, err);
        }
        RunReport report;
        try {
            report = new HeadlessRunner(options).run();
        } catch (IOException e) {
            return badArguments(err, e.getMessage());
        }
        if (options.mode() == Options.Mode.SMOKE) {
            out.println(report.smokeLine());
        } else {
            out.print(report.summary());
            if (options.csv() != null) {
                out.println("  csv         " + options.csv().toAbsolutePath());
            }
        }
        return report.passed() ? OK : RUN_FAILED;
    }

    private static int runTournament(Options options, PrintStream out, PrintStream err) {
        try {
            Tournament.checkOutputs(options);
        } catch (IOException e) {
            return badArguments(err, e.getMessage());
        }
        Tournament.Result result;
        try {
            result = new Tournament(options).run(err);
        } catch (IOException e) {
            err.println(e.getMessage());
            return RUN_FAILED;
        }
        // The table first: a file that fails to write after all costs no result.
        out.print(result.table(options));
        try {
            result.write(options);
        } catch (IOException e) {
            err.println(e.getMessage());
            return RUN_FAILED;
        }
        return result.passed() ? OK : RUN_FAILED;
    }

    private static int badArguments(PrintStream err, String message) {
        err.println(message);
        err.println("Run with --help for usage.");
        return BAD_ARGUMENTS;
    }

    /** The version this build was made from, as Maven filtered it into {@value #VERSION_RESOURCE}. */
    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return "(unknown: " + VERSION_RESOURCE + " is missing)";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            // An unfiltered copy (e.g. an IDE that skips Maven's resource filtering) still holds the placeholder.
            return v.isEmpty() || v.startsWith("${") ? "(development build)" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
