package pl.mops.reports.cli;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

import java.nio.file.Path;
import java.time.YearMonth;

import org.springframework.stereotype.Component;

import pl.mops.reports.assessment.OzpsAssessmentService;
import pl.mops.reports.assessment.OzpsSummary;
import pl.mops.reports.mrpips03.Mrpips03Service;
import pl.mops.reports.mrpips03.ReconcileCommand;
import pl.mops.reports.mrpips03.Reconciliation;
import pl.mops.reports.mrpips03.Mrpips03Summary;
import pl.mops.reports.mrpips03.ReturnPeriod;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.runs.RunOptions;
import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.statistics.MonthlySummary;

/**
 * {@code run monthly --month YYYY-MM [--snapshot ID] [--out DIR] [--rerun] [--profil pelny|publikacja]},
 * {@code run mrpips03 --period YYYY-P|YYYY-R [--snapshot ID] [--layout VERSION] [--out DIR] [--rerun]} and
 * {@code run ozps --year YYYY [--resources FILE] [--snapshot ID] [--out DIR] [--rerun] [--profil pelny|publikacja]},
 * each also with {@code --restart} (only resume an interrupted run) and {@code --czekaj} (wait for another process
 * running the same job and period instead of exit code 5)
 */
@Component
public class RunCommand implements CliCommand {

    private final MonthlyStatisticsService monthly;
    private final MonthlySummary summary;
    private final Mrpips03Service mrpips03;
    private final Mrpips03Summary mrpips03Summary;
    private final OzpsAssessmentService ozps;
    private final OzpsSummary ozpsSummary;
    private final Reconciliation reconciliation;
    private final Console console;

    public RunCommand(MonthlyStatisticsService monthly, MonthlySummary summary, Mrpips03Service mrpips03,
                      Mrpips03Summary mrpips03Summary, OzpsAssessmentService ozps, OzpsSummary ozpsSummary,
                      Reconciliation reconciliation, Console console) {
        this.reconciliation = reconciliation;
        this.console = console;
        this.monthly = monthly;
        this.summary = summary;
        this.mrpips03 = mrpips03;
        this.mrpips03Summary = mrpips03Summary;
        this.ozps = ozps;
        this.ozpsSummary = ozpsSummary;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        String job = line.argument(0).orElseThrow(() -> new UserError(
                "Podaj zadanie, np.: ./mops-reports run monthly --month 2025-10, ./mops-reports run mrpips03 "
                        + "--period 2025-P albo ./mops-reports run ozps --year 2025", ExitCode.INVALID_INPUT, null));
        Long snapshot = line.option("snapshot", Long::valueOf, "numer migawki").orElse(null);
        Path out = line.option("out").map(Path::of).orElse(null);
        String launchedBy = "użytkownik " + System.getProperty("user.name");
        RunOptions options = new RunOptions(line.flag("rerun"), line.flag("restart"), line.flag("czekaj"),
                line.flag("niepelny-okres"));
        switch (job) {
            case "monthly" -> {
                YearMonth month = line.option("month", YearMonth::parse, "miesiąc w postaci RRRR-MM, np. 2025-10")
                        .orElseThrow(() -> new UserError("Podaj miesiąc: --month RRRR-MM", ExitCode.INVALID_INPUT, null));
                summary.print(monthly.run(month, snapshot, out, options, launchedBy, profile(line)));
            }
            case "mrpips03" -> {
                ReturnPeriod period = line.option("period", ReturnPeriod::parse,
                                "okres w postaci RRRR-P (I półrocze) albo RRRR-R (rok), np. 2025-P")
                        .orElseThrow(() -> new UserError("Podaj okres: --period RRRR-P (I półrocze) albo RRRR-R (rok)",
                                ExitCode.INVALID_INPUT, null));
                String layout = line.option("layout").orElse(null);
                Path compareWith = line.option("porownaj").map(Path::of).orElse(null);
                if (compareWith != null && !java.nio.file.Files.isRegularFile(compareWith)) {
                    throw new UserError("Nie ma pliku " + compareWith + " (--porownaj: sprawozdanie z systemu "
                            + "dziedzinowego). Nic nie zostało policzone.", ExitCode.INVALID_INPUT, null);
                }
                Mrpips03Service.Result result = mrpips03.run(period, snapshot, layout, out, options, launchedBy);
                mrpips03Summary.print(result);
                if (compareWith != null) {
                    ReconcileCommand.print(reconciliation.compare(result.stored(), compareWith), console);
                }
            }
            case "ozps" -> {
                int year = line.option("year", Integer::valueOf, "rok w postaci RRRR, np. 2025")
                        .orElseThrow(() -> new UserError("Podaj rok oceny: --year RRRR", ExitCode.INVALID_INPUT, null));
                Path resources = line.option("resources").map(Path::of).orElse(null);
                ozpsSummary.print(ozps.run(year, snapshot, resources, out, options, launchedBy, profile(line)));
            }
            default -> throw new UserError("Nieznane zadanie \"" + job + "\". Dostępne: monthly, mrpips03, ozps.", ExitCode.INVALID_INPUT, null);
        }
        return ExitCode.SUCCESS;
    }

    private static PublicationProfile profile(CommandLine line) {
        return PublicationProfile.fromOption(line.option("profil").orElse(null));
    }
}
