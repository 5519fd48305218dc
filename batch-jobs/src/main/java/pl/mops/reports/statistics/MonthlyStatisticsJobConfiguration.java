package pl.mops.reports.statistics;

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
 * The monthly statistics job: aggregation in SQL, then rendering. A failed run restarts from the
 * step that failed (a completed aggregation is not repeated).
 */
@Configuration
public class MonthlyStatisticsJobConfiguration {

    public static final String JOB_NAME = "monthlyStatistics";

    @Bean
    public Job monthlyStatisticsJob(JobRepository jobRepository, Step monthlyAggregationStep, Step monthlyRenderingStep,
                                    RenderingWarmUp warmUp) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(warmUp) // the files' first-document cost, paid while the database computes
                .start(monthlyAggregationStep)
                .next(monthlyRenderingStep)
                .build();
    }

    @Bean
    public Step monthlyAggregationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                       MonthlyAggregationTasklet tasklet) {
        return new StepBuilder("monthlyAggregation", jobRepository).tasklet(tasklet, transactionManager).build();
    }

    @Bean
    public Step monthlyRenderingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                     MonthlyRenderingTasklet tasklet) {
        return new StepBuilder("monthlyRendering", jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
