package pl.mops.reports.scheduling;

/** Starts the job of one period on a given snapshot (the real one goes through the job services). */
public interface PeriodLauncher {

    /** @throws LaunchFailure when the run did not complete */
    void launch(Period period, long snapshotId);

    /** A run that did not complete: the Polish error, and the job execution if one was started. */
    final class LaunchFailure extends RuntimeException {

        private final int exitCode;
        private final Long executionId;

        public LaunchFailure(String polishMessage, int exitCode, Long executionId, Throwable cause) {
            super(polishMessage, cause);
            this.exitCode = exitCode;
            this.executionId = executionId;
        }

        public int exitCode() {
            return exitCode;
        }

        /** {@code null}: the failure came before any job execution (e.g. a missing resources file) */
        public Long executionId() {
            return executionId;
        }
    }
}
