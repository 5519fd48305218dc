package pl.mops.reports.runs;

import java.util.List;
import java.util.Objects;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The last execution of every instance of a job whose parameters name a given period: what {@link RunDecision} weighs.
 *
 * <p>The instances of the period are found by one query on Spring Batch's tables (an execution of the instance with the
 * period's parameter), and only those are read through the job repository — not every instance the job ever had with
 * its last execution, steps and contexts (about ten queries each: a launch took longer with every month of history,
 * 0.3 s at about 150 runs). Each execution read is checked again against the parameter's value, so the query only
 * narrows what is read.
 */
@Component
public class RunsOfPeriod {

    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;

    public RunsOfPeriod(JobRepository jobRepository, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /**
     * @param parameter the job parameter that names the period (e.g. {@code month})
     * @param value     its value (e.g. {@code "2025-12"}, or a {@code Long} year): stored by Spring Batch as its text
     */
    public List<JobExecution> lastExecutions(String jobName, String parameter, Object value) {
        List<Long> instances = jdbc.queryForList("""
                SELECT i.job_instance_id FROM batch_job_instance i
                 WHERE i.job_name = ?
                   AND EXISTS (SELECT 1 FROM batch_job_execution e
                                 JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                                WHERE e.job_instance_id = i.job_instance_id
                                  AND p.parameter_name = ? AND p.parameter_value = ?)
                 ORDER BY i.job_instance_id""", Long.class, jobName, parameter, String.valueOf(value));
        return instances.stream()
                .map(jobRepository::getJobInstance)
                .filter(Objects::nonNull)
                .map(jobRepository::getLastJobExecution)
                .filter(e -> e != null && ofPeriod(e, parameter, value))
                .toList();
    }

    private static boolean ofPeriod(JobExecution execution, String parameter, Object value) {
        JobParameter<?> stored = execution.getJobParameters().getParameter(parameter);
        return stored != null && value.equals(stored.value());
    }
}
