package pl.mops.reports.cli;

import java.nio.file.Path;
import java.time.YearMonth;

import org.springframework.stereotype.Component;

import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.statistics.MonthlySummary;

/** {@code run monthly --month YYYY-MM [--snapshot ID] [--out DIR] [--rerun]} */
@Component
public class RunCommand implements CliCommand {

    private final MonthlyStatisticsService monthly;
    private final MonthlySummary summary;
    private final Console console;

    public RunCommand(MonthlyStatisticsService monthly, MonthlySummary summary, Console console) {
        this.monthly = monthly;
        this.summary = summary;
        this.console = console;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return "run monthly --month RRRR-MM [--snapshot ID] [--out KATALOG] [--rerun]";
    }

    @Override
    public int execute(CommandLine line) {
        String job = line.argument(0).orElseThrow(() -> new UserError(
                "Podaj zadanie, np.: ./mops-reports run monthly --month 2025-10", 2, null));
        if (!job.equals("monthly")) {
            throw new UserError("Nieznane zadanie \"" + job + "\". Dostępne: monthly.", 2, null);
        }
        YearMonth month = line.option("month", YearMonth::parse, "miesiąc w postaci RRRR-MM, np. 2025-10")
                .orElseThrow(() -> new UserError("Podaj miesiąc: --month RRRR-MM", 2, null));
        Long snapshot = line.option("snapshot", Long::valueOf, "numer migawki").orElse(null);
        Path out = line.option("out").map(Path::of).orElse(null);
        MonthlyStatisticsService.Result result = monthly.run(month, snapshot, out, line.flag("rerun"),
                "użytkownik " + System.getProperty("user.name"));
        summary.print(result);
        return 0;
    }
}
