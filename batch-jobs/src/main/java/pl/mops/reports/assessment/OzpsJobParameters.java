package pl.mops.reports.assessment;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import pl.mops.reports.publication.PublicationProfile;

/**
 * Parameters of one assessment run. Identifying: the year, the snapshot, the SHA-256 of the resources file
 * and the version (1, or the next number with {@code --rerun}), and the profile when it is the publication profile
 * (a full run has no profile parameter, as before the profile existed); the resources file's path, the output
 * folder and who launched it are not.
 */
public record OzpsJobParameters(int year, long snapshotId, String resourcesSha256, long version, Path resourcesFile,
                                Path outputDir, String launchedBy, PublicationProfile profile) {

    static final String YEAR = "year";
    static final String SNAPSHOT = "snapshot";
    static final String RESOURCES_SHA256 = "resourcesSha256";
    static final String VERSION = "version";
    static final String RESOURCES_FILE = "resourcesFile";
    static final String OUTPUT_DIR = "outputDir";
    static final String LAUNCHED_BY = "launchedBy";
    static final String PROFILE = "profile";

    public OzpsJobParameters(int year, long snapshotId, String resourcesSha256, long version, Path resourcesFile,
                             Path outputDir, String launchedBy) {
        this(year, snapshotId, resourcesSha256, version, resourcesFile, outputDir, launchedBy, PublicationProfile.FULL);
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLong(YEAR, (long) year, true)
                .addLong(SNAPSHOT, snapshotId, true)
                .addString(RESOURCES_SHA256, resourcesSha256, true)
                .addLong(VERSION, version, true)
                .addString(RESOURCES_FILE, resourcesFile.toString(), false)
                .addString(OUTPUT_DIR, outputDir.toString(), false)
                .addString(LAUNCHED_BY, launchedBy, false);
        if (profile != PublicationProfile.FULL) {
            builder.addString(PROFILE, profile.optionValue(), true);
        }
        return builder.toJobParameters();
    }

    public static OzpsJobParameters from(JobParameters parameters) {
        return new OzpsJobParameters(parameters.getLong(YEAR).intValue(), parameters.getLong(SNAPSHOT),
                parameters.getString(RESOURCES_SHA256), parameters.getLong(VERSION),
                Path.of(parameters.getString(RESOURCES_FILE)), Path.of(parameters.getString(OUTPUT_DIR)),
                parameters.getString(LAUNCHED_BY), PublicationProfile.fromStored(parameters.getString(PROFILE)));
    }

    OzpsJobParameters withResourcesFile(Path file) {
        return new OzpsJobParameters(year, snapshotId, resourcesSha256, version, file, outputDir, launchedBy, profile);
    }

    /** the same run writing to another folder (a resumed run writes to the folder given now) */
    OzpsJobParameters withOutputDir(Path folder) {
        return new OzpsJobParameters(year, snapshotId, resourcesSha256, version, resourcesFile, folder, launchedBy, profile);
    }

    /** file name without extension: ozps-2025, or ozps-2025-v2 for later versions; ozps-2025-publikacja(-v2) */
    public String baseFileName() {
        return "ozps-" + year + profile.fileSuffix() + (version > 1 ? "-v" + version : "");
    }
}
