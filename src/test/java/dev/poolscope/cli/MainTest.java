package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.SnapshotCsv;

class MainTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            return Main.run(args, out, err);
        }
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionPrintsTheFilteredProjectVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out().matches("PoolScope \\d+\\.\\d+\\.\\d+\\S*\\R"), out());
    }

    @Test
    void helpListsEveryFlagWithExamples() {
        assertEquals(0, run("--help"));
        for (String flag : List.of("--headless", "--scenario", "--duration", "--min", "--max", "--threshold",
                "--capacity", "--rate", "--timeout", "--retries", "--policy", "--interval", "--csv", "--seed",
                "--smoke", "--version", "--help")) {
            assertTrue(out().contains(flag), "help mentions " + flag);
        }
        assertTrue(out().contains("Examples"));
        assertEquals("", err());
    }

    @Test
    void badArgumentsExplainOnStandardErrorAndExitTwo() {
        assertEquals(2, run("--headless", "--min", "0"));
        assertEquals("--min 0 is not allowed: must be between 1 and 1024" + System.lineSeparator()
                + "Run with --help for usage." + System.lineSeparator(), err());
        assertEquals("", out());
    }

    @Test
    void withoutAHeadlessModeRunHasNothingToDo() {
        assertEquals(2, run());
        assertTrue(err().contains("--headless"), err());
    }

    @Test
    void smokeRunPrintsOneLineAndExitsZero() {
        assertEquals(0, run("--smoke"));
        List<String> lines = out().lines().toList();
        assertEquals(1, lines.size(), out());
        assertTrue(lines.get(0).matches("PoolScope smoke OK: \\d+ submitted, \\d+ completed, \\d+ failed, "
                + "\\d+ timed out, \\d+ unhandled, \\d+ dropped, \\d+ returned, \\d+ interrupted, invariant holds, "
                + "\\d+ workers"), lines.get(0));
    }

    @Test
    void headlessBurstWritesCsvRowsAndASummary(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("burst.csv");
        assertEquals(0, run("--headless", "--scenario", "burst", "--duration", "2s", "--interval", "500ms",
                "--seed", "7", "--csv", csv.toString()), err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(SnapshotCsv.HEADER, rows.get(0));
        assertEquals(5, rows.size(), "header and one row per 500 ms: " + rows);
        int columns = SnapshotCsv.HEADER.split(",").length;
        for (String row : rows.subList(1, rows.size())) {
            assertEquals(columns, row.split(",").length, row);
            assertTrue(row.endsWith(",true"), "invariant holds in " + row);
        }
        int submitted = List.of(SnapshotCsv.HEADER.split(",")).indexOf("submitted");
        String generated = out().lines().filter(l -> l.startsWith("  load ")).findFirst().orElseThrow()
                .replaceAll("^\\s*load\\s+(\\d+) requests generated.*", "$1");
        assertEquals(generated, rows.get(rows.size() - 1).split(",")[submitted],
                "the last row holds every request of the load: " + out());
        assertTrue(out().contains("scenario burst"), out());
        assertTrue(out().contains("invariant holds"), out());
        assertTrue(out().contains("HdrHistogram"), "says how whole-run percentiles were taken");
    }

    @Test
    void csvInAFolderThatDoesNotExistSaysSo(@TempDir Path dir) {
        Path csv = dir.resolve("missing-dir").resolve("out.csv");
        assertEquals(2, run("--headless", "--duration", "100ms", "--csv", csv.toString()));
        assertEquals("cannot write CSV to " + csv + ": the folder does not exist", err().lines().findFirst()
                .orElseThrow());
        assertEquals("", out());
    }

    @Test
    void helpWithAnUnknownFlagIsABadArgument() {
        assertEquals(2, run("--help", "--bogus"));
        assertTrue(err().startsWith("--bogus is not a PoolScope flag"), err());
        assertEquals("", out(), "no help when the line itself is wrong");
    }

    @Test
    void maxBelowTheDefaultMinNamesWhatWasTyped() {
        assertEquals(2, run("--headless", "--max", "1"));
        assertTrue(err().startsWith("--max 1 is below --min 2"), err());
    }

    @Test
    void helpPrintsAsciiDigitsInAnyLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
        try {
            assertEquals(0, run("--help"));
        } finally {
            Locale.setDefault(before);
        }
        assertTrue(out().contains("least workers (default 2; 1.." + PoolConfig.WORKER_LIMIT + ")"), out());
        assertTrue(out().chars().filter(Character::isDigit).allMatch(c -> c >= '0' && c <= '9'), out());
    }
}
