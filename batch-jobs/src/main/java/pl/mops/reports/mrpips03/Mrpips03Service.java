package pl.mops.reports.mrpips03;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Service;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
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
 * Starts the MRPiPS-03 job.
 * <ul>
 * <li>The same period, snapshot and layout (version and file content) as a completed run: nothing is
 *     computed, the completed run's files are returned.</li>
 * <li>A failed, stopped or abandoned run of the same: restarted from the step that failed.</li>
 * <li>A new snapshot or layout, or {@code --rerun}: a new version. Before the period's return is submitted
 *     ({@code zloz}) it is a new draft of the same return ({@code -v2}, {@code -v3}…); after a submission, a
 *     recomputation with changed cells is a correction ({@code -k1}, {@code -k2}…) against the submitted version,
 *     with the list of changed cells, and one with the same cells is a new draft of the submitted version
 *     ({@link ReturnRepository#create}). No run writes over another run's files.</li>
 * <li>A period the snapshot does not cover completely: refused, unless {@code --niepelny-okres}.</li>
 * <li>The layout: {@code --layout}, else the one the period already uses ({@link ReturnRepository#establishedLayout}:
 *     its latest submitted version's, else its first return's — a period first computed with 2025.1 keeps 2025.1 for
 *     its later versions and corrections), else the newest layout for the year.</li>
 * </ul>
 * Everything, from the decision to the end of the run, happens under the lock of the period ({@link JobLocks}).
 */
@Service
public class Mrpips03Service {

    /**
     * The outcome of a run.
     *
     * @param laterCorrection a newer version of the same period (printed as a warning when reusing)
     * @param copiedTo        the folder the files of a reused run were copied to ({@code --out}), else {@code null}
     * @param layoutChoice    why the layout is not the newest one for the year when {@code --layout} was not given
     *                        (Polish), else {@code null}
     */
    public record Result(Mrpips03JobParameters parameters, long jobInstanceId, boolean reused, StoredReturn stored,
                         int cells, List<WrittenFile> files, Duration duration, Optional<StoredReturn> laterCorrection,
                         Path copiedTo, String layoutChoice) {
    }

    private final JobOperator jobOperator;
    private final RunsByParameter runsByParameter;
    private final Job mrpips03ReturnJob;
    private final SnapshotRepository snapshots;
    private final Layouts layouts;
    private final ReturnRepository returns;
    private final RunFileRepository runFiles;
    private final MopsProperties properties;
    private final JobLocks locks;
    private final UnfinishedRuns unfinished;

    public Mrpips03Service(JobOperator jobOperator, RunsByParameter runsByParameter, Job mrpips03ReturnJob,
                           SnapshotRepository snapshots, Layouts layouts, ReturnRepository returns,
                           RunFileRepository runFiles, MopsProperties properties, JobLocks locks,
                           UnfinishedRuns unfinished) {
        this.jobOperator = jobOperator;
        this.runsByParameter = runsByParameter;
        this.mrpips03ReturnJob = mrpips03ReturnJob;
        this.snapshots = snapshots;
        this.layouts = layouts;
        this.returns = returns;
        this.runFiles = runFiles;
        this.properties = properties;
        this.locks = locks;
        this.unfinished = unfinished;
    }

    /**
     * @param layoutVersion {@code null} = the layout the period already uses, else the newest one for its year
     * @param requestedOutput {@code null} = {@code $MOPS_HOME/out/mrpips03/YYYY-P|R/}
     */
    public Result run(ReturnPeriod period, Long requestedSnapshot, String layoutVersion, Path requestedOutput,
                      boolean rerun, String launchedBy) {
        return run(period, requestedSnapshot, layoutVersion, requestedOutput, RunOptions.of(rerun), launchedBy);
    }

    public Result run(ReturnPeriod period, Long requestedSnapshot, String layoutVersion, Path requestedOutput,
                      RunOptions options, String launchedBy) {
        if (period.start().isAfter(LocalDate.now(properties.timeZone()))) {
            throw new UserError("Okres " + period + " (" + period.polishName() + ") jeszcze się nie zaczął.", ExitCode.INVALID_INPUT, null);
        }
        Snapshot snapshot = snapshots.resolve(requestedSnapshot);
        snapshot.coverage().admit(period.start(), period.end(), period.polishName(), options.incompletePeriod(),
                snapshot.id());
        Layout requested = layoutVersion == null ? null : layouts.resolve(layoutVersion, period.year());
        Path output = OutputFolder.requireWritable(requestedOutput != null ? requestedOutput
                : properties.outputRoot().resolve("mrpips03").resolve(period.toString()));
        try (JobLock lock = locks.acquire(new LockKey(Mrpips03JobConfiguration.JOB_NAME, period.toString()),
                "Sprawozdanie MRPiPS-03 za " + period + " jest właśnie liczone", options.waitForLock())) {
            // the layout is chosen under the lock: the period's returns (and so the layout it keeps) cannot change now
            Layout layout;
            String layoutChoice = null;
            if (requested != null) {
                layout = requested;
            } else {
                Optional<String> established = returns.establishedLayout(period);
                layout = layouts.resolve(established.orElse(null), period.year());
                String newest = layouts.newestVersion(period.year()).orElse(layout.version());
                if (!newest.equals(layout.version())) {
                    layoutChoice = "Układ formularza " + layout.version() + " \u2014 ten, w którym sporządzono "
                            + (returns.latestSubmitted(period).isPresent() ? "złożoną wersję" : "pierwsze sprawozdanie")
                            + " za ten okres (inny układ: --layout " + newest + ").";
                }
            }
            Result result = runLocked(period, snapshot, layout, output, requestedOutput != null, options, launchedBy);
            return layoutChoice == null ? result : new Result(result.parameters(), result.jobInstanceId(), result.reused(),
                    result.stored(), result.cells(), result.files(), result.duration(), result.laterCorrection(),
                    result.copiedTo(), layoutChoice);
        }
    }

    private Result runLocked(ReturnPeriod period, Snapshot snapshot, Layout layout, Path output, boolean outputGiven,
                             RunOptions options, String launchedBy) {
        List<JobExecution> ofPeriod = runsByParameter.lastExecutions(Mrpips03JobConfiguration.JOB_NAME,
                Mrpips03JobParameters.PERIOD, period.toString());
        unfinished.recoverAbandoned(ofPeriod); // we hold the lock: their processes are dead
        RunDecision.Decision<Mrpips03JobParameters> decision = new RunDecision<Mrpips03JobParameters>(
                Mrpips03JobParameters::from,
                p -> p.snapshotId() == snapshot.id() && p.layoutVersion().equals(layout.version())
                        && p.layoutSha256().equals(layout.sha256()),
                Mrpips03JobParameters::run, RunDecision.Numbering.SAME_INPUTS,
                done -> "Nie ma czego wznawiać: sprawozdanie MRPiPS-03 za " + period + " (migawka " + snapshot.id()
                        + ", układ " + layout.version() + ") " + done.map(p -> "jest już policzone; ponowne "
                                + "przeliczenie wykonuje --rerun.")
                                .orElse("nie było jeszcze uruchamiane; uruchom je bez --restart."))
                .decide(ofPeriod, options);
        if (decision.kind() == RunDecision.Kind.REUSE) {
            long instanceId = decision.instanceId();
            StoredReturn stored = returns.ofInstance(instanceId).orElseThrow();
            if (returns.isStaleDraft(stored)) {
                // a draft made before another version was submitted, with other cells than the submitted one: the same
                // data now make a correction of the submitted version, so compute anew
                return runLocked(period, snapshot, layout, output, outputGiven,
                        new RunOptions(true, false, options.waitForLock(), options.incompletePeriod()), launchedBy);
            }
            List<WrittenFile> files = runFiles.filesOfInstance(instanceId);
            boolean copy = outputGiven && !OutputFolder.allIn(files, output);
            return new Result(decision.previousParameters(), instanceId, true, stored, returns.cellCount(stored.id()),
                    copy ? OutputFolder.copyInto(files, output) : files, Duration.ZERO, laterCorrection(stored),
                    copy ? output : null, null);
        }
        Mrpips03JobParameters parameters;
        if (decision.kind() == RunDecision.Kind.RESUME) {
            // failed, stopped, or still marked running by a process that died (we hold the lock): resume it, writing
            // to the folder given now (the folder is not part of what makes the run the same)
            unfinished.prepareResume(mrpips03ReturnJob, decision.previous());
            parameters = decision.previousParameters().withOutputDir(output);
        } else {
            parameters = new Mrpips03JobParameters(period, snapshot.id(), layout.version(), layout.sha256(),
                    decision.nextNumber(), output, launchedBy);
        }
        LocalDateTime start = LocalDateTime.now();
        JobExecution execution = JobCompletion.start(jobOperator, mrpips03ReturnJob, parameters.toJobParameters(),
                new JobCompletion.Wording("sprawozdania MRPiPS-03 za " + period, "Sprawozdanie MRPiPS-03 za " + period + " zakończone", "je"));
        long instanceId = execution.getJobInstance().getInstanceId();
        StoredReturn stored = returns.ofInstance(instanceId).orElseThrow();
        return new Result(parameters, instanceId, false, stored, returns.cellCount(stored.id()),
                runFiles.filesOfInstance(instanceId), Duration.between(start, LocalDateTime.now()),
                laterCorrection(stored), null, null);
    }

    /** a version of the same period computed after the given return (printed as a warning when reusing) */
    private Optional<StoredReturn> laterCorrection(StoredReturn stored) {
        return returns.latest(stored.period()).filter(l -> l.correction() > stored.correction()
                || (l.correction() == stored.correction() && l.draft() > stored.draft()));
    }
}
