package pl.mops.reports.scheduling;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.runs.ReportJob;

/** {@link RunState} from the snapshot tables and the Spring Batch job repository. */
@Repository
public class JdbcRunState implements RunState {

    private final JdbcTemplate jdbc;
    private final MopsProperties properties;

    public JdbcRunState(JdbcTemplate jdbc, MopsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public Optional<NewestSnapshot> newestSnapshot() {
        return jdbc.query("""
                SELECT s.id, s.data_as_of, (SELECT min(w.data) FROM swiadczenia w WHERE w.snapshot_id = s.id) AS first_day
                  FROM snapshot s ORDER BY s.id DESC LIMIT 1""",
                (rs, i) -> new NewestSnapshot(rs.getLong("id"), rs.getObject("data_as_of", LocalDate.class),
                        rs.getObject("first_day", LocalDate.class))).stream().findFirst();
    }

    @Override
    public Set<String> completedPeriods(ReportJob job, Long snapshotId) {
        return new HashSet<>(jdbc.queryForList("""
                SELECT DISTINCT period.parameter_value
                  FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                  JOIN batch_job_execution_params period
                    ON period.job_execution_id = e.job_execution_id AND period.parameter_name = ?
                  JOIN batch_job_execution_params snapshot
                    ON snapshot.job_execution_id = e.job_execution_id AND snapshot.parameter_name = 'snapshot'
                 WHERE i.job_name = ? AND e.status = 'COMPLETED'
                   AND (CAST(? AS text) IS NULL OR snapshot.parameter_value = CAST(? AS text))""",
                String.class, periodParameter(job), job.batchJobName(),
                snapshotId == null ? null : snapshotId.toString(), snapshotId == null ? null : snapshotId.toString()));
    }

    /** the newest job execution of the job, 0 when none (to tell whether a failed launch started one) */
    public long lastExecutionId(ReportJob job) {
        Long id = jdbc.queryForObject("""
                SELECT max(e.job_execution_id) FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id WHERE i.job_name = ?""",
                Long.class, job.batchJobName());
        return id == null ? 0 : id;
    }

    private static String periodParameter(ReportJob job) {
        return switch (job) {
            case MONTHLY -> "month";
            case MRPIPS03 -> "period";
            case OZPS -> "year";
        };
    }
}
