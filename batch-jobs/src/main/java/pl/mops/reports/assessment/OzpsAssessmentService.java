package pl.mops.reports.assessment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Service;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.assessment.resources.ResourcesFile;
import pl.mops.reports.assessment.resources.ResourcesReader;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.runs.JobCompletion;
import pl.mops.reports.runs.OutputFolder;
import pl.mops.reports.runs.RunFileRepository;
import pl.mops.reports.runs.RunDecision;
import pl.mops.reports.runs.RunOptions;
import pl.mops.reports.runs.RunsByParameter;
import pl.mops.reports.runs.UnfinishedRuns;
import pl.mops.reports.runs.locking.JobLock;
import pl.mops.reports.runs.locking.JobLocks;
import pl.mops.reports.runs.locking.LockKey;

/**
 * Starts the assessment job: checks the resources file first (an invalid file starts no job and lists every
 * problem), reuses a completed run of the same year, snapshot and resources file, restarts a failed one,
 * and with {@code rerun} makes the next numbered version. Everything, from the decision to the end of the run,
 * happens under the lock of the year ({@link JobLocks}); an abandoned run (its process died) is resumed.
 */
@Service
public class OzpsAssessmentService {

    /** @param copiedTo the folder the files of a reused run were copied to ({@code --out}), else {@code null} */
    public record Result(OzpsJobParameters parameters, long jobInstanceId, boolean reused, List<WrittenFile> files,
                         Duration duration, Path copiedTo) {
    }

    private final JobOperator jobOperator;
    private final RunsByParameter runsByParameter;
    private final Job ozpsAssessmentJob;
    private final SnapshotRepository snapshots;
    private final RunFileRepository runFiles;
    private final MopsProperties properties;
    private final JobLocks locks;
    private final UnfinishedRuns unfinished;

    public OzpsAssessmentService(JobOperator jobOperator, RunsByParameter runsByParameter, Job ozpsAssessmentJob,
                                 SnapshotRepository snapshots, RunFileRepository runFiles, MopsProperties properties,
                                 JobLocks locks, UnfinishedRuns unfinished) {
        this.jobOperator = jobOperator;
        this.runsByParameter = runsByParameter;
        this.ozpsAssessmentJob = ozpsAssessmentJob;
        this.snapshots = snapshots;
        this.runFiles = runFiles;
        this.properties = properties;
        this.locks = locks;
        this.unfinished = unfinished;
    }

    /** where {@code run ozps} and {@code ozps template} look for and put the resources file by default */
    public Path defaultResourcesDir() {
        return properties.home().resolve("zasoby");
    }

    public Result run(int year, Long requestedSnapshot, Path requestedResources, Path requestedOutput, boolean rerun,
                      String launchedBy) {
        return run(year, requestedSnapshot, requestedResources, requestedOutput, RunOptions.of(rerun), launchedBy,
                PublicationProfile.FULL);
    }

    public Result run(int year, Long requestedSnapshot, Path requestedResources, Path requestedOutput, boolean rerun,
                      String launchedBy, PublicationProfile profile) {
        return run(year, requestedSnapshot, requestedResources, requestedOutput, RunOptions.of(rerun), launchedBy,
                profile);
    }

