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
            if (t instanceof ConnectException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))) {
                return new UserError("brak połączenia z bazą danych (" + t.getMessage() + ").", ExitCode.DATABASE_UNAVAILABLE, failure);
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
        String what = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new UserError("nieoczekiwany błąd programu: " + firstLine(what), ExitCode.JOB_FAILED, failure);
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
