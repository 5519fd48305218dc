package pl.mops.reports.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import pl.mops.reports.support.DatabaseTest;

/**
 * The lineage kept by the computing step comes back whole in the package step, and when PostgreSQL lost it (an unlogged
 * table is emptied by crash recovery) or it is gone, {@code restore} says so and leaves nothing half-copied, so the
 * caller computes it again.
 */
class StoredLineageTest extends DatabaseTest {

    @Autowired
    StoredLineage stored;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    LineageTable lineage;

    private static final long INSTANCE = 987_654_321L; // no such job instance: nothing else touches its table

    @Test
    void keptRowsComeBackAndAreDiscardedAfterThePackage() {
        JobExecution execution = execution();
        transaction.executeWithoutResult(s -> stored.keep(execution, this::fillThree));

        List<String> restored = transaction.execute(s -> {
            lineage.create();
            assertThat(stored.restore(execution)).isTrue();
            List<String> rows = rows();
            stored.discard(execution);
            return rows;
        });

        assertThat(restored).containsExactly("a/rodziny;rodzina;R1", "a/rodziny;rodzina;R2", "b/rodziny;osoba;O1");
        assertThat(tableExists()).isFalse();
    }

    @Test
    void aLineageMadeByOneQueryIsKeptWithItsNumberOfRowsUnitsAndColumns() {
        JobExecution execution = execution();
        transaction.executeWithoutResult(s -> stored.keepCreatedAs(execution,
                "SELECT x.cell, 'rodzina', x.id FROM (VALUES ('b/rodziny', 'R2'), ('a/rodziny', 'R1'), ('a/rodziny', 'R2')) "
                        + "AS x(cell, id) WHERE x.cell <> :skipped",
                java.util.Map.of("skipped", "c/rodziny"),
                () -> jdbc.update("INSERT INTO " + LineageTable.UNITS + " (kind, source_id) VALUES ('rodzina', 'R1'), "
                        + "('rodzina', 'R2')")));
        // the number the query's CREATE TABLE AS reported, not a count afterwards
        assertThat(execution.getExecutionContext().getLong(StoredLineage.ROWS_KEY)).isEqualTo(3);
        assertThat(execution.getExecutionContext().getLong(StoredLineage.UNITS_KEY)).isEqualTo(2);
        // the kept table has the columns of LineageTable.COLUMNS: a byte-wise ("C") collation for the cell key
        assertThat(jdbc.queryForList("SELECT attname || ' ' || format_type(atttypid, atttypmod) || ' ' || "
                + "coalesce((SELECT collname FROM pg_collation WHERE oid = attcollation), '') FROM pg_attribute "
                + "WHERE attrelid = to_regclass(?) AND attnum > 0 ORDER BY attnum", String.class, StoredLineage.table(INSTANCE)))
                .containsExactly("cell text C", "kind text default", "source_id text default");
        assertThat(jdbc.queryForObject("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = to_regclass(?)",
                String.class, StoredLineage.table(INSTANCE))).contains("autovacuum_enabled=false");

        List<String> restored = transaction.execute(s -> {
            lineage.create();
            assertThat(stored.restore(execution)).isTrue();
            List<String> rows = rows();
            assertThat(units()).containsExactly("rodzina:R1", "rodzina:R2");
            assertThat(lineage.writeCsv(OutputStream.nullOutputStream())).isEqualTo(3);
            lineage.drop();
            stored.discard(execution);
            return rows;
        });
        assertThat(restored).containsExactly("a/rodziny;rodzina;R1", "a/rodziny;rodzina;R2", "b/rodziny;rodzina;R2");
    }

    @Test
    void autovacuumLeavesTheKeptTablesAlone() {
        JobExecution execution = execution();
        transaction.executeWithoutResult(s -> stored.keep(execution, this::fillThree));
        for (String table : List.of(StoredLineage.table(INSTANCE), StoredLineage.unitsTable(INSTANCE))) {
            assertThat(jdbc.queryForObject("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = to_regclass(?)",
                    String.class, table)).as(table).contains("autovacuum_enabled=false");
        }
        transaction.executeWithoutResult(s -> stored.discard(execution));
    }

    @Test
    void keptUnitsComeBackAndWhenLostTheUnitsAreLookedForInTheRows() {
        JobExecution execution = execution();
        transaction.executeWithoutResult(s -> stored.keep(execution, () -> {
            long rows = fillThree();
            jdbc.update("INSERT INTO " + LineageTable.UNITS + " (kind, source_id) VALUES "
                    + "('rodzina', 'R1'), ('rodzina', 'R2'), ('osoba', 'O1'), ('osoba', 'O2')");
            return rows;
        }));
        List<String> kept = transaction.execute(s -> {
            lineage.create();
            assertThat(stored.restore(execution)).isTrue();
            return units();
        });
        assertThat(kept).containsExactly("osoba:O1", "osoba:O2", "rodzina:R1", "rodzina:R2");

        jdbc.execute("TRUNCATE " + StoredLineage.unitsTable(INSTANCE)); // recovery emptied the units, not the rows
        List<String> afterLoss = transaction.execute(s -> {
            lineage.create();
            assertThat(stored.restore(execution)).as("the rows are whole").isTrue();
            List<String> rows = rows();
            assertThat(units()).as("no units: the package finds them in the rows").isEmpty();
            stored.discard(execution);
            return rows;
        });
        assertThat(afterLoss).hasSize(3);
        assertThat(tableExists(StoredLineage.unitsTable(INSTANCE))).isFalse();
    }

