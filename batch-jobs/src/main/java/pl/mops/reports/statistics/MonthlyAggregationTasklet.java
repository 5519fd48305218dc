package pl.mops.reports.statistics;

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

import pl.mops.reports.audit.MonthlyLineage;
import pl.mops.reports.audit.StoredLineage;
import pl.mops.reports.database.NamedQueries;

/**
 * Step 1: the aggregation, set-based: one pass over the month's and the year's realisations into family-level
 * fact tables ({@code sql/queries/monthly-facts.sql}), and from them every figure into {@code monthly_stat}
 * ({@code sql/queries/monthly-statistics.sql}) and the auditors' lineage ({@link StoredLineage}). Runs in the step's
 * transaction and first deletes what an earlier, failed attempt of the same job instance may have left, so a restart
 * gives the same rows.
 */
@Component
public class MonthlyAggregationTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MonthlyAggregationTasklet.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;
    private final StoredLineage lineage;
    private final MonthlyLineage monthlyLineage;

    public MonthlyAggregationTasklet(NamedParameterJdbcTemplate jdbc, NamedQueries queries, StoredLineage lineage,
                                     MonthlyLineage monthlyLineage) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.lineage = lineage;
        this.monthlyLineage = monthlyLineage;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        MonthlyJobParameters parameters = MonthlyJobParameters.from(step.getJobParameters());
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();
        Map<String, Object> args = Map.of(
                "instanceId", instanceId,
                "snapshotId", parameters.snapshotId(),
                "monthStart", java.sql.Date.valueOf(parameters.month().atDay(1)));
        jdbc.update("DELETE FROM monthly_stat WHERE job_instance_id = :instanceId", args);
        // the hash aggregates of the family-level facts: in memory, not on disk (SET LOCAL: this step's transaction)
        jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '256MB'");
        long started = System.nanoTime();
        for (String statement : queries.steps("monthly-facts")) {
            jdbc.update(statement, args);
        }
        long facts = System.nanoTime();
        int rows = jdbc.update(queries.get("monthly-statistics"), args);
        long figures = System.nanoTime();
        // the auditors' lineage from the same fact tables, kept for the rendering step's package
        lineage.keepCreatedAs(step.getJobExecution(), monthlyLineage.rowsQuery(), java.util.Map.of(),
                monthlyLineage::insertUnits);
        log.info("Statystyka {}: fakty rodzin {} ms, agregaty {} ms, pochodzenie {} ms", parameters.month(),
                (facts - started) / 1_000_000, (figures - facts) / 1_000_000, (System.nanoTime() - figures) / 1_000_000);
        contribution.incrementWriteCount(rows);
        log.info("Statystyka {} (migawka {}): {} wierszy agregatów", parameters.month(), parameters.snapshotId(), rows);
        return RepeatStatus.FINISHED;
    }
}