    /** @param profile publication and full runs are separate (each reused and numbered on its own; one lock per year) */
    public Result run(int year, Long requestedSnapshot, Path requestedResources, Path requestedOutput,
                      RunOptions options, String launchedBy, PublicationProfile profile) {
        checkYear(year);
        Path resourcesPath = resourcesFile(year, requestedResources).toAbsolutePath().normalize();
        ResourcesFile resources = ResourcesReader.read(resourcesPath, year);
        Snapshot snapshot = snapshots.resolve(requestedSnapshot);
        snapshot.coverage().admit(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), "rok " + year,
                options.incompletePeriod(), snapshot.id());
        Path output = OutputFolder.requireWritable(requestedOutput != null ? requestedOutput
                : properties.outputRoot().resolve("ozps").resolve(String.valueOf(year)));
        try (JobLock lock = locks.acquire(new LockKey(OzpsJobConfiguration.JOB_NAME, String.valueOf(year)),
                "Ocena zasobów za " + year + " jest właśnie liczona", options.waitForLock())) {
            return runLocked(year, snapshot, resources, resourcesPath, output, requestedOutput != null, options,
                    launchedBy, profile);
        }
    }

    private Result runLocked(int year, Snapshot snapshot, ResourcesFile resources, Path resourcesPath, Path output,
                             boolean outputGiven, RunOptions options, String launchedBy, PublicationProfile profile) {
        List<JobExecution> allRunsOfYear = runsByParameter.lastExecutions(OzpsJobConfiguration.JOB_NAME,
                OzpsJobParameters.YEAR, Long.valueOf(year));
        unfinished.recoverAbandoned(allRunsOfYear); // we hold the lock: their processes are dead
        List<JobExecution> runsOfYear = allRunsOfYear.stream()
                .filter(e -> OzpsJobParameters.from(e.getJobParameters()).profile() == profile).toList();
        RunDecision.Decision<OzpsJobParameters> decision = new RunDecision<OzpsJobParameters>(
                OzpsJobParameters::from,
                p -> p.snapshotId() == snapshot.id() && p.resourcesSha256().equals(resources.sha256()),
                OzpsJobParameters::version, RunDecision.Numbering.ALL_RUNS,
                done -> "Nie ma czego wznawiać: ocena zasobów za " + year + " (migawka " + snapshot.id()
                        + ", ten plik zasobów) " + done.map(p -> "jest już policzona (wersja " + p.version()
                                + "); nową wersję tworzy --rerun.")
                                .orElse("nie była jeszcze uruchamiana; uruchom ją bez --restart."))
                .decide(runsOfYear, options);
        if (decision.kind() == RunDecision.Kind.REUSE) {
            List<WrittenFile> files = runFiles.filesOfInstance(decision.instanceId());
            boolean copy = outputGiven && !OutputFolder.allIn(files, output);
            return new Result(decision.previousParameters(), decision.instanceId(), true,
                    copy ? OutputFolder.copyInto(files, output) : files, Duration.ZERO, copy ? output : null);
        }
        OzpsJobParameters parameters;
        if (decision.kind() == RunDecision.Kind.RESUME) {
            // failed, stopped, or still marked running by a process that died (we hold the lock): restart the same
            // instance (same file content, perhaps under another path), writing to the folder given now (the folder
            // is not part of what makes the run the same)
            unfinished.prepareResume(ozpsAssessmentJob, decision.previous());
            parameters = decision.previousParameters().withResourcesFile(resourcesPath).withOutputDir(output);
        } else {
            parameters = new OzpsJobParameters(year, snapshot.id(), resources.sha256(), decision.nextNumber(),
                    resourcesPath, output, launchedBy, profile);
        }
        LocalDateTime start = LocalDateTime.now();
        JobExecution execution = JobCompletion.start(jobOperator, ozpsAssessmentJob, parameters.toJobParameters(),
                new JobCompletion.Wording("oceny zasobów za " + year, "Ocena zasobów za " + year + " zakończona", "ją"));
        return new Result(parameters, execution.getJobInstance().getInstanceId(), false,
                runFiles.filesOfInstance(execution.getJobInstance().getInstanceId()), Duration.between(start, LocalDateTime.now()),
                null);
    }

    void checkYear(int year) {
        int current = LocalDate.now(properties.timeZone()).getYear();
        if (year < 2000 || year > current) {
            throw new UserError("Rok oceny " + year + " jest spoza zakresu 2000–" + current + ".", ExitCode.INVALID_INPUT, null);
        }
    }

    /** the given file, or zasoby-<Y>.yaml / .yml / .csv / .xlsx (the first found) in the default folder */
    private Path resourcesFile(int year, Path requested) {
        if (requested != null) {
            if (!Files.isRegularFile(requested)) {
                throw new UserError("Nie ma pliku zasobów " + requested + ". Szablon tworzy polecenie: "
                        + "./mops-reports ozps template --year " + year, ExitCode.INVALID_INPUT, null);
            }
            return requested;
        }
        for (String extension : List.of("yaml", "yml", "csv", "xlsx")) {
            Path candidate = defaultResourcesDir().resolve("zasoby-" + year + "." + extension);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new UserError("Nie ma pliku zasobów " + defaultResourcesDir().resolve("zasoby-" + year + ".yaml")
                + " (ani .csv, ani .xlsx). Utwórz szablon: ./mops-reports ozps template --year " + year
                + ", wypełnij go i uruchom ponownie (albo podaj plik: --resources PLIK).", ExitCode.INVALID_INPUT, null);
    }
}
