package pl.mops.reports.scheduling;

import java.util.Arrays;
import java.util.Optional;

import pl.mops.reports.runs.DataJob;

/** The two ways data come in on a schedule, named in {@code config/harmonogram.yml} by {@code zadanie}. */
public enum IntakeKind {

    /** a check of the drop folder {@code MOPS_HOME/wymiana} (each export: the job {@code snapshotImport}) */
    DROP_FOLDER("wymiana", "sprawdzenie folderu wymiany", DataJob.IMPORT),
    /** an extraction from the case system's database ({@code mops.zrodlo}; the job {@code snapshotExtract}) */
    DATABASE("extract", "pobranie danych z systemu dziedzinowego", DataJob.EXTRACT);

    private final String configName;
    private final String polishName;
    private final DataJob job;

    IntakeKind(String configName, String polishName, DataJob job) {
        this.configName = configName;
        this.polishName = polishName;
        this.job = job;
    }

    public String configName() {
        return configName;
    }

    public String polishName() {
        return polishName;
    }

    public DataJob job() {
        return job;
    }

    public static Optional<IntakeKind> ofConfigName(String name) {
        return Arrays.stream(values()).filter(k -> k.configName.equals(name)).findFirst();
    }
}
