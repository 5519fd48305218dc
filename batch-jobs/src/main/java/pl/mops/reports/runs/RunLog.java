package pl.mops.reports.runs;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * Where the structured log of one job execution goes: {@code $MOPS_HOME/logs/runs/<job>-<period>-<execution>.log},
 * e.g. {@code monthlyStatistics-2025-03-12.log}, one JSON object a line (see {@link RunLogEncoder}). The MDC keys
 * that route a log event there (logback {@code SiftingAppender} in {@code logback.xml}).
 */
public final class RunLog {

    /** MDC: absolute path of the run's log file; events without it go only to the main log */
    public static final String FILE_KEY = "mops.runLog";
    /** MDC: the running step */
    public static final String STEP_KEY = "mops.step";

    private RunLog() {
    }

    public static Path file(Path home, JobExecution execution) {
        return home.resolve("logs").resolve("runs").resolve(execution.getJobInstance().getJobName() + "-"
                + period(execution.getJobParameters()) + execution.getId() + ".log");
    }

    /** {@code 2025-03-}, {@code 2025-P-}, {@code 2025-}; empty for a job without a period parameter */
    private static String period(JobParameters parameters) {
        for (String name : new String[] {"month", "period", "year"}) {
            if (parameters.getParameter(name) != null) {
                return String.valueOf(parameters.getParameter(name).value()).replaceAll("[^0-9A-Za-z-]", "_") + "-";
            }
        }
        return "";
    }
}
