package pl.mops.reports.runs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The jobs that bring data in: each makes a snapshot (or finds the same content already imported). The name a user
 * gives on the command line and in {@code runs --zadanie}, the Spring Batch job name and the Polish name used in
 * messages, logs and notifications — as {@link ReportJob} has them for the report jobs.
 */
public enum DataJob {

    /** {@code import --dir}, and each export taken from the drop folder ({@code wymiana}) */
    IMPORT("import", "snapshotImport", "wczytanie danych"),
    /** {@code extract}, and the nightly extraction of the schedule */
    EXTRACT("extract", "snapshotExtract", "pobranie danych z systemu dziedzinowego");

    private final String configName;
    private final String batchJobName;
    private final String polishName;

    DataJob(String configName, String batchJobName, String polishName) {
        this.configName = configName;
        this.batchJobName = batchJobName;
        this.polishName = polishName;
    }

    public String configName() {
        return configName;
    }

    public String batchJobName() {
        return batchJobName;
    }

    public String polishName() {
        return polishName;
    }

    public static Optional<DataJob> ofBatchJobName(String name) {
        return Arrays.stream(values()).filter(j -> j.batchJobName.equals(name)).findFirst();
    }

    /**
     * A job as a user may name it, in any case: {@code import}, {@code snapshotImport}, {@code "wczytanie danych"} or
     * its first word ({@code wczytanie}); {@code extract}, {@code snapshotExtract}, {@code pobranie}…
     */
    public static Optional<DataJob> ofUserName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(j -> j.configName.equals(wanted)
                || j.batchJobName.toLowerCase(Locale.ROOT).equals(wanted)
                || j.polishName.toLowerCase(Locale.ROOT).equals(wanted)
                || j.polishName.toLowerCase(Locale.ROOT).split(" ")[0].equals(wanted)).findFirst();
    }
}
