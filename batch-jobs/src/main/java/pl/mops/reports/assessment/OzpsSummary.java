package pl.mops.reports.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import pl.mops.reports.assessment.OzpsFigures.Measure;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.importing.Coverage;
import pl.mops.reports.importing.PeriodCoverage;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.rendering.PolishFormats;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.rendering.model.ValueType;

/** Prints the outcome of an assessment run: the main figures of the three years and the paths of the files. */
@Component
public class OzpsSummary {

    private final OzpsRepository repository;
    private final Console console;
    private final SnapshotRepository snapshots;

    public OzpsSummary(OzpsRepository repository, Console console, SnapshotRepository snapshots) {
        this.repository = repository;
        this.console = console;
        this.snapshots = snapshots;
    }

    public void print(OzpsAssessmentService.Result result) {
        OzpsJobParameters p = result.parameters();
        if (result.reused()) {
            console.line("Ocena zasobów za " + p.year() + " dla migawki " + p.snapshotId() + " i tego samego pliku zasobów "
                    + "była już policzona (wersja " + p.version() + "); nic nie liczono ponownie. Nową wersję tworzy "
                    + "opcja --rerun.");
        } else {
            console.line("Ocena zasobów za " + p.year() + " policzona (migawka " + p.snapshotId() + ", wersja " + p.version()
                    + ", czas " + PolishTimes.duration(result.duration()) + ").");
        }
        OzpsFigures figures = repository.loadFigures(result.jobInstanceId());
        Coverage coverage = snapshots.find(p.snapshotId()).orElseThrow().coverage();
        for (int y = p.year() - 2; y <= p.year(); y++) {
            PeriodCoverage held = coverage.of(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
            if (!figures.hasData(y) || held.none()) {
                console.line("  %d: brak danych o świadczeniach", y);
                continue;
            }
            console.line("  %d%s: rodziny objęte pomocą: %s, świadczeniobiorcy: %s, kwota świadczeń: %s zł", y,
                    held.partial() ? " (" + held.mark() + ")" : "",
                    count(figures.value(OzpsData.T10_3, "OBJETE_POMOCA", y, Measure.FAMILIES)),
                    count(figures.value(OzpsData.T10_3, "SWIADCZENIA", y, Measure.RECIPIENTS)),
                    PolishFormats.format(figures.value(OzpsData.T10_3, "SWIADCZENIA", y, Measure.AMOUNT), ValueType.AMOUNT));
        }
        if (result.copiedTo() != null) {
            console.line("Pliki gotowego przebiegu skopiowano do folderu " + result.copiedTo() + ".");
        }
        console.line("Pliki:");
        for (WrittenFile file : result.files()) {
            console.line("  " + file.path());
        }
    }

    private static String count(BigDecimal value) {
        return PolishFormats.format(value, ValueType.COUNT);
    }
}
