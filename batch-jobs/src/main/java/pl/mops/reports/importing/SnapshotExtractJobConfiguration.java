package pl.mops.reports.importing;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.PolishTimes;

/**
 * The extraction job {@code snapshotExtract}: one step, {@code snapshotExtraction}, that reads the source database in
 * one REPEATABLE READ transaction and imports what it read ({@link SourceDatabaseExtractor}), as {@code extract} did
 * before it was a job. The password is read from {@link SourcePassword} when the step connects — never a job
 * parameter. As for the import ({@link SnapshotImportJobConfiguration}): no step transaction of its own, and a restart
 * (after kill -9 or a lost connection) reads the source again; unchanged data give the same snapshot.
 */
@Configuration
public class SnapshotExtractJobConfiguration {

    public static final String JOB_NAME = "snapshotExtract";
    public static final String STEP_NAME = "snapshotExtraction";

    @Bean
    public Job snapshotExtractJob(JobRepository jobRepository, Step snapshotExtractionStep, SnapshotJobContext context) {
        return new JobBuilder(JOB_NAME, jobRepository).start(snapshotExtractionStep).listener(context).build();
    }

    @Bean
    public Step snapshotExtractionStep(JobRepository jobRepository, SnapshotExtractionTasklet tasklet) {
        return new StepBuilder(STEP_NAME, jobRepository).tasklet(tasklet, new ResourcelessTransactionManager())
                .allowStartIfComplete(true).build();
    }

    /** the step's work: read the source named by the job's parameters, with the password from its safe place */
    @Component
    public static class SnapshotExtractionTasklet implements Tasklet {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapshotExtractionTasklet.class);

        private final SourceDatabaseExtractor extractor;
        private final SourcePassword password;
        private final SnapshotJobContext context;
        private final MopsProperties properties;

        public SnapshotExtractionTasklet(SourceDatabaseExtractor extractor, SourcePassword password,
                                         SnapshotJobContext context, MopsProperties properties) {
            this.extractor = extractor;
            this.password = password;
            this.context = context;
            this.properties = properties;
        }

        @Override
        public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
            StepExecution step = chunkContext.getStepContext().getStepExecution();
            ExtractJobParameters parameters = ExtractJobParameters.from(step.getJobParameters());
            log.info("Odczyt bazy źródłowej {} jako {} (hasło: {})", parameters.source(),
                    parameters.user() == null ? "użytkownik domyślny sterownika" : parameters.user(),
                    password.describeOrigin());
            SourceDatabaseExtractor.Extraction extraction = extractor.extractWithMoment(parameters.url(),
                    parameters.schema(), parameters.user(), password.resolve(), parameters.outputDir(),
                    SnapshotJobContext.progress(STEP_NAME), parameters.asOf(), parameters.confirmLoss()
                            ? pl.mops.reports.importing.validation.RowLoss.Check.CONFIRMED
                            : pl.mops.reports.importing.validation.RowLoss.Check.CHECKED);
            context.finished(step, extraction.result(), "odczyt bazy źródłowej "
                    + PolishTimes.seconds(extraction.readAt().atZoneSameInstant(properties.timeZone())));
            return RepeatStatus.FINISHED;
        }
    }
}
