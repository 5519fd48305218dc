package pl.mops.reports.runs;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;

import org.springframework.batch.core.job.JobInterruptedException;

/**
 * A step's failure that the stop it was asked for caused, not the data or the program: while the JVM shuts down
 * (SIGTERM to {@code serve} or to a command) a library that registers a shutdown hook on first use — the JDK does it
 * for the first font read from a stream and for ImageIO's disk cache — gets {@code IllegalStateException("Shutdown in
 * progress")}, and a thread interrupted by a stop gets an {@link InterruptedException} or an interrupted channel.
 * Such a step ends STOPPED (Spring Batch's {@link JobInterruptedException}), its transaction rolled back, and the next
 * start resumes it, exactly as when the stop arrives between steps; a real error is reported as before.
 */
final class StopCasualty {

    private StopCasualty() {
    }

    /** whether the failure comes from a shutdown or an interruption (anywhere in its causes) */
    static boolean isCausedByStop(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof ClosedByInterruptException
                    || t instanceof InterruptedIOException || t instanceof JobInterruptedException) {
                return true;
            }
            if (t instanceof IllegalStateException && "Shutdown in progress".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    static JobInterruptedException interrupted(String stepName, Exception cause) {
        JobInterruptedException stopped = new JobInterruptedException("Krok " + stepName
                + " przerwany przez zatrzymanie zadania; następne uruchomienie wznowi go od początku.");
        stopped.initCause(cause);
        return stopped;
    }
}
