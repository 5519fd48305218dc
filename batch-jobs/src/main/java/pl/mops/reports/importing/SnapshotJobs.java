package pl.mops.reports.importing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Service;

import pl.mops.reports.system.Console;
import pl.mops.reports.system.FailureTranslator;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.wymiana.DropFolderSettings;
import pl.mops.reports.runs.PolishStatus;
import pl.mops.reports.runs.RunsByParameter;
import pl.mops.reports.runs.UnfinishedRuns;
import pl.mops.reports.runs.locking.JobLock;
import pl.mops.reports.runs.locking.JobLocks;
import pl.mops.reports.runs.locking.LockKey;

/**
 * Starts the data jobs {@code snapshotImport} and {@code snapshotExtract} the way the report services start theirs:
 * under a lock taken before anything is decided, recovering runs whose process died, resuming a failed run of the
 * same source under its number or starting the next number, and turning the outcome into what the command printed
 * before these were jobs (the import's result, or its own exception — the same Polish message and exit code).
 * <p>
 * One lock for both jobs ({@code snapshotImport:migawka}): only one import or extraction at a time in all processes
 * sharing the database, since both write a new snapshot (and two imports of the same files would race for the same
 * fingerprint). The loser gets exit code 5 with who holds it.
 */
@Service
public class SnapshotJobs {

    static final LockKey LOCK = new LockKey(SnapshotImportJobConfiguration.JOB_NAME, "migawka");
    static final String BUSY = "Nowa migawka danych jest właśnie wczytywana (import albo pobranie z bazy)";
    static final String WHAT_TO_DO = "Poczekaj, aż skończy, i uruchom polecenie ponownie.";

    /**
     * An import of a folder, or of an export of the drop folder.
     *
     * @param path         the folder of the contract's files, or a ZIP of them ({@code workDir} needed)
     * @param source       the snapshot's source and the run's identity, e.g. {@code csv:/dane} or {@code wymiana:x.zip}
     * @param asOf         "stan na" ({@code --stan-na}); {@code null}: from {@code stan-na.txt} when
     *                     {@code asOfFromFile}, else the day of the import
     * @param limits       of unpacking a ZIP ({@code mops.wymiana}); {@code null}: the configured ones
     * @param confirmLoss  {@code --potwierdz-ubytek}: an export that looks incomplete is imported all the same
     * @param export       what the drop folder's export looked like (its marker's or ZIP's time and size): a failed run
     *                     of the same source is resumed only for the same export; {@code null} for a user's import
     */
    public record ImportRequest(Path path, String source, Path outputDir, LocalDate asOf, boolean asOfFromFile,
                                Path workDir, DropFolderSettings limits, String export, String launchedBy,
                                boolean confirmLoss, SnapshotImporter.Progress progress) {
    }

    /**
     * An extraction from the source database.
     *
     * @param firing the schedule's firing it serves (ISO time), {@code null} when a user runs it
     */
    public record ExtractRequest(String url, String schema, String user, Path outputDir, LocalDate asOf, String firing,
                                 String launchedBy, boolean confirmLoss, SnapshotImporter.Progress progress) {
    }

    private final JobOperator jobOperator;
    private final Job snapshotImportJob;
    private final Job snapshotExtractJob;
    private final JobLocks locks;
    private final UnfinishedRuns unfinished;
    private final RunsByParameter runs;
    private final Console console;

    public SnapshotJobs(JobOperator jobOperator, Job snapshotImportJob,
                        Job snapshotExtractJob, JobLocks locks, UnfinishedRuns unfinished, RunsByParameter runs,
                        Console console) {
        this.jobOperator = jobOperator;
        this.snapshotImportJob = snapshotImportJob;
        this.snapshotExtractJob = snapshotExtractJob;
        this.locks = locks;
        this.unfinished = unfinished;
        this.runs = runs;
        this.console = console;
    }

    public ImportResult importFiles(ImportRequest request) {
        Path path = request.path().toAbsolutePath().normalize();
        Path output = request.outputDir().toAbsolutePath().normalize();
        return launch(snapshotImportJob, request.source(),
                run -> new ImportJobParameters(request.source(), run, path, output, request.asOf(),
                        request.asOfFromFile(), request.workDir(),
                        request.limits() == null ? null : request.limits().unpackLimit().toBytes(),
                        request.limits() == null ? null : request.limits().entryLimit(), request.export(),
                        request.launchedBy(), request.confirmLoss()).toJobParameters(),
                previous -> Objects.equals(request.export(), ImportJobParameters.from(previous.getJobParameters()).export()),
                request.progress());
    }

