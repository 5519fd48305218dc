package pl.mops.reports.statistics;

import java.nio.file.Path;
import java.time.YearMonth;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Parameters of one monthly statistics run. Identifying: the month, the snapshot and the version
 * (1, or the next number with {@code --rerun}); the output folder and who launched it are not.
 */
public record MonthlyJobParameters(YearMonth month, long snapshotId, long version, Path outputDir, String launchedBy) {

    static final String MONTH = "month";
    static final String SNAPSHOT = "snapshot";
    static final String VERSION = "version";
    static final String OUTPUT_DIR = "outputDir";
    static final String LAUNCHED_BY = "launchedBy";

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(MONTH, month.toString(), true)
                .addLong(SNAPSHOT, snapshotId, true)
                .addLong(VERSION, version, true)
                .addString(OUTPUT_DIR, outputDir.toString(), false)
                .addString(LAUNCHED_BY, launchedBy, false)
                .toJobParameters();
    }

    public static MonthlyJobParameters from(JobParameters parameters) {
        return new MonthlyJobParameters(YearMonth.parse(parameters.getString(MONTH)), parameters.getLong(SNAPSHOT),
                parameters.getLong(VERSION), Path.of(parameters.getString(OUTPUT_DIR)), parameters.getString(LAUNCHED_BY));
    }

    /** file name without extension: statystyka-2025-10, or statystyka-2025-10-v2 for later versions */
    public String baseFileName() {
        return "statystyka-" + month + (version > 1 ? "-v" + version : "");
    }
}
