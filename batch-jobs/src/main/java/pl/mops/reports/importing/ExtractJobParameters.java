package pl.mops.reports.importing;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Parameters of one extraction ({@code snapshotExtract}). Identifying: the source (as the snapshot names it:
 * {@code db:<URL without parameters> schemat <schema>}) and its run number (as {@link ImportJobParameters}). Not
 * identifying: the URL (refused when it holds a password), the schema, the user name, the folder of the summary,
 * "stan na" when given ({@code --stan-na}), the schedule's firing the run serves ({@code firing}, ISO time; empty when a
 * user ran it) and who launched it. The password is never a parameter: the step reads it when it connects
 * ({@link SourcePassword}).
 */
public record ExtractJobParameters(String source, long run, String url, String schema, String user, Path outputDir,
                                   LocalDate asOf, String firing, String launchedBy, boolean confirmLoss) {

    static final String SOURCE = "source";
    static final String RUN = "run";
    static final String URL = "url";
    static final String SCHEMA = "schema";
    static final String USER = "user";
    static final String OUTPUT_DIR = "outputDir";
    static final String AS_OF = "asOf";
    public static final String FIRING = "firing";
    static final String LAUNCHED_BY = "launchedBy";
    static final String CONFIRM_LOSS = "confirmLoss";

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(SOURCE, source, true)
                .addLong(RUN, run, true)
                .addString(URL, url, false)
                .addString(SCHEMA, schema, false)
                .addString(OUTPUT_DIR, outputDir.toString(), false)
                .addString(LAUNCHED_BY, launchedBy, false)
                .addString(CONFIRM_LOSS, Boolean.toString(confirmLoss), false);
        if (user != null) {
            builder.addString(USER, user, false);
        }
        if (asOf != null) {
            builder.addString(AS_OF, asOf.toString(), false);
        }
        if (firing != null) {
            builder.addString(FIRING, firing, false);
        }
        return builder.toJobParameters();
    }

    public static ExtractJobParameters from(JobParameters parameters) {
        String asOf = parameters.getString(AS_OF);
        return new ExtractJobParameters(parameters.getString(SOURCE), parameters.getLong(RUN), parameters.getString(URL),
                parameters.getString(SCHEMA), parameters.getString(USER), Path.of(parameters.getString(OUTPUT_DIR)),
                asOf == null ? null : LocalDate.parse(asOf), parameters.getString(FIRING),
                parameters.getString(LAUNCHED_BY), Boolean.parseBoolean(parameters.getString(CONFIRM_LOSS)));
    }
}
