package pl.mops.reports.runs;

import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;

import pl.mops.reports.cli.UserError;

/**
 * Starts a job and turns anything but COMPLETED into a one-line Polish {@link UserError}: the job's own
 * {@code UserError} when a step threw one, otherwise the status and the failure messages, with the hint
 * that running it again resumes from the unfinished step. Shared by the services of all jobs.
 */
public final class JobCompletion {

    /**
     * How messages name the run, e.g. ("statystyki za 2025-03", "Statystyka za 2025-03 zakończona", "ją").
     *
     * @param genitive  after "Nie można uruchomić"
     * @param finished  the run and the participle, before "ze statusem"
     * @param pronoun   after "Ponowne uruchomienie wznowi"
     */
    public record Wording(String genitive, String finished, String pronoun) {
    }

    private JobCompletion() {
    }

    public static JobExecution start(JobOperator operator, Job job, JobParameters parameters, Wording wording) {
        JobExecution execution;
        try {
            execution = operator.start(job, parameters);
        } catch (Exception e) {
            throw new UserError("Nie można uruchomić " + wording.genitive() + ": " + e.getMessage(), 1, e);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            UserError translated = execution.getAllFailureExceptions().stream()
                    .filter(UserError.class::isInstance).map(UserError.class::cast).findFirst().orElse(null);
            if (translated != null) {
                throw translated;
            }
            String reason = execution.getAllFailureExceptions().stream().map(Throwable::getMessage)
                    .collect(Collectors.joining("; "));
            throw new UserError(wording.finished() + " ze statusem " + execution.getStatus()
                    + (reason.isBlank() ? "" : ": " + reason) + ". Ponowne uruchomienie wznowi " + wording.pronoun()
                    + " od nieukończonego kroku.",
                    1, execution.getAllFailureExceptions().isEmpty() ? null : execution.getAllFailureExceptions().get(0));
        }
        return execution;
    }
}
