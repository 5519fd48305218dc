package pl.mops.reports.runs;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;

import pl.mops.reports.system.FailureTranslator;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * Starts a job and turns anything but COMPLETED into a one-line Polish {@link UserError}: the job's own
 * {@code UserError} when a step threw one; a lost database connection (exit code 3) or a failed file write, e.g. a
 * full disk (exit code 4), named as such; a graceful stop as "zatrzymana"; otherwise the status and the failure
 * messages. Each says that running it again resumes from the unfinished step. Shared by the services of all jobs.
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
            UserError reason = FailureTranslator.toUserError(e);
            if (reason.exit() == ExitCode.DATABASE_UNAVAILABLE || reason.exit() == ExitCode.FILE_ERROR) {
                throw new UserError("Nie można dokończyć " + wording.genitive() + ": " + reason.getMessage()
                        + resumeHint(wording), reason.exit(), e);
            }
            throw new UserError("Nie można uruchomić " + wording.genitive() + ": " + e.getMessage(), ExitCode.JOB_FAILED, e);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> failures = execution.getAllFailureExceptions();
            UserError translated = failures.stream()
                    .filter(UserError.class::isInstance).map(UserError.class::cast).findFirst().orElse(null);
            if (translated != null) {
                throw translated;
            }
            Throwable first = failures.isEmpty() ? null : failures.get(0);
            if (execution.getStatus() == BatchStatus.STOPPED
                    && failures.stream().allMatch(JobInterruptedException.class::isInstance)) {
                throw new UserError(wording.finished().replace("zakończon", "zatrzyman")
                        + " na żądanie (sygnał zakończenia)." + resumeHint(wording), ExitCode.JOB_FAILED, null);
            }
            if (first != null) {
                UserError reason = FailureTranslator.toUserError(first);
                if (reason.exit() == ExitCode.DATABASE_UNAVAILABLE || reason.exit() == ExitCode.FILE_ERROR) {
                    throw new UserError(wording.finished() + " ze statusem „" + PolishStatus.of(execution.getStatus()) + "”: "
                            + reason.getMessage() + resumeHint(wording), reason.exit(), first);
                }
            }
            // each failure in one Polish line (the log keeps the rest): never a whole SQL statement on the console
            String reason = failures.stream().map(f -> FailureTranslator.toUserError(f).getMessage())
                    .map(m -> m.endsWith(".") ? m.substring(0, m.length() - 1) : m).distinct()
                    .collect(Collectors.joining("; "));
            throw new UserError(wording.finished() + " ze statusem „" + PolishStatus.of(execution.getStatus()) + "”"
                    + (reason.isBlank() ? "" : ": " + reason) + "." + resumeHint(wording), ExitCode.JOB_FAILED, first);
        }
        return execution;
    }

    private static String resumeHint(Wording wording) {
        return " Ponowne uruchomienie (to samo polecenie albo z --restart) wznowi " + wording.pronoun()
                + " od nieukończonego kroku.";
    }
}
