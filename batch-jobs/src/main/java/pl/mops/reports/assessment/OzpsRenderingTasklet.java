package pl.mops.reports.assessment;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

import pl.mops.reports.assessment.resources.ResourcesYamlWriter;
import pl.mops.reports.audit.AuditPackageWriter;
import pl.mops.reports.audit.StoredLineage;
import pl.mops.reports.publication.ProtectionReport;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.rendering.Renderers;
import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.rendering.model.DocumentRenderer;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.runs.RunFileRepository;

/**
 * Step 3: builds the document and the findings from what steps 1 and 2 stored and writes
 * {@code ozps-<Y>.xlsx}, {@code ozps-<Y>.pdf} and {@code ozps-<Y>-wnioski.txt} (each under a temporary name,
 * renamed when complete), and the auditors' package of those files with the resources file and the lineage of
 * tables 10.3–10.8, which goes into it while the files are rendered. On restart it renders again from scratch. The
 * publication profile protects the document ({@link OzpsProtectionLayout}) and writes no findings (they quote
 * unprotected counts).
 */
@Component
public class OzpsRenderingTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(OzpsRenderingTasklet.class);
    private static final List<String> FORMATS = List.of("xlsx", "pdf");

    private final OzpsRepository repository;
    private final OzpsReportAssembler assembler;
    private final ReportFileWriter writer;
    private final Renderers renderers;
    private final RunFileRepository runFiles;
    private final AuditPackageWriter packages;
    private final OzpsLineage lineage;
    private final StoredLineage storedLineage;

    public OzpsRenderingTasklet(OzpsRepository repository, OzpsReportAssembler assembler, ReportFileWriter writer,
                                Renderers renderers, RunFileRepository runFiles, AuditPackageWriter packages,
                                OzpsLineage lineage, StoredLineage storedLineage) {
        this.repository = repository;
        this.assembler = assembler;
        this.writer = writer;
        this.renderers = renderers;
        this.runFiles = runFiles;
        this.packages = packages;
        this.lineage = lineage;
        this.storedLineage = storedLineage;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        OzpsJobParameters parameters = OzpsJobParameters.from(step.getJobParameters());
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();
        OzpsReportAssembler.Assembled assembled = assembler.assemble(parameters, instanceId);
        OzpsData data = assembled.data();
        ReportDocument document = assembled.document();
        boolean forPublication = parameters.profile() == PublicationProfile.PUBLICATION;
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        inputs.put(data.resources.fileName(), repository.resourcesContent(instanceId));
        if (data.resources.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            // a workbook does not diff: what was read from it, as YAML, beside the workbook as given
            inputs.put(ResourcesYamlWriter.fileName(data.resources.fileName()), ResourcesYamlWriter.bytes(data.resources));
        }
        if (forPublication) {
            inputs.put(ProtectionReport.FILE_NAME, assembled.protection().bytes());
        }
        List<DocumentRenderer> formats = renderers.all().stream().filter(r -> FORMATS.contains(r.extension())).toList();
        // the findings quote unprotected counts: a working text for MOPS, not for publication
        byte[] findings = forPublication ? null : new OzpsFindings(data).toBytes();
        // the files are rendered while the lineage kept by the aggregation step from its reference sets (computed
        // again only when it was lost) goes into the package
        List<WrittenFile> files = packages.write(new AuditPackageWriter.Request(step, data.snapshot, null,
                parameters.outputDir(), parameters.baseFileName(), List.of(),
                storedLineage.restoreOr(step.getJobExecution(),
                        () -> lineage.fill(parameters.snapshotId(), parameters.year())), inputs), () -> {
                    List<WrittenFile> written = new ArrayList<>(writer.write(document, parameters.outputDir(),
                            parameters.baseFileName(), formats));
                    if (findings != null) {
                        Files.createDirectories(parameters.outputDir());
                        written.add(ReportFileWriter.writeAtomically(
                                parameters.outputDir().resolve(parameters.baseFileName() + "-wnioski.txt"), findings));
                    }
                    return written;
                });
        storedLineage.discard(step.getJobExecution());
        runFiles.record(step.getJobExecution().getId(), instanceId, files);
        contribution.incrementWriteCount(files.size());
        log.info("Ocena zasobów {}: zapisano {}", parameters.year(), files.stream().map(WrittenFile::path).toList());
        return RepeatStatus.FINISHED;
    }
}
