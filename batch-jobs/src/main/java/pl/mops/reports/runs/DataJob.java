package pl.mops.reports.runs;

import java.util.Optional;

/**
 * The jobs that bring data in: each makes a snapshot (or finds the same content already imported). Named as
 * {@link NamedJob} says, like the report jobs ({@link ReportJob}).
 */
public enum DataJob implements NamedJob {

    /** {@code import --dir}, and each export taken from the drop folder ({@code wymiana}) */
    IMPORT(new Names("import", "snapshotImport", "wczytanie danych")),
    /** {@code extract}, and the nightly extraction of the schedule */
    EXTRACT(new Names("extract", "snapshotExtract", "pobranie danych z systemu dziedzinowego"));

    private final Names names;

    DataJob(Names names) {
        this.names = names;
    }

    @Override
    public Names names() {
        return names;
    }

    public static Optional<DataJob> ofBatchJobName(String name) {
        return NamedJob.ofBatchJobName(values(), name);
    }

    /** a job as a user may name it: {@code import}, {@code snapshotImport}, {@code wczytanie}… ({@link #isCalled}) */
    public static Optional<DataJob> ofUserName(String name) {
        return NamedJob.calledBy(values(), name);
    }
}
