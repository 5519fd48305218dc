package pl.mops.reports.statistics;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The monthly statistics runs the year's workbook is made of: for each month of a year, the newest completed run of
 * the full profile (the publication profile's files are other documents; its aggregates are the same).
 */
@Repository
public class YearToDateRuns {

    /** a completed run of a month: its job instance (the aggregates in {@code monthly_stat}), snapshot and version */
    public record MonthRun(YearMonth month, long jobInstanceId, long snapshotId, long version) {
    }

    private final JdbcTemplate jdbc;

    public YearToDateRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** the newest completed full-profile run of every month from January to {@code last} that has one, by month */
    public Map<YearMonth, MonthRun> newestCompleted(YearMonth last) {
        Map<YearMonth, MonthRun> runs = new LinkedHashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (m.parameter_value) m.parameter_value AS month, i.job_instance_id,
                       s.parameter_value AS snapshot, v.parameter_value AS version
                  FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                  JOIN batch_job_execution_params m
                    ON m.job_execution_id = e.job_execution_id AND m.parameter_name = 'month'
                  JOIN batch_job_execution_params s
                    ON s.job_execution_id = e.job_execution_id AND s.parameter_name = 'snapshot'
                  JOIN batch_job_execution_params v
                    ON v.job_execution_id = e.job_execution_id AND v.parameter_name = 'version'
                 WHERE i.job_name = ? AND e.status = 'COMPLETED'
                   AND m.parameter_value >= ? AND m.parameter_value <= ?
                   AND NOT EXISTS (SELECT 1 FROM batch_job_execution_params p
                                    WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'profile')
                 ORDER BY m.parameter_value, i.job_instance_id DESC""", rs -> {
            YearMonth month = YearMonth.parse(rs.getString("month"));
            runs.put(month, new MonthRun(month, rs.getLong("job_instance_id"), Long.parseLong(rs.getString("snapshot")),
                    Long.parseLong(rs.getString("version"))));
        }, MonthlyStatisticsJobConfiguration.JOB_NAME, YearMonth.of(last.getYear(), 1).toString(), last.toString());
        return runs;
    }
}
