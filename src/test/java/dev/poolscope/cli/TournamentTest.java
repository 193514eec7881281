package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TournamentTest {

    @Test
    void anOutputFileThatCannotBeWrittenIsRefusedBeforeAnyEntrantRuns(@TempDir Path dir) {
        Path csv = dir.resolve("t.csv");
        Path json = dir.resolve("missing").resolve("t.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(new String[] {"--tournament", "--policies", "threshold", "--duration", "600ms",
                    "--csv", csv.toString(), "--json", json.toString()}, o, e);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.BAD_ARGUMENTS, code, said);
        assertTrue(said.startsWith("cannot write JSON to " + json + ": the folder does not exist"), said);
        assertFalse(said.contains("running threshold"), "no entrant ran: " + said);
        assertFalse(Files.exists(csv), "nothing written");
    }

    @Test
    void aShortTournamentPrintsOneRankedRowPerPolicyAndWritesCsvAndJson(@TempDir Path dir) {
        Path csv = dir.resolve("t.csv");
        Path json = dir.resolve("t.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(new String[] {"--tournament", "--scenario", "burst", "--policies",
                    "threshold,hpa,backlog,capacity,aimd", "--duration", "600ms", "--seed", "5", "--csv",
                    csv.toString(), "--json", json.toString()}, o, e);
        }
        String table = out.toString(StandardCharsets.UTF_8);
        assertEquals(Main.OK, code, table + err.toString(StandardCharsets.UTF_8));
        assertTrue(table.contains("seed 5"), table);
        for (String policy : List.of("threshold", "hpa", "backlog", "capacity", "aimd")) {
            assertEquals(1, table.lines().filter(l -> l.matches("\\d+ +" + policy + " .*")).count(), table);
        }
        assertTrue(table.lines().anyMatch(l -> l.startsWith("1    ")), table);
        List<String> rows = readLines(csv);
        assertEquals(6, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("rank,policy,settings,wait_p99_ms"), rows.get(0));
        String text = read(json);
        assertTrue(text.startsWith("{\"scenario\":\"burst\"") && text.contains("\"policy\":\"aimd\""), text);
    }

    @Test
    void rowsRankByLostRequestsThenWaitThenCost() {
        Tournament.Row cheapButLossy = new Tournament.Row("a", "", 1, 5, 0, 10, 3, 1, 0, true);
        Tournament.Row slow = new Tournament.Row("b", "", 20, 0, 0, 10, 3, 1, 0, true);
        Tournament.Row fastCostly = new Tournament.Row("c", "", 2.2, 0, 0, 90, 3, 1, 0, true);
        Tournament.Row fastCheap = new Tournament.Row("d", "", 1.8, 0, 0, 40, 9, 1, 0, true);
        List<Tournament.Row> rows = new java.util.ArrayList<>(List.of(cheapButLossy, slow, fastCostly, fastCheap));
        rows.sort(Tournament.BEST_FIRST);
        assertEquals(List.of(fastCheap, fastCostly, slow, cheapButLossy), rows);
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
