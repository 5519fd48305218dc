package pl.mops.reports.runs;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import pl.mops.reports.system.Console;

/**
 * Prepares the resumption of a run that did not complete. Called only while holding the job's lock
 * ({@link pl.mops.reports.runs.locking.JobLocks}): every live process that runs a job and period holds that lock,
 * so an execution still marked STARTED, STARTING or STOPPING at that moment belongs to a process that died
 * (kill -9, power loss, lost database connection). Such an execution is marked FAILED with its unfinished steps
 * ({@link JobOperator#recover(JobExecution)}) and then restarted like any failed run; the console says so.
 */
@Component
public class UnfinishedRuns {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedRuns.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Console console;

    public UnfinishedRuns(JobOperator jobOperator, JobRepository jobRepository, Console console) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.console = console;
    }

    /**
     * Marks every abandoned execution among the last executions of a job and period FAILED (whatever their snapshot
     * or version), so that none stays "running" for ever; the one that is resumed is announced by
     * {@link #prepareResume}.
     */
    public void recoverAbandoned(List<JobExecution> lastExecutionsOfPeriod) {
        for (JobExecution execution : lastExecutionsOfPeriod) {
            if (execution.getStatus().isRunning()) {
                JobExecution fresh = Optional.ofNullable(jobRepository.getJobExecution(execution.getId())).orElse(execution);
                if (fresh.getStatus().isRunning()) {
                    log.warn("Wykonanie {} ({}) ma status {}, a nikt nie trzyma blokady zadania: proces nie żyje, "
                            + "oznaczam FAILED", fresh.getId(), fresh.getJobInstance().getJobName(), fresh.getStatus());
                    jobOperator.recover(fresh);
                }
            }
        }
    }

    /**
     * Marks the execution FAILED if it was abandoned and tells the user which step the run resumes from.
     *
     * @param previous the last execution of the job instance, not COMPLETED, as read before
     *                 {@link #recoverAbandoned} (its status says whether it was abandoned)
     */
    public void prepareResume(Job job, JobExecution previous) {
        boolean abandoned = previous.getStatus().isRunning();
        recoverAbandoned(List.of(previous));
        Optional<String> step = resumeStep(job, previous).map(StepDescriptions::describe);
        String what = step.map(s -> "wznawiam od kroku: " + s + ".")
                .orElse("wszystkie kroki były już ukończone — kończę je.");
        console.line(abandoned
                ? "Poprzednie uruchomienie nr " + previous.getId() + " zostało przerwane (proces nie żyje) — " + what
                : "Uruchomienie nr " + previous.getId() + " jest " + PolishStatus.of(previous.getStatus()) + " — " + what);
    }

    /** the first step of the job, in job order, whose last execution in this job instance is not COMPLETED */
    private Optional<String> resumeStep(Job job, JobExecution execution) {
        if (!(job instanceof SimpleJob simple)) {
            return Optional.empty();
        }
        for (String name : List.copyOf(simple.getStepNames())) {
            StepExecution last = jobRepository.getLastStepExecution(execution.getJobInstance(), name);
            if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
