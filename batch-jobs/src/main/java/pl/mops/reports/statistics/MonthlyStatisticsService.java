package pl.mops.reports.statistics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Service;

import pl.mops.reports.MopsProperties;
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
 * Starts the monthly statistics job: reuses a completed run of the same month and snapshot,
 * restarts a failed, stopped or abandoned one, and with {@code rerun} makes the next numbered version. Everything,
 * from the decision to the end of the run, happens under the lock of the month ({@link JobLocks}).
 */
@Service
public class MonthlyStatisticsService {

    /** @param copiedTo the folder the files of a reused run were copied to ({@code --out}), else {@code null} */
    public record Result(MonthlyJobParameters parameters, long jobInstanceId, boolean reused, List<WrittenFile> files,
                         Duration duration, Path copiedTo) {
    }

    private final JobOperator jobOperator;
    private final RunsByParameter runsByParameter;
    private final Job monthlyStatisticsJob;
    private final SnapshotRepository snapshots;
    private final RunFileRepository runFiles;
    private final MopsProperties properties;
    private final JobLocks locks;
    private final UnfinishedRuns unfinished;

    public MonthlyStatisticsService(JobOperator jobOperator, RunsByParameter runsByParameter, Job monthlyStatisticsJob,
                                    SnapshotRepository snapshots, RunFileRepository runFiles, MopsProperties properties,
                                    JobLocks locks, UnfinishedRuns unfinished) {
        this.jobOperator = jobOperator;
        this.runsByParameter = runsByParameter;
        this.monthlyStatisticsJob = monthlyStatisticsJob;
        this.snapshots = snapshots;
        this.runFiles = runFiles;
        this.properties = properties;
        this.locks = locks;
        this.unfinished = unfinished;
    }

    public Result run(YearMonth month, Long requestedSnapshot, Path requestedOutput, boolean rerun, String launchedBy) {
        return run(month, requestedSnapshot, requestedOutput, RunOptions.of(rerun), launchedBy, PublicationProfile.FULL);
    }

    public Result run(YearMonth month, Long requestedSnapshot, Path requestedOutput, boolean rerun, String launchedBy,
                      PublicationProfile profile) {
        return run(month, requestedSnapshot, requestedOutput, RunOptions.of(rerun), launchedBy, profile);
    }

    /**
     * @param profile a publication run and a full run of the same month and snapshot are separate runs (each
     *                reused, restarted and numbered on its own; one lock per month covers both)
     */
    public Result run(YearMonth month, Long requestedSnapshot, Path requestedOutput, RunOptions options,
                      String launchedBy, PublicationProfile profile) {
        if (month.isAfter(YearMonth.now(properties.timeZone()))) {
            throw new UserError("Miesiąc " + month + " jeszcze się nie zaczął.", ExitCode.INVALID_INPUT, null);
        }
        Snapshot snapshot = snapshots.resolve(requestedSnapshot);
        snapshot.coverage().admit(month.atDay(1), month.atEndOfMonth(), "miesiąc " + month, options.incompletePeriod(),
                snapshot.id());
        Path output = OutputFolder.requireWritable(requestedOutput != null ? requestedOutput
                : properties.outputRoot().resolve("statystyka").resolve(month.toString()));
        try (JobLock lock = locks.acquire(new LockKey(MonthlyStatisticsJobConfiguration.JOB_NAME, month.toString()),
                "Statystyka za " + month + " jest właśnie liczona", options.waitForLock())) {
            return runLocked(month, snapshot, output, requestedOutput != null, options, launchedBy, profile);
        }
    }

    /**
     * @param output the folder given now (or the default): a new or resumed run writes there; the files of a completed
     *               run are copied there when it was given ({@code outputGiven})
     */
    private Result runLocked(YearMonth month, Snapshot snapshot, Path output, boolean outputGiven, RunOptions options,
                             String launchedBy, PublicationProfile profile) {
        List<JobExecution> allRunsOfMonth = runsByParameter.lastExecutions(MonthlyStatisticsJobConfiguration.JOB_NAME,
                MonthlyJobParameters.MONTH, month.toString());
        unfinished.recoverAbandoned(allRunsOfMonth); // we hold the lock: their processes are dead
        List<JobExecution> runsOfMonth = allRunsOfMonth.stream()
                .filter(e -> MonthlyJobParameters.from(e.getJobParameters()).profile() == profile).toList();
        RunDecision.Decision<MonthlyJobParameters> decision = new RunDecision<MonthlyJobParameters>(
                MonthlyJobParameters::from, p -> p.snapshotId() == snapshot.id(), MonthlyJobParameters::version,
                RunDecision.Numbering.ALL_RUNS,
                done -> "Nie ma czego wznawiać: statystyka za " + month + " (migawka " + snapshot.id() + ") "
                        + done.map(p -> "jest już policzona (wersja " + p.version() + "); nową wersję tworzy --rerun.")
                                .orElse("nie była jeszcze uruchamiana; uruchom ją bez --restart."))
                .decide(runsOfMonth, options);
        if (decision.kind() == RunDecision.Kind.REUSE) {
            List<WrittenFile> files = runFiles.filesOfInstance(decision.instanceId());
            boolean copy = outputGiven && !OutputFolder.allIn(files, output);
            return new Result(decision.previousParameters(), decision.instanceId(), true,
                    copy ? OutputFolder.copyInto(files, output) : files, Duration.ZERO, copy ? output : null);
        }
        MonthlyJobParameters parameters;
        if (decision.kind() == RunDecision.Kind.RESUME) {
            // failed, stopped, or still marked running by a process that died (we hold the lock): resume it, writing
            // to the folder given now (the folder is not part of what makes the run the same)
            unfinished.prepareResume(monthlyStatisticsJob, decision.previous());
            parameters = decision.previousParameters().withOutputDir(output);
        } else {
            parameters = new MonthlyJobParameters(month, snapshot.id(), decision.nextNumber(), output, launchedBy,
                    profile);
        }
        LocalDateTime start = LocalDateTime.now();
        JobExecution execution = JobCompletion.start(jobOperator, monthlyStatisticsJob, parameters.toJobParameters(),
                new JobCompletion.Wording("statystyki za " + month, "Statystyka za " + month + " zakończona", "ją"));
        return new Result(parameters, execution.getJobInstance().getInstanceId(), false,
                runFiles.filesOfInstance(execution.getJobInstance().getInstanceId()), Duration.between(start, LocalDateTime.now()),
                null);
    }
}
