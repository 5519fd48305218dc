package pl.mops.reports.runs;

import java.time.Duration;
import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;

/**
 * One moment of a run — the job or one of its steps started or ended — as {@link RunListener} reports it to every
 * {@link ProgressSink}: the command line's progress lines, the run's log and the web console read the same events.
 *
 * @param parameters the run's identifying parameters, sorted ({@code month=2025-03, snapshot=4, version=1})
 * @param launchedBy who launched it (a user's name, "harmonogram")
 * @param stepName  {@code null} for the job's own start and end
 * @param status    the job's or step's status (STARTED while it runs)
 * @param took      from its start to this event ({@link Duration#ZERO} at a start)
 * @param message   the Polish reason of a failure, else empty
 */
public record RunProgress(long executionId, String jobName, String parameters, String launchedBy, String stepName, Phase phase, BatchStatus status,
                          Duration took, LocalDateTime at, String message) {

    public enum Phase { JOB_STARTED, STEP_STARTED, STEP_FINISHED, JOB_FINISHED }

    /** the step's Polish description ({@link StepDescriptions}), or the job's Polish name */
    public String description() {
        return stepName == null ? ReportJob.polishNameOf(jobName) : StepDescriptions.describe(stepName);
    }
}
