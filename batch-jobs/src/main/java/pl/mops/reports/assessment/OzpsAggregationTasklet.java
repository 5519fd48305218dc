package pl.mops.reports.assessment;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.audit.StoredLineage;
import pl.mops.reports.database.NamedQueries;

/**
 * Step 2: the case-data tables of the assessment, each one set-based statement over the three years
 * ({@code sql/queries/ozps-*.sql}) reading the common reference sets built once ({@code ozps-base-tables.sql}), into
 * {@code ozps_stat}; which years have data at all, into {@code ozps_year}; and the auditors' lineage from the same
 * sets ({@link StoredLineage}). Runs in the step's
 * transaction and first deletes what a failed attempt of the same job instance may have left.
 */
@Component
public class OzpsAggregationTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(OzpsAggregationTasklet.class);

    static final String STAT_COLUMNS = "table_code, row_code, year, families, persons_in_families, recipients, "
            + "benefits, amount, decisions";

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;
    private final StoredLineage lineage;

    public OzpsAggregationTasklet(NamedParameterJdbcTemplate jdbc, NamedQueries queries, StoredLineage lineage) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.lineage = lineage;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        OzpsJobParameters parameters = OzpsJobParameters.from(step.getJobParameters());
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();
        Map<String, Object> args = new HashMap<>();
        args.put("instanceId", instanceId);
        args.put("snapshotId", parameters.snapshotId());
        args.put("year", parameters.year());
        jdbc.update("DELETE FROM ozps_stat WHERE job_instance_id = :instanceId", args);
        jdbc.update("DELETE FROM ozps_year WHERE job_instance_id = :instanceId", args);
        int rows = jdbc.update("INSERT INTO ozps_year (job_instance_id, year, realisations, decisions, social_work) "
                + "SELECT :instanceId, q.* FROM (\n" + queries.get("ozps-years") + "\n) q", args);
        jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '256MB'"); // this step's hash aggregates in memory
        long start = System.nanoTime();
        buildBase(jdbc, queries, args);
        long base = System.nanoTime();
        rows += insert(tableStatement(queries, "ozps-10-3-families"), args);
        rows += insert(tableStatement(queries, "ozps-10-4-reasons"), args);
        args.put("cash", true);
        rows += insert(tableStatement(queries, "ozps-10-5-10-6-benefits"), args);
        args.put("cash", false);
        rows += insert(tableStatement(queries, "ozps-10-5-10-6-benefits"), args);
        rows += insert(tableStatement(queries, "ozps-10-8-refusals"), args);
        long tables = System.nanoTime();
        // the auditors' lineage from the same reference sets, kept for the rendering step's package
        lineage.keepCreatedAs(step.getJobExecution(), OzpsLineage.rowsStatement(queries), args,
                () -> jdbc.update(OzpsLineage.unitsStatement(queries), args));
        contribution.incrementWriteCount(rows);
        log.info("Ocena zasobów {} (migawka {}): {} wierszy agregatów (zbiory odniesienia {} ms, tabele {} ms, "
                + "pochodzenie {} ms)", parameters.year(), parameters.snapshotId(), rows, (base - start) / 1_000_000,
                (tables - base) / 1_000_000, (System.nanoTime() - tables) / 1_000_000);
        return RepeatStatus.FINISHED;
    }

    private int insert(String select, Map<String, Object> args) {
        return jdbc.update("INSERT INTO ozps_stat (job_instance_id, " + STAT_COLUMNS + ")\nSELECT :instanceId, q.* FROM (\n"
                + select + "\n) q", args);
    }

    /**
     * builds the reference sets of the three years once ({@code ozps-base-tables.sql}: temporary tables, dropped at
     * commit), which {@link #tableStatement} reads: call it first, in the same transaction
     */
    static void buildBase(NamedParameterJdbcTemplate jdbc, NamedQueries queries, Map<String, Object> args) {
        for (String statement : queries.steps("ozps-base-tables")) {
            jdbc.update(statement, args);
        }
    }

    /** the statement of one table: the common WITH clause of ozps-base.sql followed by the table's own part */
    static String tableStatement(NamedQueries queries, String name) {
        return queries.get("ozps-base") + "\n" + queries.get(name);
    }
}
