package pl.mops.reports.mrpips03;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.audit.AuditPackageWriter;
import pl.mops.reports.audit.LineageTable;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.mrpips03.Layout.Column;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.rendering.Renderers;
import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.rendering.model.DocumentRenderer;
import pl.mops.reports.runs.RunFileRepository;
import pl.mops.reports.runs.locking.JobLock;
import pl.mops.reports.runs.locking.JobLocks;
import pl.mops.reports.runs.locking.LockKey;

/**
 * Reconciliation of a computed return with the same return as the unit's case system produced it
 * ({@link CaseSystemReturn}): every cell of this return against the other file's, the differing ones first, with both
 * values and the difference; cells the other file lacks or adds; and for every differing count of families or persons
 * the pseudonyms this return counted there (from the run's lineage), so the section can find the cases that explain
 * the difference. Writes {@code <return>-porownanie.xlsx/.pdf} next to the run's files and writes the run's auditors'
 * package again with them and the other file exactly as read. Runs under the period's job lock.
 */
@Service
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    static final String SUFFIX = "-porownanie";

    /** what was compared and written */
    public record Outcome(StoredReturn stored, String otherFile, int compared, int differing, int missing, int extra,
                          List<WrittenFile> files) {
    }

    private final ReturnRepository returns;
    private final Layouts layouts;
    private final SnapshotRepository snapshots;
    private final ReturnLineage lineage;
    private final LineageTable lineageTable;
    private final AuditPackageWriter packages;
    private final RunFileRepository runFiles;
    private final JobRepository jobRepository;
    private final ReportFileWriter writer;
    private final Renderers renderers;
    private final TransactionTemplate transaction;
    private final JobLocks locks;
    private final MopsProperties properties;

    public Reconciliation(ReturnRepository returns, Layouts layouts, SnapshotRepository snapshots, ReturnLineage lineage,
                          LineageTable lineageTable, AuditPackageWriter packages, RunFileRepository runFiles,
                          JobRepository jobRepository, ReportFileWriter writer, Renderers renderers,
                          TransactionTemplate transaction, JobLocks locks, MopsProperties properties) {
        this.returns = returns;
        this.layouts = layouts;
        this.snapshots = snapshots;
        this.lineage = lineage;
        this.lineageTable = lineageTable;
        this.packages = packages;
        this.runFiles = runFiles;
        this.jobRepository = jobRepository;
        this.writer = writer;
        this.renderers = renderers;
        this.transaction = transaction;
        this.locks = locks;
        this.properties = properties;
    }

    /**
     * @param execution a run of the return ({@code runs}); {@code null} = the newest complete version of the period
     * @param file      the case system's return
     */
    public Outcome compare(ReturnPeriod period, Long execution, Path file) {
        try (JobLock lock = locks.acquire(new LockKey(Mrpips03JobConfiguration.JOB_NAME, period.toString()),
                "Sprawozdanie MRPiPS-03 za " + period + " jest właśnie liczone", false)) {
            return compareLocked(returns.chosen(period, execution), file);
        }
    }

    /** the same for a return the caller holds (e.g. right after {@code run mrpips03 --porownaj}), under its lock */
    public Outcome compare(StoredReturn stored, Path file) {
        try (JobLock lock = locks.acquire(new LockKey(Mrpips03JobConfiguration.JOB_NAME, stored.period().toString()),
                "Sprawozdanie MRPiPS-03 za " + stored.period() + " jest właśnie liczone", false)) {
            return compareLocked(stored, file);
        }
    }

    /** what {@code porownaj} says about the comparison (the console shows the same sentences) */
    public static List<String> summary(Outcome outcome) {
        return List.of("Porównanie sprawozdania MRPiPS-03 za " + outcome.stored().period().polishName() + " ("
                        + outcome.stored().versionName() + ") z plikiem " + outcome.otherFile() + ":",
                "  porównano komórek: " + outcome.compared() + ", różnych: " + outcome.differing()
                        + ", brakujących w pliku: " + outcome.missing() + ", nadmiarowych w pliku: " + outcome.extra()
                        + (outcome.differing() + outcome.missing() + outcome.extra() == 0 ? " \u2014 zgodne." : "."));
    }

    private Outcome compareLocked(StoredReturn stored, Path file) {
        Layout layout = layouts.resolve(stored.layoutVersion(), stored.period().year());
        if (!layout.sha256().equals(stored.layoutSha256())) {
            throw new UserError("Plik układu formularza MRPiPS-03 w wersji " + layout.version() + " zmienił się od "
                    + "policzenia tego sprawozdania (" + stored.versionName() + "); numery wierszy mogą się różnić. "
                    + "Policz sprawozdanie ponownie (--rerun) i porównaj nową wersję.", ExitCode.INVALID_INPUT, null);
        }
        CaseSystemReturn other = CaseSystemReturn.read(file, layout);
        Snapshot snapshot = snapshots.find(stored.snapshotId()).orElseThrow();
        long lastExecution = returns.lastExecutionOf(stored);
        JobExecution run = jobRepository.getJobExecution(lastExecution);
        StepExecution filesStep = run.getStepExecutions().stream()
                .max(Comparator.comparing(StepExecution::getId)).orElseThrow();
        List<WrittenFile> recorded = runFiles.filesOfInstance(stored.jobInstanceId());
        String base = stored.baseFileName();
        WrittenFile oldPackage = recorded.stream().filter(f -> f.path().getFileName().toString()
                .equals(base + AuditPackageWriter.SUFFIX)).findFirst().orElseThrow(() -> new IllegalStateException(
                "Przebieg nr " + lastExecution + " nie ma paczki dla audytorów"));
        Path dir = oldPackage.path().getParent();
        List<WrittenFile> runFilesKept = new ArrayList<>();
        for (WrittenFile f : recorded) {
            String name = f.path().getFileName().toString();
            if (name.equals(base + AuditPackageWriter.SUFFIX) || name.startsWith(base + SUFFIX + ".")) {
                continue;
            }
            if (!Files.isRegularFile(f.path())) {
                throw new UserError("Nie ma już pliku " + f.path() + " tego sprawozdania, więc nie można dołączyć "
                        + "porównania do jego paczki dla audytorów. Odtwórz pliki: ./mops-reports run mrpips03 --period "
                        + stored.period() + " --rerun", ExitCode.FILE_ERROR, null);
            }
            runFilesKept.add(f);
        }
        Map<CellKey, BigDecimal> cells = returns.cells(stored.id());
        Comparison comparison = Comparison.of(layout, cells, other);
        Outcome outcome = transaction.execute(status -> {
            lineageTable.create();
            lineage.fill(snapshot.id(), stored.period(), layout);
            List<LineageTable.Counted> counted = lineageTable.pseudonyms(comparison.countCellsThatDiffer());
            lineageTable.drop();
            ReconciliationDocuments documents = new ReconciliationDocuments(stored, layout, snapshot, other, comparison,
                    counted, properties.unitName());
            try {
                List<WrittenFile> written = new ArrayList<>();
                written.addAll(writer.write(documents.workbook(), dir, base + SUFFIX, renderers("xlsx")));
                written.addAll(writer.write(documents.printable(), dir, base + SUFFIX, renderers("pdf")));
                List<WrittenFile> all = new ArrayList<>(runFilesKept);
                all.addAll(written);
                WrittenFile pack = packages.write(new AuditPackageWriter.Request(filesStep, snapshot, layout.version(), dir,
                        base, List.copyOf(all), () -> lineage.fill(snapshot.id(), stored.period(), layout),
                        Map.of("system-dziedzinowy-" + other.fileName(), other.content())));
                all.add(pack);
                runFiles.record(lastExecution, stored.jobInstanceId(), all);
                returns.saveReconciliation(stored.id(), other.fileName(), comparison.compared(), comparison.differing(),
                        comparison.missing(), comparison.extra(), comparison.theirs());
                List<WrittenFile> result = new ArrayList<>(written);
                result.add(pack);
                return new Outcome(stored, other.fileName(), comparison.compared(), comparison.differing(),
                        comparison.missing(), comparison.extra(), result);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        log.info("MRPiPS-03 {}: porównanie z {} — komórek {}, różnych {}, brakujących {}, nadmiarowych {}",
                stored.period(), other.fileName(), outcome.compared(), outcome.differing(), outcome.missing(),
                outcome.extra());
        return outcome;
    }

    private List<DocumentRenderer> renderers(String extension) {
        return List.of(renderers.all().stream().filter(r -> r.extension().equals(extension)).findFirst().orElseThrow());
    }

    /** the cells of both returns side by side */
    record Comparison(List<Pair> pairs, List<CaseSystemReturn.Cell> extraCells) {

        /** one cell of this return and the other file's value ({@code present} = the file has the cell) */
        record Pair(Section section, Row row, Column column, BigDecimal ours, boolean present, BigDecimal theirs) {

            CellKey key() {
                return new CellKey(section.code(), row.code(), column.code());
            }

            boolean differs() {
                if (!present) {
                    return false;
                }
                if (ours == null || theirs == null) {
                    return ours != theirs;
                }
                return ours.compareTo(theirs) != 0;
            }

            /** a count of families or persons (the lineage names them) */
            boolean countsUnits() {
                return column.measure().lineage() != Measure.Lineage.NONE;
            }
        }

        static Comparison of(Layout layout, Map<CellKey, BigDecimal> cells, CaseSystemReturn other) {
            Map<CellKey, CaseSystemReturn.Cell> theirs = new LinkedHashMap<>();
            List<CaseSystemReturn.Cell> extra = new ArrayList<>();
            for (CaseSystemReturn.Cell cell : other.cells()) {
                if (cell.resolved()) {
                    theirs.put(cell.key(), cell);
                } else {
                    extra.add(cell);
                }
            }
            List<Pair> pairs = new ArrayList<>();
            for (Section section : layout.sections()) {
                for (Row row : section.rows()) {
                    for (Column column : row.columns()) { // a row has only its own columns (layout 2025.2)
                        CellKey key = new CellKey(section.code(), row.code(), column.code());
                        CaseSystemReturn.Cell their = theirs.get(key);
                        pairs.add(new Pair(section, row, column, cells.get(key), their != null,
                                their == null ? null : their.value()));
                    }
                }
            }
            return new Comparison(pairs, extra);
        }

        int compared() {
            return (int) pairs.stream().filter(Pair::present).count();
        }

        int differing() {
            return (int) pairs.stream().filter(Pair::differs).count();
        }

        int missing() {
            return (int) pairs.stream().filter(p -> !p.present()).count();
        }

        int extra() {
            return extraCells.size();
        }

        /** the other file's value of every cell of the layout it has (a value may be null: given empty) */
        Map<CellKey, BigDecimal> theirs() {
            Map<CellKey, BigDecimal> theirs = new LinkedHashMap<>();
            pairs.stream().filter(Pair::present).forEach(p -> theirs.put(p.key(), p.theirs()));
            return theirs;
        }

        Set<String> countCellsThatDiffer() {
            Set<String> keys = new LinkedHashSet<>();
            pairs.stream().filter(p -> p.differs() && p.countsUnits()).forEach(p -> keys.add(p.key().toString()));
            return keys;
        }
    }
}
