package pl.mops.reports.importing;

import java.util.List;

/** The files of the interchange contract (../shared/spec/interchange.md) and their columns. */
public enum InterchangeFile {
    OSOBY("osoby.csv", true, List.of("osoba_id", "pesel", "data_urodzenia", "plec", "obywatelstwo", "zrodlo_dochodu"),
            List.of("osoba_id", "data_urodzenia", "plec")),
    RODZINY("rodziny.csv", true, List.of("rodzina_id", "dzielnica", "filia", "teren"), List.of("rodzina_id", "dzielnica")),
    CZLONKOWIE("czlonkowie.csv", true, List.of("rodzina_id", "osoba_id", "rola", "od", "do"),
            List.of("rodzina_id", "osoba_id", "rola", "od")),
    DECYZJE("decyzje.csv", true, List.of("decyzja_id", "rodzina_id", "osoba_id", "data_wydania", "rodzaj", "powody"),
            List.of("decyzja_id", "rodzina_id", "osoba_id", "data_wydania", "rodzaj", "powody")),
    SWIADCZENIA("swiadczenia.csv", true, List.of("swiadczenie_id", "decyzja_id", "osoba_id", "forma", "podtyp",
            "zadanie", "data", "liczba", "kwota", "finansowanie", "cechy"),
            List.of("swiadczenie_id", "decyzja_id", "forma", "data", "liczba", "kwota")),
    PRACA_SOCJALNA("praca_socjalna.csv", true, List.of("rodzina_id", "data", "kontrakt"), List.of("rodzina_id", "data")),
    PLAN("plan.csv", false, List.of("rok", "forma", "kwota_planu"), List.of("rok", "forma", "kwota_planu")),
    // contract version 2 (optional files; interchange.md "Additions (contract version 2)")
    KONTRAKTY("kontrakty.csv", false, List.of("kontrakt_id", "rodzina_id", "osoba_id", "od", "do", "liczba_osob"),
            List.of("kontrakt_id", "rodzina_id", "osoba_id", "od")),
    WSPARCIE("wsparcie.csv", false, List.of("rodzina_id", "osoba_id", "data", "rodzaj"), List.of("rodzina_id", "data", "rodzaj"));

    private final String fileName;
    private final boolean required;
    private final List<String> columns;
    private final List<String> requiredColumns;

    InterchangeFile(String fileName, boolean required, List<String> columns, List<String> requiredColumns) {
        this.fileName = fileName;
        this.required = required;
        this.columns = columns;
        this.requiredColumns = requiredColumns;
    }

    /** columns that must be in the header (a missing one is a file-level error) */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** the file name without ".csv": the table of the source database ({@code extract}) and of staging */
    public String baseName() {
        return fileName.substring(0, fileName.length() - 4);
    }

    public String fileName() {
        return fileName;
    }

    public boolean required() {
        return required;
    }

    public List<String> columns() {
        return columns;
    }

    /** name of the temporary staging table */
    public String stagingTable() {
        return "stg_" + baseName();
    }

    /** the file names in the contract's order (for ordering rejects) */
    public static String[] fileNamesInOrder() {
        return java.util.Arrays.stream(values()).map(InterchangeFile::fileName).toArray(String[]::new);
    }
}
