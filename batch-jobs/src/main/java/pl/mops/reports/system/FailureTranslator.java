package pl.mops.reports.system;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;

/** Turns any failure into a {@link UserError} with a Polish one-line reason (the launcher, the scheduler). */
public final class FailureTranslator {

    private FailureTranslator() {
    }

    public static UserError toUserError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UserError userError) {
                return userError;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String stoppingOrStarting = t instanceof SQLException sql ? serverStoppingOrStarting(sql) : null;
            if (stoppingOrStarting != null) {
                return new UserError(stoppingOrStarting, ExitCode.DATABASE_UNAVAILABLE, failure);
            }
            if (t instanceof ConnectException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))) {
                return new UserError("brak połączenia z bazą danych (" + t.getMessage() + ").", ExitCode.DATABASE_UNAVAILABLE, failure);
            }
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return new UserError(canceled(sql.getMessage()), ExitCode.JOB_FAILED, failure);
            }
            if (t instanceof FileSystemException fs && isDiskFull(fs.getReason())) {
                return new UserError("brak miejsca na dysku przy zapisie pliku " + fs.getFile() + ".", ExitCode.FILE_ERROR, failure);
            }
            if (t instanceof FileSystemException fs) {
                return new UserError("błąd zapisu lub odczytu pliku " + fs.getFile() + " (" + fs.getReason() + ").", ExitCode.FILE_ERROR, failure);
            }
            if (t instanceof IOException io && isDiskFull(io.getMessage())) {
                return new UserError("brak miejsca na dysku (" + io.getMessage() + ").", ExitCode.FILE_ERROR, failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // the server's own words, one line (not the driver's wrapper quoting the whole statement)
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                return new UserError("baza danych odrzuciła zapytanie programu (" + firstLine(sql.getMessage()) + ").",
                        ExitCode.JOB_FAILED, failure);
            }
        }
        String what = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new UserError("nieoczekiwany błąd programu: " + firstLine(what), ExitCode.JOB_FAILED, failure);
    }

    /** SQLSTATE 57014: the server cancelled the statement (its statement_timeout, or someone cancelled it) */
    public static final String QUERY_CANCELED = "57014";

    /**
     * PostgreSQL says it in English ("canceling statement due to statement timeout"); the user reads what happened and
     * what to do. Nothing of the step was kept (its transaction was rolled back), so the run can be resumed.
     */
    static String canceled(String serverMessage) {
        if (serverMessage != null && serverMessage.contains("statement timeout")) {
            return "zapytanie do bazy danych trwało dłużej niż pozwala limit czasu (statement_timeout) i baza je przerwała. "
                    + "Nic z tego kroku nie zostało zapisane; przebieg można wznowić (--restart). Jeśli to się powtarza, "
                    + "administrator może zwiększyć limit w config/application.yml (connection-init-sql, "
                    + "SET statement_timeout) — zob. docs/administracja.md, „Odporność na awarie i limity”.";
        }
        return "zapytanie do bazy danych zostało przerwane na żądanie (anulowane w bazie danych, np. przez "
                + "administratora). Nic z tego kroku nie zostało zapisane; przebieg można wznowić (--restart).";
    }

    /**
     * SQLSTATE 57P01–57P03: the database server is stopping, was stopped, or is starting (or recovering after a crash)
     * — e.g. a command started while the console ("serve") that runs the embedded database was closing, or the
     * server was restarted during a run. PostgreSQL says it in English ("the database system is shutting down"); the
     * user reads what happened and what to do (the server's words stay in the log). Null for any other failure.
     */
    static String serverStoppingOrStarting(SQLException sql) {
        String state = sql.getSQLState();
        String message = sql.getMessage() == null ? "" : sql.getMessage();
        if ("57P03".equals(state) && message.contains("shutting down")) {
            return "baza danych właśnie się zatrzymuje (np. kończy pracę konsola „serve”, która ją uruchomiła) i nie "
                    + "przyjmuje połączeń. Uruchom polecenie ponownie za chwilę.";
        }
        if ("57P03".equals(state)) {
            return "baza danych właśnie się uruchamia (albo odtwarza stan po awarii) i jeszcze nie przyjmuje połączeń. "
                    + "Uruchom polecenie ponownie za chwilę.";
        }
        if ("57P01".equals(state) || "57P02".equals(state)) {
            return "serwer bazy danych zatrzymał się w trakcie pracy programu i zerwał połączenie. Nic z przerwanego "
                    + "kroku nie zostało zapisane; gdy baza znów działa, przebieg można wznowić (--restart).";
        }
        return null;
    }

    private static boolean isDiskFull(String reason) {
        return reason != null && (reason.contains("No space left") || reason.contains("Disk quota exceeded"));
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String first = nl >= 0 ? text.substring(0, nl) : text;
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
