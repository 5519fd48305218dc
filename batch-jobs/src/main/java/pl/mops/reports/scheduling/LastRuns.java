package pl.mops.reports.scheduling;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import pl.mops.reports.runs.DataJob;
import pl.mops.reports.runs.ReportJob;

/**
 * The last job execution of each job, of any launcher or of the scheduler only (for {@code status} and health): the
 * report jobs and the data jobs (import, extraction).
 */
@Repository
public class LastRuns {

    /** One job execution as {@code status} and the health endpoint show it. */
    public record Run(long executionId, String jobName, String parameters, String status, LocalDateTime start,
                      LocalDateTime end, String launchedBy, String exitMessage) {

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
        last(Arrays.stream(ReportJob.values()).map(ReportJob::batchJobName).toList(), scheduledOnly)
                .forEach((name, run) -> runs.put(ReportJob.ofBatchJobName(name), run));
        return runs;
    }

    /** the same for the import and the extraction */
    public Map<DataJob, Run> lastPerDataJob(boolean scheduledOnly) {
        Map<DataJob, Run> runs = new HashMap<>();
        last(Arrays.stream(DataJob.values()).map(DataJob::batchJobName).toList(), scheduledOnly)
                .forEach((name, run) -> runs.put(DataJob.ofBatchJobName(name).orElseThrow(), run));
        return runs;
    }

    private Map<String, Run> last(List<String> jobNames, boolean scheduledOnly) {
        Map<String, Run> runs = new HashMap<>();
        List<Object> args = new ArrayList<>(jobNames);
        args.add(scheduledOnly);
        args.add(CatchUp.LAUNCHED_BY);
        jdbc.query("""
                SELECT DISTINCT ON (i.job_name) e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time,
                       e.exit_message,
                       (SELECT string_agg(p.parameter_name || '=' || p.parameter_value, ', ' ORDER BY p.parameter_name)
                          FROM batch_job_execution_params p
                         WHERE p.job_execution_id = e.job_execution_id AND p.identifying = 'Y') AS params,
                       (SELECT p.parameter_value FROM batch_job_execution_params p
                         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'launchedBy') AS launched_by
                  FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                 WHERE i.job_name IN (""" + jobNames.stream().map(n -> "?").collect(Collectors.joining(", ")) + """
                )
                   AND (NOT ? OR EXISTS (SELECT 1 FROM batch_job_execution_params p
                                          WHERE p.job_execution_id = e.job_execution_id
                                            AND p.parameter_name = 'launchedBy' AND p.parameter_value = ?))
                 ORDER BY i.job_name, e.job_execution_id DESC""",
                rs -> {
                    runs.put(rs.getString("job_name"), new Run(rs.getLong("job_execution_id"), rs.getString("job_name"),
                            rs.getString("params"), rs.getString("status"), time(rs.getTimestamp("start_time")),
                            time(rs.getTimestamp("end_time")), rs.getString("launched_by"), rs.getString("exit_message")));
                }, args.toArray());
        return runs;
    }

    private static LocalDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
