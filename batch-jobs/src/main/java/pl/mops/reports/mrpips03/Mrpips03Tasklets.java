package pl.mops.reports.mrpips03;

import java.math.BigDecimal;
import java.nio.file.Path;
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

import pl.mops.reports.MopsProperties;
import pl.mops.reports.audit.AuditPackageWriter;
import pl.mops.reports.audit.StoredLineage;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.rendering.Renderers;
import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.rendering.model.DocumentRenderer;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.runs.RunFileRepository;

/**
 * The three steps of the MRPiPS-03 job. Each step works from what the previous one stored, so a failed
 * run restarts from the step that failed: (1) cells in SQL, (2) control rules, (3) files.
 */
@Component
public class Mrpips03Tasklets {

    private static final Logger log = LoggerFactory.getLogger(Mrpips03Tasklets.class);

    private final Layouts layouts;
    private final ReturnRepository returns;
    private final ReturnComputation computation;
    private final SnapshotRepository snapshots;
    private final ReportFileWriter writer;
    private final Renderers renderers;
    private final RunFileRepository runFiles;
    private final MopsProperties properties;
    private final AuditPackageWriter packages;
    private final ReturnLineage lineage;
    private final StoredLineage storedLineage;

    public Mrpips03Tasklets(Layouts layouts, ReturnRepository returns, ReturnComputation computation,
                            SnapshotRepository snapshots, ReportFileWriter writer, Renderers renderers,
                            RunFileRepository runFiles, MopsProperties properties, AuditPackageWriter packages,
                            ReturnLineage lineage, StoredLineage storedLineage) {
        this.packages = packages;
        this.lineage = lineage;
        this.storedLineage = storedLineage;
        this.layouts = layouts;
        this.returns = returns;
        this.computation = computation;
        this.snapshots = snapshots;
        this.writer = writer;
        this.renderers = renderers;
        this.runFiles = runFiles;
        this.properties = properties;
    }

    /** step 1: the return row (with its correction number) and every cell, in one transaction */
    public Tasklet compute() {
        return (contribution, chunkContext) -> {
            StepExecution step = step(chunkContext);
            Mrpips03JobParameters parameters = Mrpips03JobParameters.from(step.getJobParameters());
            Layout layout = layout(parameters);
            Snapshot snapshot = snapshots.find(parameters.snapshotId()).orElseThrow();
            boolean incomplete = !snapshot.coverage().covers(parameters.period().start(), parameters.period().end());
            StoredReturn stored = returns.create(step.getJobExecution().getJobInstance().getInstanceId(),
                    step.getJobExecution().getId(), parameters, layout, incomplete);
            // the auditors' lineage from the same groupings as the cells, kept for the files step's package (StoredLineage)
            int cells = computation.computeCells(stored.id(), parameters.snapshotId(), parameters.period(), layout,
                    () -> lineage.keepFromGroupings(storedLineage, step.getJobExecution(), parameters.snapshotId(), layout));
            returns.keepAsDraftOfSubmittedIfUnchanged(stored);
            contribution.incrementWriteCount(cells);
            return RepeatStatus.FINISHED;
        };
    }

