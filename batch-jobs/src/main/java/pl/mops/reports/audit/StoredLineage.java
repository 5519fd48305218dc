package pl.mops.reports.audit;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cell lineage of a run computed ONCE, in the step that computes the figures, from the very fact tables the figures
 * come from — not a second pass over the period's data when the package is written (issue 17: at the country's scale
 * that second pass was two thirds of the annual return's time).
 *
 * <p>The computing step {@link #keep keeps} the rows it computes from its fact tables in an UNLOGGED table of its job
 * instance ({@code lineage_run_<instance>}: created in the step's transaction, so a failed step leaves none; unlogged,
 * so millions of rows cost no WAL) — it fills {@link LineageTable#TABLE}, which is then a view of that table — and
 * records their number — as the fill's own statements report it, not by counting the table (a scan of every row: at
 * the country's scale 18.5 million, about 2 s, twice per run) — in the job's execution context. The package step
 * {@link #restore restores} them (again a view, no copy) and {@link #discard discards} the table in its own transaction
 * (a failed package step keeps it for the restart). An unlogged table is emptied by PostgreSQL after a crash: when the
 * table is missing or empty though rows were recorded, {@code restore} says so and the caller computes the lineage
 * again from the data (the slow path, same rows). The recorded number goes with the restored view
 * ({@link LineageTable#createOver(String, String, long)}), and the package's file must have exactly that many lines
 * ({@link LineageTable#writeCsv}): a table that lost rows in any other way, or a fill that reported a wrong number,
 * fails the package, never shortens its file.
 *
 * <p>The units the fill supplies ({@link LineageTable#UNITS}) are kept the same way, beside the rows
 * ({@code lineage_unit_<instance>}, their number recorded too); when they are lost but the rows are not, the package
 * finds the units among the rows (slower, same file).
 */
@Component
public class StoredLineage {

    private static final Logger log = LoggerFactory.getLogger(StoredLineage.class);
    static final String ROWS_KEY = "lineageRows";
    static final String UNITS_KEY = "lineageUnits";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final LineageTable lineage;

    public StoredLineage(JdbcTemplate jdbc, LineageTable lineage) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.lineage = lineage;
    }

    /**
     * The kept tables are written once, read once and dropped: PostgreSQL's autovacuum, which sees them once the
     * computing step commits (millions of new rows), would only scan and analyze them on the second core while the
     * package is written, and the package step's DROP then waited for it to be cancelled — up to deadlock_timeout, 1 s
     * (x10: the DROP took 0.5–1.1 s, „canceling autovacuum task” in the server's log).
     */
    static final String NO_AUTOVACUUM = " WITH (autovacuum_enabled = false, toast.autovacuum_enabled = false)";

    static String table(long jobInstanceId) {
        return "lineage_run_" + jobInstanceId;
    }

    static String unitsTable(long jobInstanceId) {
        return "lineage_unit_" + jobInstanceId;
    }

    /**
     * in the computing step's transaction: {@code fill} inserts the run's rows into {@link LineageTable#TABLE}, which is
     * here a view of the kept table ({@link LineageTable#createOver}): the rows are written once, straight into it; it
     * returns their number (the sum of its inserts' row counts, without the units)
     */
    public void keep(JobExecution execution, LongSupplier fill) {
        long instance = execution.getJobInstance().getInstanceId();
        dropPrevious(instance);
        jdbc.execute("CREATE UNLOGGED TABLE " + table(instance) + " (" + LineageTable.COLUMNS + ")" + NO_AUTOVACUUM);
        fillAndRecord(execution, fill);
    }

    /**
     * {@link #keep} for a lineage whose rows one query gives ({@code rows}: cell, kind, source id; named parameters):
     * the kept table is made from it by {@code CREATE TABLE … AS}, which PostgreSQL may run with parallel workers — the
     * query part of an {@code INSERT … SELECT} never is (issue 17; MRPiPS-03 at 150 000 families, psql: 3.4–5.1 s
     * inserted through the view, 2.4–4.3 s so). The columns are those of {@link LineageTable#COLUMNS}, collations
     * included (the package joins them with its own tables), but for their {@code NOT NULL} (a check would read every
     * row again): the query must give no NULL. {@code units} then inserts the counted units into
     * {@link LineageTable#UNITS}, as a fill of {@link #keep} does.
     */
    public void keepCreatedAs(JobExecution execution, String rows, Map<String, ?> parameters, Runnable units) {
        long instance = execution.getJobInstance().getInstanceId();
        dropPrevious(instance);
        long created = named.update("CREATE UNLOGGED TABLE " + table(instance) + NO_AUTOVACUUM
                + " AS\nSELECT CAST(cell AS text) COLLATE \"C\" AS cell, CAST(kind AS text) COLLATE \"default\" AS kind, "
                + "CAST(source_id AS text) COLLATE \"default\" AS source_id\n  FROM (\n" + rows
                + "\n) AS lineage (cell, kind, source_id)", parameters);
        fillAndRecord(execution, () -> {
            units.run();
            return created;
        });
    }

    /** drops the kept tables of finished runs, and this instance's from an earlier attempt */
    private void dropPrevious(long instance) {
        dropFinished();
        jdbc.execute("DROP TABLE IF EXISTS " + table(instance) + ", " + unitsTable(instance));
    }

    /**
     * with the kept table made: makes the units' table, shows both as {@link LineageTable#TABLE} and
     * {@link LineageTable#UNITS} while {@code fill} runs, and records the rows' number it returns and the units'
     */
    private void fillAndRecord(JobExecution execution, LongSupplier fill) {
        long instance = execution.getJobInstance().getInstanceId();
        jdbc.execute("CREATE UNLOGGED TABLE " + unitsTable(instance) + " (" + LineageTable.UNIT_COLUMNS + ")"
                + NO_AUTOVACUUM);
        lineage.createOver(table(instance), unitsTable(instance));
        long rows = fill.getAsLong();
        lineage.drop();
        Long units = jdbc.queryForObject("SELECT count(*) FROM " + unitsTable(instance), Long.class);
        execution.getExecutionContext().putLong(ROWS_KEY, rows);
        execution.getExecutionContext().putLong(UNITS_KEY, units);
    }

    /**
     * in the package step, after {@link LineageTable#create()}: makes {@link LineageTable#TABLE} show the kept rows
     * ({@link LineageTable#createOver(String, String, long)}, with their recorded number; not copied)
     *
     * @return false when there is nothing (complete) to show — {@link LineageTable#TABLE} is left as it was (empty) and
     * the caller computes the lineage again
     */
    public boolean restore(JobExecution execution) {
        long instance = execution.getJobInstance().getInstanceId();
        if (!kept(execution, ROWS_KEY, table(instance), "wierszy", "liczę je ponownie z danych")) {
            return false; // e.g. emptied by crash recovery: the caller computes it again
        }
        boolean units = kept(execution, UNITS_KEY, unitsTable(instance), "jednostek", "szukam ich w wierszach");
        lineage.createOver(table(instance), units ? unitsTable(instance) : null,
                execution.getExecutionContext().getLong(ROWS_KEY));
        return true;
    }

    /**
     * the package's lineage filler ({@code AuditPackageWriter.Request.fillLineage}): the kept rows, or — when they were
     * lost — {@code recompute} from the data
     */
    public Runnable restoreOr(JobExecution execution, Runnable recompute) {
        return () -> {
            if (!restore(execution)) {
                recompute.run();
            }
        };
    }

    /** in the package step's transaction, once the package is written */
    public void discard(JobExecution execution) {
        lineage.drop(); // the view of the kept table, if the writer has not dropped it
        long instance = execution.getJobInstance().getInstanceId();
        jdbc.execute("DROP TABLE IF EXISTS " + table(instance) + ", " + unitsTable(instance));
    }

    /**
     * the kept {@code table} is there, with rows when rows were recorded under {@code key} (crash recovery empties an
     * unlogged table whole; the exact number is checked against the written file, {@link LineageTable#writeCsv});
     * otherwise the log says what is missing ({@code what}: „wierszy”, „jednostek”) and what happens instead
     * ({@code instead})
     */
    private boolean kept(JobExecution execution, String key, String table, String what, String instead) {
        long instance = execution.getJobInstance().getInstanceId();
        if (!execution.getExecutionContext().containsKey(key) || !exists(table)) {
            log.info("Pochodzenie przebiegu {}: brak zachowanych {} — {}", instance, what, instead);
            return false;
        }
        long recorded = execution.getExecutionContext().getLong(key);
        boolean present = Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT FROM " + table + ")",
                Boolean.class));
        if (present != (recorded > 0)) {
            log.info("Pochodzenie przebiegu {}: zachowano {} {}, tabela jest {} — {}", instance, recorded, what,
                    present ? "niepusta" : "pusta", instead);
            return false;
        }
        return true;
    }

    private boolean exists(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table));
    }

    /**
     * kept tables of runs that will never write their package (the run completed or was abandoned after the table was
     * made — e.g. a package step that failed and was given up): dropped by the next run that keeps one
     */
    private void dropFinished() {
        List<String> finished = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c
                 WHERE c.relkind = 'r' AND c.relnamespace = CAST('public' AS regnamespace)
                   AND c.relname ~ '^lineage_(run|unit)_[0-9]+$'
                   AND EXISTS (SELECT 1 FROM batch_job_execution e
                                WHERE e.job_instance_id = CAST(substring(c.relname FROM '[0-9]+$') AS bigint)
                                  AND e.status IN ('COMPLETED', 'ABANDONED'))""", String.class);
        for (String table : finished) {
            jdbc.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
