package pl.mops.reports.runs;

import org.springframework.batch.core.BatchStatus;

/**
 * The one place that names a run's status in Polish for whatever a user reads ({@code runs}, {@code status}, the
 * job messages, the notification's summary). Machine-readable places keep the Spring Batch code: the
 * {@code MOPS_STATUS} variable of the notification hook, the health endpoint, the database.
 */
public final class PolishStatus {

    /** the status of a run that could not even start (the scheduler's notification), not a Spring Batch status */
    public static final String NOT_STARTED = "NOT_STARTED";
    /** no new data for longer than {@code mops.dane.brak-nowych-po} (the scheduler's notification), not a Spring Batch status */
    public static final String NO_NEW_DATA = "NO_NEW_DATA";

    private PolishStatus() {
    }

    public static String of(BatchStatus status) {
        return status == null ? "nieznany" : of(status.name());
    }

    /** @param code a Spring Batch status as stored ({@code COMPLETED}, {@code FAILED}…) or {@link #NOT_STARTED} */
    public static String of(String code) {
        if (code == null) {
            return "nieznany";
        }
        return switch (code) {
            case "COMPLETED" -> "zakończone";
            case "FAILED" -> "nieudane";
            case "STOPPED" -> "zatrzymane";
            case "STOPPING" -> "zatrzymywane";
            case "STARTED", "STARTING" -> "w toku";
            case "ABANDONED" -> "porzucone";
            case "UNKNOWN" -> "nieznany";
            case NOT_STARTED -> "nierozpoczęte";
            case NO_NEW_DATA -> "brak nowych danych";
            default -> code;
        };
    }
}
