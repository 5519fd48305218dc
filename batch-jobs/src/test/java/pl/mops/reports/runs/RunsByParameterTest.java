package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.support.DatabaseTest;

/**
 * The runs of a period are the last executions of exactly the instances whose parameters name it — found by a query,
 * not by reading every instance — for a text period (a month) and a number (a year), and whatever other jobs or
 * periods the repository holds.
 */
class RunsByParameterTest extends DatabaseTest {

    @Autowired
    RunsByParameter runs;
    @Autowired
    JobRepository repository;

    @Test
    void onlyTheLastExecutionOfEachInstanceOfThePeriod() {
        String job = "runsByParameterTestMonthly";
        JobExecution firstOfDecember = execution(job, monthly("2025-12", 1), BatchStatus.FAILED);
        JobExecution resumedDecember = execution(firstOfDecember.getJobInstance(), monthly("2025-12", 1),
                BatchStatus.COMPLETED);
        JobExecution secondVersion = execution(job, monthly("2025-12", 2), BatchStatus.COMPLETED);
        execution(job, monthly("2025-11", 1), BatchStatus.COMPLETED);
        execution("runsByParameterTestOther", monthly("2025-12", 1), BatchStatus.COMPLETED);

        List<Long> december = runs.lastExecutions(job, "month", "2025-12").stream().map(JobExecution::getId).toList();

        assertThat(december).containsExactlyInAnyOrder(resumedDecember.getId(), secondVersion.getId());
        assertThat(runs.lastExecutions(job, "month", "2025-10")).isEmpty();
    }

    @Test
    void aYearStoredAsANumber() {
        String job = "runsByParameterTestYearly";
        JobExecution y2025 = execution(job, new JobParametersBuilder().addLong("year", 2025L).addLong("version", 1L)
                .toJobParameters(), BatchStatus.COMPLETED);
        execution(job, new JobParametersBuilder().addLong("year", 2024L).addLong("version", 1L).toJobParameters(),
                BatchStatus.COMPLETED);
        // the same text stored as another type (found by the query, which compares texts): not the year 2025
        execution(job, new JobParametersBuilder().addString("year", "2025").addLong("version", 2L).toJobParameters(),
                BatchStatus.COMPLETED);

        assertThat(runs.lastExecutions(job, "year", 2025L)).extracting(JobExecution::getId).containsExactly(y2025.getId());
    }

    @Test
    void theRunOfASourceWithTheHighestNumber() {
        String job = "runsByParameterTestImport";
        JobExecution first = execution(job, run("csv:/a", 1), BatchStatus.COMPLETED);
        JobExecution second = execution(job, run("csv:/a", 2), BatchStatus.FAILED);
        execution(job, run("csv:/b", 7), BatchStatus.COMPLETED);
        JobExecution tenth = execution(job, run("csv:/a", 10), BatchStatus.FAILED); // 10 > 2 as numbers ("10" < "2")

        assertThat(runs.lastOfHighest(job, "source", "csv:/a", "run")).map(JobExecution::getId).contains(tenth.getId());
        assertThat(runs.lastOfHighest(job, "source", "csv:/b", "run")).map(e -> e.getJobParameters().getLong("run"))
                .contains(7L);
        assertThat(runs.lastOfHighest(job, "source", "csv:/c", "run")).isEmpty();
        // the last execution of the instance, not its first
        JobExecution resumedTenth = execution(tenth.getJobInstance(), run("csv:/a", 10), BatchStatus.COMPLETED);
        assertThat(runs.lastOfHighest(job, "source", "csv:/a", "run")).map(JobExecution::getId)
                .contains(resumedTenth.getId());
        assertThat(runs.lastExecutions(job, "source", "csv:/a")).extracting(JobExecution::getId)
                .containsExactly(first.getId(), second.getId(), resumedTenth.getId());
    }

    @Test
    void theRunsStillMarkedRunningAreTheLastExecutionsWithARunningStatus() {
        String job = "runsByParameterTestRunning";
        JobExecution started = execution(job, run("x", 1), BatchStatus.STARTED);
        JobExecution stopping = execution(job, run("x", 2), BatchStatus.STOPPING);
        JobExecution failedThenStarting = execution(job, run("x", 3), BatchStatus.FAILED);
        JobExecution starting = execution(failedThenStarting.getJobInstance(), run("x", 3), BatchStatus.STARTING);
        JobExecution startedThenDone = execution(job, run("x", 4), BatchStatus.STARTED);
        startedThenDone.setStatus(BatchStatus.FAILED); // its process failed it: a later execution is not needed
        repository.update(startedThenDone);
        execution(job, run("x", 5), BatchStatus.COMPLETED);
        execution("runsByParameterTestOtherRunning", run("x", 1), BatchStatus.STARTED);

        assertThat(runs.stillRunning(job)).extracting(JobExecution::getId)
                .containsExactlyInAnyOrder(started.getId(), stopping.getId(), starting.getId());
    }

    private static JobParameters run(String source, long run) {
        return new JobParametersBuilder().addString("source", source).addLong("run", run).toJobParameters();
    }

    private static JobParameters monthly(String month, long version) {
        return new JobParametersBuilder().addString("month", month).addLong("version", version).toJobParameters();
    }

    private JobExecution execution(String job, JobParameters parameters, BatchStatus status) {
        return execution(repository.createJobInstance(job, parameters), parameters, status);
    }

    private JobExecution execution(JobInstance instance, JobParameters parameters, BatchStatus status) {
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(status);
        repository.update(execution);
        return execution;
    }
}
