package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.SharedPostgres;

/**
 * The operational tables are partitioned by snapshot (migration V23): an import attaches one partition per table for
 * its snapshot, with the parents' keys and indexes, which queries filtering by {@code snapshot_id} reach alone; a
 * refused import leaves no partition behind, and importing the same files again adds none.
 */
class SnapshotPartitionsTest {

    @TempDir
    Path work;

    private final String url = SharedPostgres.freshDatabase("snapshot_partitions");

    private CommandLineRun.Outcome importing(Path in, String... options) {
        List<String> args = new ArrayList<>(List.of("import", "--dir", in.toString(), "--out", work.resolve("out").toString()));
        args.addAll(List.of(options));
        return CommandLineRun.launchOn(url, work.resolve("home"), args.toArray(String[]::new));
    }

    private Path base(String name) throws IOException {
        Path in = work.resolve(name);
        Files.createDirectories(in);
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(ImportCorpusTest.resource("import/base").resolve(file), in.resolve(file));
        }
        return in;
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off"); // the fixture is tiny: show the plans the indexes give
            List<String> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        }
    }

    private static long number(CommandLineRun.Outcome imported) {
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Import danych — migawka nr (\\d+)").matcher(imported.out());
        assertThat(m.find()).as(imported.out()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void anImportAttachesOnePartitionPerTableThatQueriesReachAlone() throws Exception {
        long id = number(importing(base("base")));

        for (String table : SnapshotPartitions.TABLES) {
            assertThat(strings("SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i "
                    + "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '" + table + "'::regclass ORDER BY 1"))
                    .as(table).containsExactly(table + "_inne DEFAULT", table + "_m" + id + " FOR VALUES IN ('" + id + "')");
            // made by CREATE TABLE … AS from the import's query: the parent's columns, types, collations, NOT NULL and
            // defaults, in its order, and its CHECK constraints under their names
            String columns = "SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' "
                    + "|| a.attcollation::regcollation || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, "
                    + "d.adrelid), '-'), ', ' ORDER BY a.attnum) FROM pg_attribute a LEFT JOIN pg_attrdef d ON "
                    + "d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = '%s'::regclass AND a.attnum > 0 "
                    + "AND NOT a.attisdropped";
            assertThat(strings(columns.formatted(table + "_m" + id))).as(table)
                    .containsExactlyElementsOf(strings(columns.formatted(table)));
            String checks = "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                    + "'%s'::regclass AND contype = 'c' AND conname NOT LIKE '%%\\_snapshot' ORDER BY 1";
            assertThat(strings(checks.formatted(table + "_m" + id))).as(table)
                    .containsExactlyElementsOf(strings(checks.formatted(table)));
            // the parent's primary key and indexes exist on the partition (attached to the parent's, not built again)
            assertThat(strings("SELECT count(*) FROM pg_index WHERE indrelid = '" + table + "_m" + id + "'::regclass"))
                    .as(table).containsExactly(strings("SELECT count(*) FROM pg_index WHERE indrelid = '" + table
                            + "'::regclass").get(0));
        }
        assertThat(strings("SELECT count(*) FROM swiadczenia_m" + id)).containsExactly(
                strings("SELECT rows_loaded::text FROM snapshot_file WHERE snapshot_id = " + id
                        + " AND file_name = 'swiadczenia.csv'").get(0));

        String plan = String.join("\n", strings("EXPLAIN (COSTS OFF) SELECT count(*) FROM swiadczenia WHERE snapshot_id = "
                + id + " AND data >= DATE '2000-01-01'"));
        assertThat(plan).contains("swiadczenia_m" + id).contains("swiadczenia_m" + id + "_snapshot_id_data_idx")
                .doesNotContain("swiadczenia_inne");
        String byId = String.join("\n", strings("EXPLAIN (COSTS OFF) SELECT * FROM osoby WHERE snapshot_id = " + id
                + " AND osoba_id = 'x'"));
        assertThat(byId).contains("Index Scan using osoby_m" + id + "_pkey").doesNotContain("osoby_inne");

        // the same files again: the existing snapshot, no new partition
        CommandLineRun.Outcome again = importing(base("again"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("identyczne z migawką nr " + id);

        // refused inside its transaction (most persons gone against the previous snapshot): no partition is left
        Path shrunk = base("shrunk");
        List<String> persons = Files.readAllLines(shrunk.resolve("osoby.csv"), StandardCharsets.UTF_8);
        Files.write(shrunk.resolve("osoby.csv"), persons.subList(0, 2), StandardCharsets.UTF_8);
        CommandLineRun.Outcome refused = importing(shrunk);
        assertThat(refused.exitCode()).as(refused.out()).isNotZero();
        assertThat(refused.err() + refused.out()).contains("Nic nie zostało zapisane");
        assertThat(strings("SELECT relname FROM pg_class WHERE relname ~ '_m[0-9]+$' AND relkind = 'r' ORDER BY 1"))
                .hasSize(SnapshotPartitions.TABLES.size()).allMatch(name -> name.endsWith("_m" + id));
    }
}