    public ImportResult extract(ExtractRequest request) {
        SourceDatabaseExtractor.requireNoPasswordIn(request.url());
        String schema = request.schema() == null ? "public" : request.schema();
        String source = SourceDatabaseExtractor.source(request.url(), schema);
        Path output = request.outputDir().toAbsolutePath().normalize();
        return launch(snapshotExtractJob, source,
                run -> new ExtractJobParameters(source, run, request.url(), schema, request.user(), output, request.asOf(),
                        request.firing(), request.launchedBy(), request.confirmLoss()).toJobParameters(),
                previous -> true, request.progress());
    }

    /**
     * @param resumable whether a failed run of the same source is to be resumed (else: the next run number)
     */
    private ImportResult launch(Job job, String source, LongFunction<JobParameters> parametersOfRun,
                                Predicate<JobExecution> resumable, SnapshotImporter.Progress progress) {
        try (JobLock lock = locks.acquire(LOCK, BUSY, false, WHAT_TO_DO)) {
            // the source's run with the highest number, read before the recovery below (its status says whether it
            // was abandoned)
            Optional<JobExecution> previous = runs.lastOfHighest(job.getName(), ImportJobParameters.SOURCE, source,
                    ImportJobParameters.RUN);
            // we hold the lock every import and extraction takes: a run still marked running belongs to a dead process
            unfinished.recoverAbandoned(runs.stillRunning(SnapshotImportJobConfiguration.JOB_NAME));
            unfinished.recoverAbandoned(runs.stillRunning(SnapshotExtractJobConfiguration.JOB_NAME));
            JobParameters parameters;
            if (previous.isPresent() && previous.get().getStatus() != BatchStatus.COMPLETED
                    && resumable.test(previous.get())) {
                JobExecution failed = previous.get(); // as read before the recovery: still "running" if abandoned
                boolean abandoned = failed.getStatus().isRunning();
                console.line((abandoned ? "Poprzednie uruchomienie nr " + failed.getId() + " zostało przerwane (proces "
                        + "nie żyje) — " : "Uruchomienie nr " + failed.getId() + " jest " + PolishStatus.of(failed.getStatus())
                        + " — ") + "wczytuję dane od nowa (przerwana transakcja niczego nie zapisała).");
                parameters = parametersOfRun.apply(failed.getJobParameters().getLong(ImportJobParameters.RUN));
            } else {
                long next = previous.map(e -> e.getJobParameters().getLong(ImportJobParameters.RUN)).orElse(0L) + 1;
                parameters = parametersOfRun.apply(next);
            }
            return start(job, parameters, progress);
        }
    }

    private ImportResult start(Job job, JobParameters parameters, SnapshotImporter.Progress progress) {
        SnapshotJobContext.begin(progress);
        JobExecution execution;
        ImportResult result;
        try {
            execution = jobOperator.start(job, parameters);
        } catch (Exception e) {
            UserError reason = FailureTranslator.toUserError(e);
            if (reason.exitCode() == 3 || reason.exitCode() == 4) {
                throw reason;
            }
            throw new UserError("Nie można uruchomić wczytywania danych: " + e.getMessage(), ExitCode.JOB_FAILED, e);
        } finally {
            result = SnapshotJobContext.end();
        }
        if (result != null && (execution.getStatus() == BatchStatus.COMPLETED
                || execution.getStatus() == BatchStatus.STOPPED)) {
            return result; // (stopped by a signal after the import had committed: the snapshot is there)
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (execution.getStatus() == BatchStatus.STOPPED
                && failures.stream().allMatch(org.springframework.batch.core.job.JobInterruptedException.class::isInstance)) {
            throw new UserError("Wczytywanie danych zatrzymane na żądanie (sygnał zakończenia), zanim cokolwiek zapisano. "
                    + "Uruchom polecenie ponownie.", ExitCode.JOB_FAILED, null);
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            // the import's own exception: the same Polish line and exit code as before it ran as a job
            if (first instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw FailureTranslator.toUserError(first);
        }
        throw new UserError("Wczytywanie danych zakończone ze statusem „" + PolishStatus.of(execution.getStatus())
                + "” (np. zatrzymane sygnałem zakończenia); nic nie zostało zapisane. Uruchom polecenie ponownie.", ExitCode.JOB_FAILED,
                null);
    }

}
