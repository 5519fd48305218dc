package pl.mops.reports.assessment;

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
 * The annual assessment job ({@code ozpsAssessment}): validate and store the resources file, aggregate the
 * case data in SQL, render the files. A failed run restarts from the step that failed.
 */
@Configuration
public class OzpsJobConfiguration {

    public static final String JOB_NAME = "ozpsAssessment";

    @Bean
    public Job ozpsAssessmentJob(JobRepository jobRepository, Step ozpsResourcesStep, Step ozpsAggregationStep,
                                 Step ozpsRenderingStep, RenderingWarmUp warmUp) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(warmUp) // the files' first-document cost, paid while the database computes
                .start(ozpsResourcesStep)
                .next(ozpsAggregationStep)
                .next(ozpsRenderingStep)
                .build();
    }

    @Bean
    public Step ozpsResourcesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  OzpsResourcesTasklet tasklet) {
        return new StepBuilder("ozpsResources", jobRepository).tasklet(tasklet, transactionManager).build();
    }

    @Bean
    public Step ozpsAggregationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    OzpsAggregationTasklet tasklet) {
        return new StepBuilder("ozpsAggregation", jobRepository).tasklet(tasklet, transactionManager).build();
    }

    @Bean
    public Step ozpsRenderingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  OzpsRenderingTasklet tasklet) {
        return new StepBuilder("ozpsRendering", jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