    /** step 2: the control rules; failures are stored and make the return not ready to send */
    public Tasklet check() {
        return (contribution, chunkContext) -> {
            StepExecution step = step(chunkContext);
            Mrpips03JobParameters parameters = Mrpips03JobParameters.from(step.getJobParameters());
            Layout layout = layout(parameters);
            StoredReturn stored = stored(step);
            ControlRules.FirstHalf firstHalf = null;
            if (parameters.period().annual()) {
                // the half-year return as sent (the latest submitted version); before any submission, the latest one
                ReturnPeriod half = parameters.period().firstHalf();
                boolean submitted = returns.latestSubmitted(half).isPresent();
                firstHalf = returns.latestSubmitted(half).or(() -> returns.newestComplete(half))
                        .map(p -> new ControlRules.FirstHalf("za I półrocze " + p.period().year() + " ("
                                + p.versionNameInstrumental() + ", " + p.submittedInstrumental(submitted)
                                + "; migawka o odcisku " + snapshots.find(p.snapshotId()).orElseThrow().shortFingerprint()
                                + "…, układ " + p.layoutVersion() + ")", returns.cells(p.id()), layoutOf(p, layout)))
                        .orElse(null);
            }
            Map<CellKey, BigDecimal> cells = returns.cells(stored.id());
            ControlRules.Outcome outcome = ControlRules.evaluate(layout, cells, returns.counters(stored.id()),
                    parameters.period(), firstHalf);
            String incomplete = stored.incompletePeriod() ? snapshots.find(stored.snapshotId()).orElseThrow().coverage()
                    .of(stored.period().start(), stored.period().end()).held() : null;
            Readiness.Verdict verdict = Readiness.of(outcome.results(), incomplete,
                    MissingData.of(layout, cells).reasons());
            returns.saveChecks(stored.id(), outcome.results(), outcome.failures(), verdict);
            contribution.incrementWriteCount(outcome.checked());
            log.info("MRPiPS-03 {}: sprawdzono {} warunków, niespełnione {}", parameters.period(), outcome.checked(),
                    outcome.failures().size());
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * step 3: XML (validated against the schema), XLSX and PDF of the form, the kontrola and the zmiany, and the
     * auditors' package of those files, whose lineage goes into it while the files are written
     */
    public Tasklet render() {
        return (contribution, chunkContext) -> {
            StepExecution step = step(chunkContext);
            Mrpips03JobParameters parameters = Mrpips03JobParameters.from(step.getJobParameters());
            Layout layout = layout(parameters);
            StoredReturn stored = stored(step);
            Snapshot snapshot = snapshots.find(stored.snapshotId()).orElseThrow();
            Map<CellKey, BigDecimal> cells = returns.cells(stored.id());
            String base = stored.baseFileName();
            Path dir = parameters.outputDir();
            ReturnDocuments documents = new ReturnDocuments(new ReturnDocuments.Context(stored, layout, snapshot,
                    properties.unitName(), properties.teryt(), cells, returns.ruleResults(stored.id()),
                    returns.failures(stored.id()), base, returns.counters(stored.id())));

            byte[] xml = ReturnXml.write(new ReturnXml.Header(layout.symbol(), layout.version(), stored.period(),
                    properties.unitName(), properties.teryt(), stored.correction(), snapshot.fingerprint()), layout, cells);
            byte[] cas = CasCsv.write(layout, cells);
            ReportDocument form = documents.form();
            ReportDocument checks = documents.checks();
            ReportDocument changes = null;
            if (stored.correction() > 0) { // read from the database here, in the step's thread
                StoredReturn previous = returns.previousVersion(stored).orElseThrow(() -> new IllegalStateException(
                        "Brak złożonej wersji sprawozdania " + stored.period() + ", którą poprawia korekta nr "
                                + stored.correction()));
                Layout previousLayout = previous.layoutVersion().equals(layout.version()) ? layout
                        : layouts.resolve(previous.layoutVersion(), previous.period().year());
                changes = documents.changes(new ReturnDocuments.Previous(previous,
                        snapshots.find(previous.snapshotId()).orElseThrow(), previousLayout, returns.cells(previous.id()),
                        returns.submissionOf(previous.id()).orElseThrow()));
            }
            ReportDocument changesDocument = changes;
            List<DocumentRenderer> xlsxAndPdf = renderers("xlsx", "pdf");
            List<DocumentRenderer> xlsx = renderers("xlsx");
            // the files are written while the lineage goes into the package
            List<WrittenFile> files = packages.write(new AuditPackageWriter.Request(step, snapshot, layout.version(),
                    dir, base, List.of(), storedLineage.restoreOr(step.getJobExecution(),
                            () -> lineage.fill(snapshot.id(), stored.period(), layout))), () -> {
                        List<WrittenFile> written = new ArrayList<>();
                        java.nio.file.Files.createDirectories(dir);
                        written.add(ReportFileWriter.writeAtomically(dir.resolve(base + ".xml"), xml));
                        written.add(ReportFileWriter.writeAtomically(dir.resolve(base + "-cas.csv"), cas));
                        written.addAll(writer.write(form, dir, base, xlsxAndPdf));
                        written.addAll(writer.write(checks, dir, base + "-kontrola", xlsxAndPdf));
                        if (changesDocument != null) {
                            written.addAll(writer.write(changesDocument, dir, base + "-zmiany", xlsx));
                        }
                        return written;
                    });
            storedLineage.discard(step.getJobExecution());
            runFiles.record(step.getJobExecution().getId(), step.getJobExecution().getJobInstance().getInstanceId(), files);
            returns.markFilesWritten(stored.id());
            contribution.incrementWriteCount(files.size());
            log.info("MRPiPS-03 {}: zapisano {}", parameters.period(), files.stream().map(WrittenFile::path).toList());
            return RepeatStatus.FINISHED;
        };
    }

    private List<DocumentRenderer> renderers(String... extensions) {
        List<DocumentRenderer> selected = new ArrayList<>();
        for (String extension : extensions) {
            selected.add(renderers.all().stream().filter(r -> r.extension().equals(extension)).findFirst().orElseThrow());
        }
        return selected;
    }

    private Layout layout(Mrpips03JobParameters parameters) {
        Layout layout = layouts.resolve(parameters.layoutVersion(), parameters.period().year());
        if (!layout.sha256().equals(parameters.layoutSha256())) {
            throw new UserError("Plik układu formularza MRPiPS-03 w wersji " + layout.version() + " (" + layout.source()
                    + ") zmienił się od rozpoczęcia tego przebiegu. Uruchom sprawozdanie ponownie (nowy przebieg).", ExitCode.INVALID_INPUT, null);
        }
        return layout;
    }

    /** the layout a stored return was computed with, or {@code null} when that version is no longer available */
    private Layout layoutOf(StoredReturn stored, Layout current) {
        if (stored.layoutVersion().equals(current.version())) {
            return current;
        }
        try {
            return layouts.resolve(stored.layoutVersion(), stored.period().year());
        } catch (UserError e) {
            return null;
        }
    }

    private StoredReturn stored(StepExecution step) {
        return returns.ofInstance(step.getJobExecution().getJobInstance().getInstanceId()).orElseThrow(
                () -> new IllegalStateException("Brak policzonego sprawozdania dla tego przebiegu"));
    }

    private static StepExecution step(ChunkContext chunkContext) {
        return chunkContext.getStepContext().getStepExecution();
    }
}
