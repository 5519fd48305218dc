package pl.mops.reports.scheduling;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import pl.mops.reports.runs.ReportJob;

/** The last job execution of each job, of any launcher or of the scheduler only (for {@code status} and health). */
@Repository
public class LastRuns {

    /** One job execution as {@code status} and the health endpoint show it. */
    public record Run(long executionId, ReportJob job, String parameters, String status, LocalDateTime start,
                      LocalDateTime end, String launchedBy) {

        public Optional<Duration> duration() {
            return start == null || end == null ? Optional.empty() : Optional.of(Duration.between(start, end));
        }

        public boolean failed() {
            return !status.equals("COMPLETED") && !status.equals("STARTED") && !status.equals("STARTING")
                    && !status.equals("STOPPING");
        }
    }

    private final JdbcTemplate jdbc;

    public LastRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param scheduledOnly only runs launched by the scheduler */
    public Map<ReportJob, Run> lastPerJob(boolean scheduledOnly) {
        Map<ReportJob, Run> runs = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (i.job_name) e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time,
                       (SELECT string_agg(p.parameter_name || '=' || p.parameter_value, ', ' ORDER BY p.parameter_name)
                          FROM batch_job_execution_params p
                         WHERE p.job_execution_id = e.job_execution_id AND p.identifying = 'Y') AS params,
                       (SELECT p.parameter_value FROM batch_job_execution_params p
                         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'launchedBy') AS launched_by
                  FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                 WHERE i.job_name IN ('monthlyStatistics', 'mrpips03Return', 'ozpsAssessment')
                   AND (NOT ? OR EXISTS (SELECT 1 FROM batch_job_execution_params p
                                          WHERE p.job_execution_id = e.job_execution_id
                                            AND p.parameter_name = 'launchedBy' AND p.parameter_value = ?))
                 ORDER BY i.job_name, e.job_execution_id DESC""",
                rs -> {
                    ReportJob job = ReportJob.ofBatchJobName(rs.getString("job_name"));
                    runs.put(job, new Run(rs.getLong("job_execution_id"), job, rs.getString("params"),
                            rs.getString("status"), time(rs.getTimestamp("start_time")), time(rs.getTimestamp("end_time")),
                            rs.getString("launched_by")));
                }, scheduledOnly, CatchUp.LAUNCHED_BY);
        return runs;
    }

    private static LocalDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
