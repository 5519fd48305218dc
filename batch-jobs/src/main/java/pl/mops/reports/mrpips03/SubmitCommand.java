package pl.mops.reports.mrpips03;

import org.springframework.stereotype.Component;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * {@code zloz --period RRRR-P|RRRR-R [--przebieg NR] [--mimo-bledow]}: marks a computed MRPiPS-03 return as sent to the
 * ministry (who, when, which run), so that a later recomputation with changed cells becomes a correction of it.
 */
@Component
public class SubmitCommand implements CliCommand {

    private final Submissions submissions;
    private final Console console;

    public SubmitCommand(Submissions submissions, Console console) {
        this.submissions = submissions;
        this.console = console;
    }

    @Override
    public String name() {
        return "zloz";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        ReturnPeriod period = line.option("period", ReturnPeriod::parse,
                        "okres w postaci RRRR-P (I półrocze) albo RRRR-R (rok), np. 2025-R")
                .orElseThrow(() -> new UserError("Podaj okres złożonego sprawozdania: --period RRRR-P albo RRRR-R", ExitCode.INVALID_INPUT,
                        null));
        Long execution = line.option("przebieg", Long::valueOf, "numer przebiegu z listy ./mops-reports runs")
                .orElse(null);
        Submissions.Outcome outcome = submissions.submit(period, execution, line.flag("mimo-bledow"),
                "użytkownik " + System.getProperty("user.name"));
        submissions.outcomeLines(outcome).forEach(console::line);
        return ExitCode.SUCCESS;
    }
}
