package pl.mops.reports.statistics;

import java.nio.file.Path;
import java.time.YearMonth;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import pl.mops.reports.publication.PublicationProfile;

/**
 * Parameters of one monthly statistics run. Identifying: the month, the snapshot, the version
 * (1, or the next number with {@code --rerun}) and the profile when it is the publication profile (a full run has
 * no profile parameter, as before the profile existed); the output folder and who launched it are not.
 */
public record MonthlyJobParameters(YearMonth month, long snapshotId, long version, Path outputDir, String launchedBy,
                                   PublicationProfile profile) {

    static final String MONTH = "month";
    static final String SNAPSHOT = "snapshot";
    static final String VERSION = "version";
    static final String OUTPUT_DIR = "outputDir";
    static final String LAUNCHED_BY = "launchedBy";
    static final String PROFILE = "profile";

    public MonthlyJobParameters(YearMonth month, long snapshotId, long version, Path outputDir, String launchedBy) {
        this(month, snapshotId, version, outputDir, launchedBy, PublicationProfile.FULL);
    }

    /** the same run writing to another folder (a resumed run writes to the folder given now) */
    public MonthlyJobParameters withOutputDir(Path folder) {
        return new MonthlyJobParameters(month, snapshotId, version, folder, launchedBy, profile);
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(MONTH, month.toString(), true)
                .addLong(SNAPSHOT, snapshotId, true)
                .addLong(VERSION, version, true)
                .addString(OUTPUT_DIR, outputDir.toString(), false)
                .addString(LAUNCHED_BY, launchedBy, false);
        if (profile != PublicationProfile.FULL) {
            builder.addString(PROFILE, profile.optionValue(), true);
        }
        return builder.toJobParameters();
    }

    public static MonthlyJobParameters from(JobParameters parameters) {
        return new MonthlyJobParameters(YearMonth.parse(parameters.getString(MONTH)), parameters.getLong(SNAPSHOT),
                parameters.getLong(VERSION), Path.of(parameters.getString(OUTPUT_DIR)), parameters.getString(LAUNCHED_BY),
                PublicationProfile.fromStored(parameters.getString(PROFILE)));
    }

    /**
     * file name without extension: statystyka-2025-10, or statystyka-2025-10-v2 for later versions;
     * statystyka-2025-10-publikacja(-v2) for the publication profile
     */
    public String baseFileName() {
        return "statystyka-" + month + profile.fileSuffix() + (version > 1 ? "-v" + version : "");
    }
}
