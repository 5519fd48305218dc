package pl.mops.reports.importing;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Parameters of one import ({@code snapshotImport}). Identifying: the source (as the snapshot names it, e.g.
 * {@code csv:/dane/eksport} or {@code wymiana:eksport-2025-11.zip}) and the run number of that source (1, 2, … — a
 * failed or interrupted run is resumed under its number, a new import of the same source gets the next one). Not
 * identifying: where the files are ({@code path}: a folder, or a ZIP of the drop folder), the folder of the summary
 * and rejects file, "stan na" ({@code --stan-na}) or whether {@code stan-na.txt} gives it, the work folder a ZIP is
 * unpacked into with the limits of unpacking ({@code unpackLimit} bytes, {@code entryLimit} entries), what the drop
 * folder's export looked like when taken ({@code export}: to tell a resumed export from a new one of the same name),
 * who launched it, and whether an export that looks incomplete was confirmed ({@code --potwierdz-ubytek}). No personal data and no password is ever a parameter.
 */
public record ImportJobParameters(String source, long run, Path path, Path outputDir, LocalDate asOf,
                                  boolean asOfFromFile, Path workDir, Long unpackLimit, Integer entryLimit, String export,
                                  String launchedBy, boolean confirmLoss) {

    static final String SOURCE = "source";
    static final String RUN = "run";
    static final String PATH = "path";
    static final String OUTPUT_DIR = "outputDir";
    static final String AS_OF = "asOf";
    static final String AS_OF_FROM_FILE = "asOfFile";
    static final String WORK_DIR = "workDir";
    static final String UNPACK_LIMIT = "unpackLimit";
    static final String ENTRY_LIMIT = "entryLimit";
    static final String EXPORT = "export";
    static final String LAUNCHED_BY = "launchedBy";
    static final String CONFIRM_LOSS = "confirmLoss";

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(SOURCE, source, true)
                .addLong(RUN, run, true)
                .addString(PATH, path.toString(), false)
                .addString(OUTPUT_DIR, outputDir.toString(), false)
                .addString(AS_OF_FROM_FILE, Boolean.toString(asOfFromFile), false)
                .addString(LAUNCHED_BY, launchedBy, false)
                .addString(CONFIRM_LOSS, Boolean.toString(confirmLoss), false);
        if (asOf != null) {
            builder.addString(AS_OF, asOf.toString(), false);
        }
        if (workDir != null) {
            builder.addString(WORK_DIR, workDir.toString(), false);
        }
        if (unpackLimit != null) {
            builder.addLong(UNPACK_LIMIT, unpackLimit, false);
        }
        if (entryLimit != null) {
            builder.addLong(ENTRY_LIMIT, entryLimit.longValue(), false);
        }
        if (export != null) {
            builder.addString(EXPORT, export, false);
        }
        return builder.toJobParameters();
    }

    public static ImportJobParameters from(JobParameters parameters) {
        String asOf = parameters.getString(AS_OF);
        String workDir = parameters.getString(WORK_DIR);
        return new ImportJobParameters(parameters.getString(SOURCE), parameters.getLong(RUN),
                Path.of(parameters.getString(PATH)), Path.of(parameters.getString(OUTPUT_DIR)),
                asOf == null ? null : LocalDate.parse(asOf), Boolean.parseBoolean(parameters.getString(AS_OF_FROM_FILE)),
                workDir == null ? null : Path.of(workDir), parameters.getLong(UNPACK_LIMIT),
                parameters.getLong(ENTRY_LIMIT) == null ? null : parameters.getLong(ENTRY_LIMIT).intValue(),
                parameters.getString(EXPORT), parameters.getString(LAUNCHED_BY),
                Boolean.parseBoolean(parameters.getString(CONFIRM_LOSS)));
    }
}
