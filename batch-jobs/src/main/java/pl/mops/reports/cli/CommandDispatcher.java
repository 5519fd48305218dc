package pl.mops.reports.cli;

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
        if (command == null) {
            throw new UserError("Nieznane polecenie \"" + line.command() + "\". Lista poleceń: ./mops-reports help", 2, null);
        }
        return command.execute(line);
    }
}
