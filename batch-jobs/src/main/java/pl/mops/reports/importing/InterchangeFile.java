package pl.mops.reports.importing;

import java.util.List;

/** The files of the interchange contract (../shared/spec/interchange.md) and their columns. */
public enum InterchangeFile {
    OSOBY("osoby.csv", true, List.of("osoba_id", "pesel", "data_urodzenia", "plec", "obywatelstwo", "zrodlo_dochodu")),
    RODZINY("rodziny.csv", true, List.of("rodzina_id", "dzielnica", "filia", "teren")),
    CZLONKOWIE("czlonkowie.csv", true, List.of("rodzina_id", "osoba_id", "rola", "od", "do")),
    DECYZJE("decyzje.csv", true, List.of("decyzja_id", "rodzina_id", "osoba_id", "data_wydania", "rodzaj", "powody")),
    SWIADCZENIA("swiadczenia.csv", true, List.of("swiadczenie_id", "decyzja_id", "osoba_id", "forma", "podtyp",
            "zadanie", "data", "liczba", "kwota", "finansowanie")),
    PRACA_SOCJALNA("praca_socjalna.csv", true, List.of("rodzina_id", "data", "kontrakt")),
    PLAN("plan.csv", false, List.of("rok", "forma", "kwota_planu"));

    private final String fileName;
    private final boolean required;
    private final List<String> columns;

    InterchangeFile(String fileName, boolean required, List<String> columns) {
        this.fileName = fileName;
        this.required = required;
        this.columns = columns;
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
        return "stage_" + name().toLowerCase();
    }
}
