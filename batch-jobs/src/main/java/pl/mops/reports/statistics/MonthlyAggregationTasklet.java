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

import pl.mops.reports.database.NamedQueries;

/**
 * Step 1: the whole aggregation as one set-based statement ({@code sql/queries/monthly-statistics.sql})
 * into {@code monthly_stat}. Runs in the step's transaction and first deletes what an earlier,
 * failed attempt of the same job instance may have left, so a restart gives the same rows.
 */
@Component
public class MonthlyAggregationTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MonthlyAggregationTasklet.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;

    public MonthlyAggregationTasklet(NamedParameterJdbcTemplate jdbc, NamedQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
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
        // the distinct counts of the grouping sets sort a few hundred thousand rows: in memory, not on disk
        // (SET LOCAL: only for this step's transaction)
        jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '128MB'");
        int rows = jdbc.update(queries.get("monthly-statistics"), args);
        contribution.incrementWriteCount(rows);
        log.info("Statystyka {} (migawka {}): {} wierszy agregatów", parameters.month(), parameters.snapshotId(), rows);
        return RepeatStatus.FINISHED;
    }
}
