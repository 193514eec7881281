package dev.poolscope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.poolscope.engine.Dispatcher;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.engine.PoolSnapshot;

class SnapshotCsvTest {

    @Test
    void writesTheHeaderThenOneRowPerIntervalWithMatchingColumns() throws Exception {
        Dispatcher pool = Dispatcher.start("csv-test", PoolConfig.builder().workers(1, 2).build(), Map.of());
        SimulatedWork.registerAll(pool, java.util.List.of("read"));
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            StringWriter text = new StringWriter();
            PoolSnapshot first = pool.snapshot();
            try (SnapshotCsv csv = new SnapshotCsv(text, first)) {
                for (int i = 0; i < 10; i++) {
                    pool.submit("read", WorkPlan.NO_OP).join();
                }
                csv.append(pool.snapshot());
                pool.submit("unknown", WorkPlan.NO_OP).join();
                csv.append(pool.snapshot());
            }
            String[] lines = text.toString().split("\n");
            assertEquals(3, lines.length);
            assertEquals(SnapshotCsv.HEADER, lines[0]);
            int columns = SnapshotCsv.HEADER.split(",").length;
            assertEquals(25, columns);
            String[] row = lines[1].split(",");
            assertEquals(columns, row.length, "decimal commas would add columns: " + lines[1]);
            assertEquals("10", column(row, "submitted"));
            assertEquals("10", column(row, "completed"));
            assertEquals("true", column(row, "invariant_ok"));
            assertTrue(column(row, "time_s").contains("."));
            String[] second = lines[2].split(",");
            assertEquals("1", column(second, "unhandled"));
            assertEquals("11", column(second, "submitted"));
        } finally {
            Locale.setDefault(before);
            pool.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void openingInAFolderThatDoesNotExistSaysSo(@TempDir Path dir) {
        Path target = dir.resolve("no-such-folder").resolve("history.csv");
        IOException e = assertThrows(IOException.class, () -> SnapshotCsv.open(target));
        assertEquals("cannot write CSV to " + target + ": the folder does not exist", e.getMessage());
    }

    @Test
    void openingAFolderSaysItIsOne(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> SnapshotCsv.open(dir));
        assertEquals("cannot write CSV to " + dir + ": it is a folder", e.getMessage());
    }

    @Test
    void openWritesUtf8(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("history.csv");
        try (Writer out = SnapshotCsv.open(target)) {
            out.write("\u00b5s");
        }
        assertEquals("\u00b5s", Files.readString(target, StandardCharsets.UTF_8));
    }

    private static String column(String[] row, String name) {
        return row[java.util.Arrays.asList(SnapshotCsv.HEADER.split(",")).indexOf(name)];
    }
}