    @Test
    void keptTablesOfAFinishedRunAreDroppedByTheNextRunThatKeepsOne() {
        long finished = INSTANCE + 1; // a completed run whose tables were left behind
        jdbc.update("INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key) VALUES (?, 0, ?, ?)",
                finished, "test-finished", "k" + finished);
        jdbc.update("INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, status) "
                + "VALUES (?, 0, ?, now(), 'COMPLETED')", finished, finished);
        try {
            jdbc.execute("CREATE UNLOGGED TABLE " + StoredLineage.table(finished) + " (" + LineageTable.COLUMNS + ")");
            jdbc.execute("CREATE UNLOGGED TABLE " + StoredLineage.unitsTable(finished) + " (" + LineageTable.UNIT_COLUMNS + ")");
            JobExecution execution = execution();
            transaction.executeWithoutResult(s -> stored.keep(execution, this::fillThree));
            assertThat(tableExists(StoredLineage.table(finished))).isFalse();
            assertThat(tableExists(StoredLineage.unitsTable(finished))).isFalse();
            transaction.executeWithoutResult(s -> stored.discard(execution));
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS " + StoredLineage.table(finished) + ", " + StoredLineage.unitsTable(finished));
            jdbc.update("DELETE FROM batch_job_execution WHERE job_execution_id = ?", finished);
            jdbc.update("DELETE FROM batch_job_instance WHERE job_instance_id = ?", finished);
        }
    }

    @Test
    void aTableEmptiedByCrashRecoveryIsNotTakenForTheLineage() {
        JobExecution execution = execution();
        transaction.executeWithoutResult(s -> stored.keep(execution, this::fillThree));
        jdbc.execute("TRUNCATE " + StoredLineage.table(INSTANCE)); // what recovery does to an unlogged table

        List<String> restored = transaction.execute(s -> {
            lineage.create();
            assertThat(stored.restore(execution)).isFalse();
            return rows();
        });

        assertThat(restored).isEmpty();
        transaction.executeWithoutResult(s -> stored.discard(execution));
    }

    @Test
    void theFileOfAKeptTableHasExactlyItsRecordedRowsOrThePackageFails() {
        JobExecution execution = execution();
        transaction.executeWithoutResult(s -> stored.keep(execution, this::fillThree));
        long whole = transaction.execute(s -> {
            lineage.create();
            assertThat(stored.restore(execution)).isTrue();
            long lines = lineage.writeCsv(OutputStream.nullOutputStream());
            lineage.drop(); // as the package writer does (a view outlives its transaction)
            return lines;
        });
        assertThat(whole).isEqualTo(3);

        // a row lost otherwise than by crash recovery (which empties the table): not noticed by restore, which does not
        // count the rows, but by the file
        jdbc.update("DELETE FROM " + StoredLineage.table(INSTANCE) + " WHERE source_id = 'R2'");
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            lineage.create();
            assertThat(stored.restore(execution)).isTrue();
            lineage.writeCsv(OutputStream.nullOutputStream());
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("zapisano 2 z 3 wierszy");

        // and a fill that reports fewer rows than it inserted
        transaction.executeWithoutResult(s -> stored.keep(execution, () -> fillThree() - 1));
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            lineage.create();
            assertThat(stored.restore(execution)).isTrue();
            lineage.writeCsv(OutputStream.nullOutputStream());
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("zapisano 3 z 2 wierszy");

        // the known number belongs to the view's transaction: a table made afterwards is counted as before
        long fresh = transaction.execute(s -> {
            lineage.create();
            fillThree();
            long lines = lineage.writeCsv(OutputStream.nullOutputStream());
            lineage.drop();
            return lines;
        });
        assertThat(fresh).isEqualTo(3);
        transaction.executeWithoutResult(s -> stored.discard(execution));
    }

    @Test
    void aMissingTableOrCountIsNotTakenForTheLineage() {
        JobExecution execution = execution();
        transaction.executeWithoutResult(s -> {
            lineage.create();
            assertThat(stored.restore(execution)).as("nothing kept").isFalse();
        });
        transaction.executeWithoutResult(s -> stored.keep(execution, this::fillThree));
        transaction.executeWithoutResult(s -> stored.discard(execution));
        transaction.executeWithoutResult(s -> {
            lineage.create();
            assertThat(stored.restore(execution)).as("table dropped").isFalse();
        });
    }

    private static JobExecution execution() {
        return new JobExecution(1L, new JobInstance(INSTANCE, "test"), new JobParameters());
    }

    private long fillThree() {
        return jdbc.update("INSERT INTO " + LineageTable.TABLE + " (cell, kind, source_id) VALUES "
                + "('a/rodziny', 'rodzina', 'R1'), ('a/rodziny', 'rodzina', 'R2'), ('b/rodziny', 'osoba', 'O1')");
    }

    private List<String> rows() {
        return jdbc.queryForList("SELECT cell || ';' || kind || ';' || source_id FROM " + LineageTable.TABLE
                + " ORDER BY 1", String.class);
    }

    private List<String> units() {
        return jdbc.queryForList("SELECT kind || ':' || source_id FROM " + LineageTable.UNITS + " ORDER BY 1", String.class);
    }

    private boolean tableExists() {
        return tableExists(StoredLineage.table(INSTANCE));
    }

    private boolean tableExists(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table));
    }
}
