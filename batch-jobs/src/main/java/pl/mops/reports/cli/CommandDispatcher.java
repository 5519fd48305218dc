package pl.mops.reports.cli;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Finds the command named on the command line and runs it. */
@Component
public class CommandDispatcher {

    private final Map<String, CliCommand> commands;

    public CommandDispatcher(List<CliCommand> commands) {
        this.commands = commands.stream().collect(Collectors.toMap(CliCommand::name, Function.identity()));
    }

    public int dispatch(CommandLine line) {
        CliCommand command = commands.get(line.command());
        if (command == null && CommandTable.commandNames().contains(line.command())) {
            // declared in the table (its options are accepted), but this build has no class for it
            throw new UserError("Polecenie \"" + line.command() + "\" nie jest dostępne w tej wersji programu.", ExitCode.INVALID_INPUT, null);
        }
        if (command == null) {
            throw CommandCheck.unknownCommand(line.command());
        }
        return command.execute(line).code();
    }
}
