package pl.mops.reports.system;

/**
 * The program's exit codes (README, "Kod wyjścia"): one list for the launcher, the commands, the scheduler and the
 * console, which shows the same outcome in words.
 */
public enum ExitCode {

    /** 0 — done */
    SUCCESS(0, "sukces"),
    /** 1 — a job or a check failed (the data and arguments were acceptable) */
    JOB_FAILED(1, "błąd zadania"),
    /** 2 — arguments or data refused before anything was changed */
    INVALID_INPUT(2, "złe argumenty lub dane"),
    /** 3 — the database cannot be reached */
    DATABASE_UNAVAILABLE(3, "brak połączenia z bazą"),
    /** 4 — a file could not be written or read */
    FILE_ERROR(4, "błąd zapisu lub odczytu pliku"),
    /** 5 — the same job is running, or another process owns the embedded database */
    BUSY(5, "zadanie jest już liczone albo bazę ma inny proces");

    private final int code;
    private final String polishMeaning;

    ExitCode(int code, String polishMeaning) {
        this.code = code;
        this.polishMeaning = polishMeaning;
    }

    /** the number the process ends with */
    public int code() {
        return code;
    }

    public String polishMeaning() {
        return polishMeaning;
    }

    public static ExitCode of(int code) {
        for (ExitCode exit : values()) {
            if (exit.code == code) {
                return exit;
            }
        }
        throw new IllegalArgumentException("exit code " + code);
    }
}
