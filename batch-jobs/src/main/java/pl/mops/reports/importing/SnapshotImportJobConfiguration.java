package pl.mops.reports.importing;

import java.time.LocalDate;

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
import pl.mops.reports.importing.wymiana.DropFolderSettings;
import pl.mops.reports.importing.wymiana.ExportContents;

/**
 * The import job {@code snapshotImport}: one step, {@code snapshotLoad}, that runs the validating import of a folder
 * (or of a ZIP of the drop folder, unpacked first) exactly as {@code import} did before it was a job — the same
 * validation, messages, fingerprint, summary and rejects file.
 * <p>
 * The import is one database transaction of its own ({@link SnapshotImporter}); the step therefore has no transaction
 * of its own (a resourceless transaction manager), and the job repository records the step after the import has
 * committed or rolled back. A run killed in the middle (kill -9, a lost connection) leaves no partial snapshot, and
 * its restart runs the step again even if it had been recorded as complete ({@code allowStartIfComplete}): the same
 * files give the same fingerprint, so the snapshot the killed run may have committed is found, never duplicated.
 */
@Configuration
public class SnapshotImportJobConfiguration {

    public static final String JOB_NAME = "snapshotImport";
    public static final String STEP_NAME = "snapshotLoad";

    @Bean
    public Job snapshotImportJob(JobRepository jobRepository, Step snapshotLoadStep, SnapshotJobContext context) {
        return new JobBuilder(JOB_NAME, jobRepository).start(snapshotLoadStep).listener(context).build();
    }

    @Bean
    public Step snapshotLoadStep(JobRepository jobRepository, SnapshotLoadTasklet tasklet) {
        return new StepBuilder(STEP_NAME, jobRepository).tasklet(tasklet, new ResourcelessTransactionManager())
                .allowStartIfComplete(true).build();
    }

    /** the step's work: the import of the folder (or unpacked ZIP) named by the job's parameters */
    @Component
    public static class SnapshotLoadTasklet implements Tasklet {

        private final SnapshotImporter importer;
        private final SnapshotJobContext context;
        private final DropFolderSettings dropFolder;
        private final MopsProperties properties;

        public SnapshotLoadTasklet(SnapshotImporter importer, SnapshotJobContext context, DropFolderSettings dropFolder,
                                   MopsProperties properties) {
            this.importer = importer;
            this.context = context;
            this.dropFolder = dropFolder;
            this.properties = properties;
        }

        @Override
        public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
            StepExecution step = chunkContext.getStepContext().getStepExecution();
            ImportJobParameters parameters = ImportJobParameters.from(step.getJobParameters());
            LocalDate today = LocalDate.now(properties.timeZone());
            try (ExportContents export = ExportContents.open(parameters.path(), parameters.workDir(),
                    parameters.asOfFromFile() && parameters.asOf() == null, today,
                    parameters.unpackLimit() != null ? parameters.unpackLimit() : dropFolder.unpackLimit().toBytes(),
                    parameters.entryLimit() != null ? parameters.entryLimit() : dropFolder.entryLimit())) {
                LocalDate asOf = parameters.asOf() != null ? parameters.asOf() : export.asOf();
                ImportResult result = importer.importDirectory(export.dir(), parameters.source(), parameters.outputDir(),
                        SnapshotJobContext.progress(STEP_NAME), false, asOf, parameters.confirmLoss()
                                ? pl.mops.reports.importing.validation.RowLoss.Check.CONFIRMED
                                : pl.mops.reports.importing.validation.RowLoss.Check.CHECKED);
                context.finished(step, result, null);
            }
            return RepeatStatus.FINISHED;
        }
    }
}
