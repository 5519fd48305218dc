package pl.mops.reports.runs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The runs a launch weighs ({@link RunDecision}, the import's run number), found by queries on Spring Batch's tables —
 * only the instances that matter are then read through the job repository, not every instance the job ever had with
 * its last execution, steps and contexts (about ten queries each). Read that way, a launch took longer with every run
 * in the history: 0.3–0.45 s before a monthly run with about 180 runs of the job, and a daily extraction would read
 * every earlier day's run. Each execution read is checked again against the parameter's value, so a query only
 * narrows what is read.
 */
@Component
public class RunsByParameter {

    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;

    public RunsByParameter(JobRepository jobRepository, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /**
     * The last execution of every instance of the job whose parameters name the value (e.g. the runs of a period).
     *
     * @param parameter the job parameter (e.g. {@code month})
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
        return lastExecutionsNaming(instances, parameter, value);
    }

    /**
     * The last execution of the instance with the highest {@code number} (a {@code Long} parameter, e.g. the run number)
     * among the instances of the job whose parameters name the value (e.g. a source), if any.
     */
    public Optional<JobExecution> lastOfHighest(String jobName, String parameter, Object value, String number) {
        List<Long> instance = jdbc.queryForList("""
                SELECT i.job_instance_id FROM batch_job_instance i
                  JOIN batch_job_execution e ON e.job_instance_id = i.job_instance_id
                  JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                                                   AND p.parameter_name = ? AND p.parameter_value = ?
                  JOIN batch_job_execution_params n ON n.job_execution_id = e.job_execution_id AND n.parameter_name = ?
                 WHERE i.job_name = ?
                 ORDER BY CAST(n.parameter_value AS bigint) DESC, i.job_instance_id DESC
                 LIMIT 1""", Long.class, parameter, String.valueOf(value), number, jobName);
        return lastExecutionsNaming(instance, parameter, value).stream().findFirst();
    }

    /** the last executions of the job still marked running (STARTING, STARTED, STOPPING) */
    public List<JobExecution> stillRunning(String jobName) {
        List<Long> instances = jdbc.queryForList("""
                SELECT e.job_instance_id FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                 WHERE i.job_name = ? AND e.status IN ('STARTING', 'STARTED', 'STOPPING')
                   AND e.job_execution_id = (SELECT max(x.job_execution_id) FROM batch_job_execution x
                                              WHERE x.job_instance_id = e.job_instance_id)
                 ORDER BY e.job_instance_id""", Long.class, jobName);
        return lastExecutionsOf(instances).stream().filter(e -> e.getStatus().isRunning()).toList();
    }

    private List<JobExecution> lastExecutionsOf(List<Long> instances) {
        return instances.stream()
                .map(jobRepository::getJobInstance)
                .filter(Objects::nonNull)
                .map(jobRepository::getLastJobExecution)
                .filter(Objects::nonNull)
                .toList();
    }

    /** the last executions of the instances whose parameters (read again) name the value */
    private List<JobExecution> lastExecutionsNaming(List<Long> instances, String parameter, Object value) {
        return lastExecutionsOf(instances).stream().filter(e -> named(e, parameter, value)).toList();
    }

    private static boolean named(JobExecution execution, String parameter, Object value) {
        JobParameter<?> stored = execution.getJobParameters().getParameter(parameter);
        return stored != null && value.equals(stored.value());
    }
}
