package pl.mops.reports.runs;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * The job executions running in this process (registered when each step starts), so that a graceful stop
 * (SIGTERM, see {@code cli.Launcher}) can ask them to stop: the running step finishes its work (each step is one
 * transaction: it commits, or rolls back when the database fails), the job ends STOPPED before the next step, and
 * the next start resumes it from that step. A stop requested before a job's first step stops it at once.
 */
@Component
public class RunningExecutions {

    private static final Logger log = LoggerFactory.getLogger(RunningExecutions.class);

    private final Set<JobExecution> executions = ConcurrentHashMap.newKeySet();
    private volatile boolean stopRequested;

    public RunningExecutions() {
    }

    void stepStarting(JobExecution execution) {
        executions.add(execution);
        if (stopRequested) {
            stop(execution);
        }
    }

    /** asks every running execution of this process to stop after its current step */
    public void requestStop() {
        stopRequested = true;
        for (JobExecution execution : List.copyOf(executions)) {
            stop(execution);
        }
    }

    /**
     * Asks one execution of this process to stop after its current step (the console's "Zatrzymaj").
     *
     * @return {@code false} when this process does not run it (it ended, or another process runs it)
     */
    public boolean requestStop(long executionId) {
        for (JobExecution execution : List.copyOf(executions)) {
            if (execution.getId() == executionId && execution.getStatus().isRunning()) {
                stop(execution);
                return true;
            }
        }
        return false;
    }

    /** whether a stop was asked for this execution (the console's button, or a signal for the whole process) */
    public boolean stopRequestedFor(JobExecution execution) {
        return stopRequested || execution.getStatus() == BatchStatus.STOPPING
                || execution.getStepExecutions().stream().anyMatch(s -> s.isTerminateOnly());
    }

    /** whether this process runs the execution now */
    public boolean runsHere(long executionId) {
        return executions.stream().anyMatch(e -> e.getId() == executionId && e.getStatus().isRunning());
    }

    /** waits (at most {@code limit}) until no execution of this process is running; {@code true} = none is */
    public boolean awaitStopped(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (executions.stream().anyMatch(e -> e.getStatus().isRunning())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    /**
     * Asks a live execution of this process to stop, in memory only: the job is marked STOPPING and its running step
     * "terminate only". The job's own thread sees it at its next write to the job repository (Spring Batch checks for
     * an interruption there: the step's transaction rolls back and the step ends STOPPED) or before its next step,
     * and records STOPPED itself. Not {@code JobOperator.stop}: from another thread it writes the same job and step
     * executions the running thread is writing, and the loser of that race fails the step with an optimistic locking
     * error ("Attempt to update step execution … with wrong version") instead of stopping it.
     */
    private void stop(JobExecution execution) {
        if (!execution.getStatus().isRunning()) {
            return;
        }
        execution.setStatus(BatchStatus.STOPPING);
        execution.getStepExecutions().stream().filter(step -> step.getStatus().isRunning())
                .forEach(org.springframework.batch.core.step.StepExecution::setTerminateOnly);
        log.info("Zatrzymywanie wykonania {} ({}) po bieżącym kroku", execution.getId(),
                execution.getJobInstance().getJobName());
    }
}
