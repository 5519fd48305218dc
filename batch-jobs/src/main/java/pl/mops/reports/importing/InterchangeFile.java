package pl.mops.reports.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * The files of version 1 of the interchange contract (../shared/spec/interchange.md) and their columns, as the
 * generator writes them ({@link #columns()}). Contract version 2 adds optional files ({@link Version2File}) and
 * optional columns of these files ({@link #acceptedColumns()}: {@code cechy} of {@code swiadczenia.csv}); every file
 * of the contract is a {@link ContractFile}.
 */
public enum InterchangeFile implements ContractFile {
    OSOBY("osoby.csv", true, List.of("osoba_id", "pesel", "data_urodzenia", "plec", "obywatelstwo", "zrodlo_dochodu"),
            List.of("osoba_id", "data_urodzenia", "plec")),
    RODZINY("rodziny.csv", true, List.of("rodzina_id", "dzielnica", "filia", "teren"), List.of("rodzina_id", "dzielnica")),
    CZLONKOWIE("czlonkowie.csv", true, List.of("rodzina_id", "osoba_id", "rola", "od", "do"),
            List.of("rodzina_id", "osoba_id", "rola", "od")),
    DECYZJE("decyzje.csv", true, List.of("decyzja_id", "rodzina_id", "osoba_id", "data_wydania", "rodzaj", "powody"),
            List.of("decyzja_id", "rodzina_id", "osoba_id", "data_wydania", "rodzaj", "powody")),
    SWIADCZENIA("swiadczenia.csv", true, List.of("swiadczenie_id", "decyzja_id", "osoba_id", "forma", "podtyp",
            "zadanie", "data", "liczba", "kwota", "finansowanie"),
            List.of("swiadczenie_id", "decyzja_id", "forma", "data", "liczba", "kwota"), List.of("cechy")),
    PRACA_SOCJALNA("praca_socjalna.csv", true, List.of("rodzina_id", "data", "kontrakt"), List.of("rodzina_id", "data")),
    PLAN("plan.csv", false, List.of("rok", "forma", "kwota_planu"), List.of("rok", "forma", "kwota_planu"));

    private final String fileName;
    private final boolean required;
    private final List<String> columns;
    private final List<String> requiredColumns;
    private final List<String> version2Columns;

    InterchangeFile(String fileName, boolean required, List<String> columns, List<String> requiredColumns) {
        this(fileName, required, columns, requiredColumns, List.of());
    }

    InterchangeFile(String fileName, boolean required, List<String> columns, List<String> requiredColumns,
                    List<String> version2Columns) {
        this.fileName = fileName;
        this.required = required;
        this.columns = columns;
        this.requiredColumns = requiredColumns;
        this.version2Columns = version2Columns;
    }

    /** columns that must be in the header (a missing one is a file-level error) */
    @Override
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** the file name without ".csv": the table of the source database ({@code extract}) and of staging */
    @Override
    public String baseName() {
        return fileName.substring(0, fileName.length() - 4);
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public boolean required() {
        return required;
    }

    /** the columns of contract version 1, in contract order */
    public List<String> columns() {
        return columns;
    }

    /** the optional columns contract version 2 added to this file ({@code cechy} of {@code swiadczenia.csv}) */
    public List<String> version2Columns() {
        return version2Columns;
    }

    /** the columns of both versions */
    @Override
    public List<String> acceptedColumns() {
        if (version2Columns.isEmpty()) {
            return columns;
        }
        List<String> all = new ArrayList<>(columns);
        all.addAll(version2Columns);
        return List.copyOf(all);
    }

    @Override
    public int contractVersion() {
        return 1;
    }

    /** name of the temporary staging table */
    @Override
    public String stagingTable() {
        return "stg_" + baseName();
    }

    /** the file names of every file of the contract (both versions) in the contract's order (for ordering rejects) */
    public static String[] fileNamesInOrder() {
        return ContractFile.fileNamesInOrder();
    }
}
