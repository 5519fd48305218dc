package pl.mops.reports.mrpips03;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.rendering.WrittenFile;

/**
 * {@code porownaj --period RRRR-P|RRRR-R --plik PLIK [--przebieg NR]}: reconciles a computed MRPiPS-03 return with the
 * same return as the unit's case system produced it ({@link Reconciliation}).
 */
@Component
public class ReconcileCommand implements CliCommand {

    private final Reconciliation reconciliation;
    private final Console console;

    public ReconcileCommand(Reconciliation reconciliation, Console console) {
        this.reconciliation = reconciliation;
        this.console = console;
    }

    @Override
    public String name() {
        return "porownaj";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        ReturnPeriod period = line.option("period", ReturnPeriod::parse,
                        "okres w postaci RRRR-P (I półrocze) albo RRRR-R (rok), np. 2025-R")
                .orElseThrow(() -> new UserError("Podaj okres: --period RRRR-P albo RRRR-R", ExitCode.INVALID_INPUT, null));
        Path file = line.option("plik").map(Path::of).orElseThrow(() -> new UserError(
                "Podaj plik sprawozdania z systemu dziedzinowego: --plik PLIK (dzial;wiersz;kolumna;wartosc)", ExitCode.INVALID_INPUT, null));
        Long execution = line.option("przebieg", Long::valueOf, "numer przebiegu z listy ./mops-reports runs").orElse(null);
        print(reconciliation.compare(period, execution, file), console);
        return ExitCode.SUCCESS;
    }

    public static void print(Reconciliation.Outcome outcome, Console console) {
        Reconciliation.summary(outcome).forEach(console::line);
        console.line("Pliki (paczka dla audytorów zawiera teraz też porównanie i porównany plik):");
        for (WrittenFile file : outcome.files()) {
            console.line("  " + file.path());
        }
    }
}
