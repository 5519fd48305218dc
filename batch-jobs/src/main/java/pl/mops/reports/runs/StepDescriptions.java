package pl.mops.reports.runs;

import java.util.Map;

/** The Polish names of the jobs' steps, as the console, the run log and the web console show them. */
public final class StepDescriptions {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "monthlyAggregation", "agregacja w bazie (GROUPING SETS)",
            "monthlyRendering", "tworzenie plików XLSX, PDF i CSV",
            "mrpips03Cells", "MRPiPS-03: komórki sprawozdania w bazie",
            "mrpips03Checks", "MRPiPS-03: reguły kontrolne",
            "mrpips03Files", "MRPiPS-03: pliki XML, XLSX i PDF",
            "ozpsResources", "sprawdzanie pliku zasobów",
            "ozpsAggregation", "agregacja danych o świadczeniach w bazie (trzy lata)",
            "ozpsRendering", "tworzenie plików XLSX, PDF i wniosków",
            "snapshotLoad", "wczytanie plików jako nowej migawki (jedna transakcja)",
            "snapshotExtraction", "odczyt bazy źródłowej i wczytanie jako nowej migawki (jedna transakcja)");

    private StepDescriptions() {
    }

    /** e.g. "agregacja w bazie (GROUPING SETS)" for monthlyAggregation; the step's name when it has no description */
    public static String describe(String stepName) {
        return DESCRIPTIONS.getOrDefault(stepName, stepName);
    }
}
