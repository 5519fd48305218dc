package pl.mops.reports.scheduling;

import java.time.Instant;

/** What happened when the scheduler tried a period. */
public record Attempt(Period period, long snapshotId, Outcome outcome, String message, int exitCode, Instant at) {

    public enum Outcome {
        /** the run completed (or a completed run was reused) */
        COMPLETED,
        /** the run failed; retried after {@code ponowienie-po} */
        FAILED,
        /** another process is running the same job and period; tried again at the next check */
        HELD_ELSEWHERE
    }
}
