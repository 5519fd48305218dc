package pl.mops.reports.audit;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

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
    public ExitCode execute(CommandLine line) {
        return verify(line, console::line);
    }

    /**
     * The command without Spring, a database or a home folder — how {@code Launcher} runs it, because an auditor
     * checks a package on a machine that has none of them.
     */
    public static ExitCode verify(CommandLine line, Consumer<String> out) {
        String file = line.argument(0).orElseThrow(() -> new UserError(
                "Podaj plik paczki do sprawdzenia: verify PACZKA.zip", ExitCode.INVALID_INPUT, null));
        PackageVerifier.Outcome outcome = PackageVerifier.verify(Path.of(file));
        outcome.lines().forEach(out);
        return ExitCode.of(outcome.exitCode());
    }
}
