package pl.mops.reports.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import pl.mops.reports.audit.AuditPackageWriter;
import pl.mops.reports.audit.MonthlyLineage;
import pl.mops.reports.audit.StoredLineage;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.publication.ProtectionReport;
import pl.mops.reports.rendering.Renderers;
import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.runs.RunFileRepository;

/**
 * Step 2: builds the document from the stored aggregates and writes the XLSX, PDF and CSV files
 * (each under a temporary name, renamed when complete), for the full profile the year's workbook
 * {@code statystyka-RRRR.xlsx} ({@link YearToDateWorkbook}), and the auditors' package of those files (with the
 * audit of the disclosure control, {@link ProtectionReport#FILE_NAME}, for the publication profile), whose lineage
 * goes into it while the files are rendered ({@link AuditPackageWriter#write(AuditPackageWriter.Request,
 * pl.mops.reports.system.BackgroundTask.Work)}).
 * On restart it renders again from scratch.
 */
@Component
public class MonthlyRenderingTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MonthlyRenderingTasklet.class);

    private final MonthlyReportAssembler assembler;
    private final ReportFileWriter writer;
    private final Renderers renderers;
    private final RunFileRepository runFiles;
    private final SnapshotRepository snapshots;
    private final AuditPackageWriter packages;
    private final MonthlyLineage lineage;
    private final StoredLineage storedLineage;
    private final YearToDateWorkbook yearToDate;

    public MonthlyRenderingTasklet(MonthlyReportAssembler assembler, ReportFileWriter writer, Renderers renderers,
                                   RunFileRepository runFiles, SnapshotRepository snapshots, AuditPackageWriter packages,
                                   MonthlyLineage lineage, StoredLineage storedLineage, YearToDateWorkbook yearToDate) {
        this.assembler = assembler;
        this.writer = writer;
        this.renderers = renderers;
        this.runFiles = runFiles;
        this.snapshots = snapshots;
        this.packages = packages;
        this.lineage = lineage;
        this.storedLineage = storedLineage;
        this.yearToDate = yearToDate;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        MonthlyJobParameters parameters = MonthlyJobParameters.from(step.getJobParameters());
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();
        MonthlyReportAssembler.Assembled assembled = assembler.assemble(parameters, instanceId);
        ReportDocument document = assembled.document();
        // the year so far, one column per month (not published); read from the database here, in the step's thread
        ReportDocument year = parameters.profile() == PublicationProfile.FULL ? yearToDate.build(parameters, instanceId)
                : null;
        Snapshot snapshot = snapshots.find(parameters.snapshotId()).orElseThrow();
        Map<String, byte[]> inputs = assembled.protection() == null ? Map.of()
                : Map.of(ProtectionReport.FILE_NAME, assembled.protection().bytes());
        // the files are rendered while the lineage kept by the aggregation step from its fact tables (computed again
        // only when it was lost) goes into the package
        List<WrittenFile> files = packages.write(new AuditPackageWriter.Request(step, snapshot, null,
                parameters.outputDir(), parameters.baseFileName(), List.of(),
                storedLineage.restoreOr(step.getJobExecution(), () -> lineage.fill(snapshot.id(), parameters.month())),
                inputs), () -> {
                    List<WrittenFile> written = new ArrayList<>(
                            writer.write(document, parameters.outputDir(), parameters.baseFileName(), renderers.all()));
                    if (year != null) {
                        written.addAll(writer.write(year, parameters.outputDir(),
                                YearToDateWorkbook.baseFileName(parameters),
                                renderers.all().stream().filter(r -> r.extension().equals("xlsx")).toList()));
                    }
                    return written;
                });
        storedLineage.discard(step.getJobExecution());
        runFiles.record(step.getJobExecution().getId(), instanceId, files);
        contribution.incrementWriteCount(files.size());
        log.info("Statystyka {}: zapisano {}", parameters.month(), files.stream().map(WrittenFile::path).toList());
        return RepeatStatus.FINISHED;
    }
}
