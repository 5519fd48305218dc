package pl.mops.reports.mrpips03;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Parameters of one MRPiPS-03 run. Identifying: the period, the snapshot, the layout version and the
 * layout file's SHA-256 (an edited layout file is a different layout), and the run number (1, or the
 * next number with {@code --rerun}). The output folder and who launched it are not identifying. The
 * correction number is not a parameter: the computing step assigns it (see {@link ReturnRepository}).
 */
public record Mrpips03JobParameters(ReturnPeriod period, long snapshotId, String layoutVersion, String layoutSha256,
                                    long run, Path outputDir, String launchedBy) {

    static final String PERIOD = "period";
    static final String SNAPSHOT = "snapshot";
    static final String LAYOUT = "layout";
    static final String LAYOUT_SHA256 = "layoutSha256";
    static final String RUN = "run";
    static final String OUTPUT_DIR = "outputDir";
    static final String LAUNCHED_BY = "launchedBy";

    /** the same run writing to another folder (a resumed run writes to the folder given now) */
    public Mrpips03JobParameters withOutputDir(Path folder) {
        return new Mrpips03JobParameters(period, snapshotId, layoutVersion, layoutSha256, run, folder, launchedBy);
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(PERIOD, period.toString(), true)
                .addLong(SNAPSHOT, snapshotId, true)
                .addString(LAYOUT, layoutVersion, true)
                .addString(LAYOUT_SHA256, layoutSha256, true)
                .addLong(RUN, run, true)
                .addString(OUTPUT_DIR, outputDir.toString(), false)
                .addString(LAUNCHED_BY, launchedBy, false)
                .toJobParameters();
    }

    public static Mrpips03JobParameters from(JobParameters parameters) {
        return new Mrpips03JobParameters(ReturnPeriod.parse(parameters.getString(PERIOD)), parameters.getLong(SNAPSHOT),
                parameters.getString(LAYOUT), parameters.getString(LAYOUT_SHA256), parameters.getLong(RUN),
                Path.of(parameters.getString(OUTPUT_DIR)), parameters.getString(LAUNCHED_BY));
    }

    /**
     * file name without extension: mrpips03-2025-P, mrpips03-2025-P-k1 for the first correction, and -v2, -v3… for a
     * later draft (wersja robocza) of the same correction number (mrpips03-2025-P-v2, mrpips03-2025-P-k1-v2)
     */
    public static String baseFileName(ReturnPeriod period, int correction, int draft) {
        return "mrpips03-" + period + (correction > 0 ? "-k" + correction : "") + (draft > 1 ? "-v" + draft : "");
    }
}
