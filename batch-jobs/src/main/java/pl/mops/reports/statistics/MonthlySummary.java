package pl.mops.reports.statistics;

import org.springframework.stereotype.Component;

import pl.mops.reports.system.Console;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.importing.Coverage;
import pl.mops.reports.importing.PeriodCoverage;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.rendering.PolishFormats;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.rendering.model.ValueType;

/** Prints the outcome of a monthly run: the city figures of the month and the paths of the files. */
@Component
public class MonthlySummary {

    private final MonthlyFiguresRepository figures;
    private final Console console;
    private final SnapshotRepository snapshots;

    public MonthlySummary(MonthlyFiguresRepository figures, Console console, SnapshotRepository snapshots) {
        this.figures = figures;
        this.console = console;
        this.snapshots = snapshots;
    }

    public void print(MonthlyStatisticsService.Result result) {
        MonthlyJobParameters p = result.parameters();
        if (result.reused()) {
            console.line("Statystyka za " + p.month() + " dla migawki " + p.snapshotId() + " była już policzona (wersja "
                    + p.version() + "); nic nie liczono ponownie. Nową wersję tworzy opcja --rerun.");
        } else {
            console.line("Statystyka za " + p.month() + " policzona (migawka " + p.snapshotId() + ", wersja " + p.version()
                    + ", czas " + PolishTimes.duration(result.duration()) + ").");
        }
        Coverage coverage = snapshots.find(p.snapshotId()).orElseThrow().coverage();
        PeriodCoverage month = coverage.of(p.month());
        if (!month.complete()) {
            console.line("UWAGA: dane niepełne \u2014 " + coverage.describe() + "; miesiąc " + p.month() + ": "
                    + month.held() + ". Dokumenty są tak oznaczone.");
        }
        MonthlyFigures f = figures.load(result.jobInstanceId());
        for (String[] period : new String[][] {{"M", PolishCalendar.monthName(p.month())}, {"YTD", PolishCalendar.yearToDate(p.month())}}) {
            Measures m = f.city(period[0]);
            console.line("  %-22s rodziny: %s, osoby w rodzinach: %s, świadczeniobiorcy: %s, kwota: %s zł", period[1] + ":",
                    count(m.families()), count(m.personsInFamilies()), count(m.recipients()),
                    PolishFormats.format(m.amount(), ValueType.AMOUNT));
        }
        if (result.copiedTo() != null) {
            console.line("Pliki gotowego przebiegu skopiowano do folderu " + result.copiedTo() + ".");
        }
        console.line("Pliki:");
        for (WrittenFile file : result.files()) {
            console.line("  " + file.path());
        }
    }

    private static String count(Long value) {
        return PolishFormats.format(java.math.BigDecimal.valueOf(value == null ? 0 : value), ValueType.COUNT);
    }
}
