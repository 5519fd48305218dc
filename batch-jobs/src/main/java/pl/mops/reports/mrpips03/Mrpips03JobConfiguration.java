package pl.mops.reports.mrpips03;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import pl.mops.reports.rendering.RenderingWarmUp;

/**
 * The MRPiPS-03 job: cells in SQL, control rules, files. A failed run restarts from the step that failed
 * (completed cells are not computed again). A failed control rule does not fail the job: it marks the
 * return as not ready to send.
 */
@Configuration
public class Mrpips03JobConfiguration {

    public static final String JOB_NAME = "mrpips03Return";

    @Bean
    public Job mrpips03ReturnJob(JobRepository jobRepository, Step mrpips03CellsStep, Step mrpips03ChecksStep,
                                 Step mrpips03FilesStep, RenderingWarmUp warmUp) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(warmUp) // the files' first-document cost, paid while the database computes
                .start(mrpips03CellsStep)
                .next(mrpips03ChecksStep)
                .next(mrpips03FilesStep)
                .build();
    }

    @Bean
    public Step mrpips03CellsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  Mrpips03Tasklets tasklets) {
        return new StepBuilder("mrpips03Cells", jobRepository).tasklet(tasklets.compute(), transactionManager).build();
    }

    @Bean
    public Step mrpips03ChecksStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   Mrpips03Tasklets tasklets) {
        return new StepBuilder("mrpips03Checks", jobRepository).tasklet(tasklets.check(), transactionManager).build();
    }

    @Bean
    public Step mrpips03FilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  Mrpips03Tasklets tasklets) {
        return new StepBuilder("mrpips03Files", jobRepository).tasklet(tasklets.render(), transactionManager).build();
    }
}
