package pl.mops.reports.runs;

import pl.mops.reports.cli.Console;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Prints a progress line when a step of a job starts and when it ends. */
@Component
public class StepProgressListener implements StepExecutionListener {

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

    private final Console console;

    public StepProgressListener(Console console) {
        this.console = console;
    }

    /** the Polish description of a step, e.g. "agregacja w bazie (GROUPING SETS)" for monthlyAggregation */
    public static String describe(String stepName) {
        return DESCRIPTIONS.getOrDefault(stepName, stepName);
    }

    @Override
    public void beforeStep(StepExecution step) {
        console.progress(describe(step.getStepName()) + "…");
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LocalDateTime start = step.getStartTime();
        double seconds = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis() / 1000.0;
        console.progress(describe(step.getStepName()) + ": "
                + (step.getStatus().isUnsuccessful() ? "BŁĄD" : step.getStatus() == BatchStatus.STOPPED ? "zatrzymane" : "gotowe") + String.format(" (%.1f s)", seconds).replace('.', ','));
        return step.getExitStatus();
    }
}
