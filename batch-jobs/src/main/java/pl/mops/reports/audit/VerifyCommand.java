package pl.mops.reports.audit;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import pl.mops.reports.cli.CliCommand;
import pl.mops.reports.cli.CommandLine;
import pl.mops.reports.cli.Console;
import pl.mops.reports.cli.UserError;

/** {@code verify PACZKA.zip}: checks an auditors' package against its manifest ({@link PackageVerifier}). */
@Component
public class VerifyCommand implements CliCommand {

    private final Console console;

    public VerifyCommand(Console console) {
        this.console = console;
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String usage() {
        return "verify PACZKA.zip";
    }

    @Override
    public int execute(CommandLine line) {
        String file = line.argument(0).orElseThrow(() -> new UserError(
                "Podaj plik paczki do sprawdzenia: verify PACZKA.zip", 2, null));
        PackageVerifier.Outcome outcome = PackageVerifier.verify(Path.of(file));
        outcome.lines().forEach(console::line);
        return outcome.exitCode();
    }
}
