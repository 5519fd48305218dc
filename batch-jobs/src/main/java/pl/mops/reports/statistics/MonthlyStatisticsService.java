package pl.mops.reports.statistics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
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
import pl.mops.reports.runs.RunOptions;
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
    private final JobRepository jobRepository;
    private final Job monthlyStatisticsJob;
    private final SnapshotRepository snapshots;
    private final RunFileRepository runFiles;
    private final MopsProperties properties;
    private final JobLocks locks;
    private final UnfinishedRuns unfinished;

    public MonthlyStatisticsService(JobOperator jobOperator, JobRepository jobRepository, Job monthlyStatisticsJob,
                                    SnapshotRepository snapshots, RunFileRepository runFiles, MopsProperties properties,
                                    JobLocks locks, UnfinishedRuns unfinished) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
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
        List<JobExecution> allRunsOfMonth = lastExecutionsOfMonth(month);
        unfinished.recoverAbandoned(allRunsOfMonth); // we hold the lock: their processes are dead
        List<JobExecution> runsOfMonth = allRunsOfMonth.stream()
                .filter(e -> MonthlyJobParameters.from(e.getJobParameters()).profile() == profile).toList();
        Optional<JobExecution> sameSnapshot = runsOfMonth.stream()
                .filter(e -> MonthlyJobParameters.from(e.getJobParameters()).snapshotId() == snapshot.id())
                .max(Comparator.comparingLong(e -> MonthlyJobParameters.from(e.getJobParameters()).version()));
        if (options.restart() && sameSnapshot.map(e -> e.getStatus() == BatchStatus.COMPLETED).orElse(true)) {
            throw new UserError("Nie ma czego wznawiać: statystyka za " + month + " (migawka " + snapshot.id() + ") "
                    + sameSnapshot.map(e -> "jest już policzona (wersja "
                            + MonthlyJobParameters.from(e.getJobParameters()).version() + "); nową wersję tworzy --rerun.")
                            .orElse("nie była jeszcze uruchamiana; uruchom ją bez --restart."), ExitCode.INVALID_INPUT, null);
        }
        MonthlyJobParameters parameters;
        if (!options.rerun() && sameSnapshot.isPresent()) {
            JobExecution previous = sameSnapshot.get();
            MonthlyJobParameters previousParameters = MonthlyJobParameters.from(previous.getJobParameters());
            if (previous.getStatus() == BatchStatus.COMPLETED) {
                List<WrittenFile> files = runFiles.filesOfInstance(previous.getJobInstance().getInstanceId());
                boolean copy = outputGiven && !OutputFolder.allIn(files, output);
                return new Result(previousParameters, previous.getJobInstance().getInstanceId(), true,
                        copy ? OutputFolder.copyInto(files, output) : files, Duration.ZERO, copy ? output : null);
            }
            // failed, stopped, or still marked running by a process that died (we hold the lock): resume it, writing
            // to the folder given now (the folder is not part of what makes the run the same)
            unfinished.prepareResume(monthlyStatisticsJob, previous);
            parameters = previousParameters.withOutputDir(output);
        } else {
            long nextVersion = runsOfMonth.stream()
                    .mapToLong(e -> MonthlyJobParameters.from(e.getJobParameters()).version()).max().orElse(0) + 1;
            parameters = new MonthlyJobParameters(month, snapshot.id(), nextVersion, output, launchedBy, profile);
        }
        LocalDateTime start = LocalDateTime.now();
        JobExecution execution = JobCompletion.start(jobOperator, monthlyStatisticsJob, parameters.toJobParameters(),
                new JobCompletion.Wording("statystyki za " + month, "Statystyka za " + month + " zakończona", "ją"));
        return new Result(parameters, execution.getJobInstance().getInstanceId(), false,
                runFiles.filesOfInstance(execution.getJobInstance().getInstanceId()), Duration.between(start, LocalDateTime.now()),
                null);
    }

    private List<JobExecution> lastExecutionsOfMonth(YearMonth month) {
        return jobRepository.findJobInstances(MonthlyStatisticsJobConfiguration.JOB_NAME).stream()
                .map(jobRepository::getLastJobExecution)
                .filter(e -> e != null && month.toString().equals(e.getJobParameters().getString(MonthlyJobParameters.MONTH)))
                .toList();
    }
}
