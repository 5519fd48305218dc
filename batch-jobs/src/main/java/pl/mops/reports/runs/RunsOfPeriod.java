package pl.mops.reports.runs;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** The last execution of every instance of a job whose parameters name a given period: what {@link RunDecision} weighs. */
@Component
public class RunsOfPeriod {

    private final JobRepository jobRepository;

    public RunsOfPeriod(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    public List<JobExecution> lastExecutions(String jobName, Predicate<JobParameters> ofPeriod) {
        return jobRepository.findJobInstances(jobName).stream()
                .map(jobRepository::getLastJobExecution)
                .filter(e -> e != null && ofPeriod.test(e.getJobParameters()))
                .toList();
    }
}
