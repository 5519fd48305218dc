package pl.mops.reports.cli;

import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.TextWrap;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import pl.mops.reports.system.Suggestion;

/**
 * Checks a command line against {@link CommandTable} before anything starts: an unknown command, job or action,
 * an option the command does not take (with the nearest one it does and the list of its options), a flag given a
 * value, a value the option cannot use, a word too many. Each is a {@link UserError} with exit code 2. What only
 * the command can know (a month that has not begun, a missing file) it still checks itself.
 */
public final class CommandCheck {

    private CommandCheck() {
    }

    /**
     * @return the declaration of the command the line runs
     * @throws UserError (exit 2) when the line asks for something the command does not take
     */
    public static CommandSpec check(CommandLine line) {
        List<String> words = line.words();
        CommandSpec command = resolve(words);
        for (Map.Entry<String, String> option : line.options().entrySet()) {
            checkOption(command, option.getKey(), option.getValue(), line.givenWithEquals(option.getKey()));
        }
        if (words.size() > command.words()) {
            String word = words.get(command.words());
            List<String> usage = new ArrayList<>(List.of("./mops-reports"));
            usage.addAll(command.usageUnits());
            throw new UserError("Nieoczekiwany argument \"" + word + "\" polecenia " + command.path() + ".\n"
                    + String.join("\n", TextWrap.wrap("Użycie: ", " ".repeat(24 + command.path().length()), usage,
                    TextWrap.WIDTH)), ExitCode.INVALID_INPUT, null);
        }
        return command;
    }

    /**
     * The command the words name: {@code [runs]}, {@code [run, monthly]}, {@code [verify, x.zip]}.
     *
     * @throws UserError (exit 2) for an unknown command, or a group's unknown or missing second word
     */
    public static CommandSpec resolve(List<String> words) {
        String name = words.isEmpty() ? "" : words.get(0);
        if (!CommandTable.commandNames().contains(name)) {
            throw unknownCommand(name);
        }
        Optional<CommandTable.Group> group = CommandTable.group(name);
        if (group.isEmpty()) {
            return CommandTable.command(name).orElseThrow();
        }
        List<String> subNames = CommandTable.subCommands(name).stream().map(c -> c.path().substring(name.length() + 1))
                .toList();
        if (words.size() < 2) {
            throw new UserError(group.get().missing(), ExitCode.INVALID_INPUT, null);
        }
        String sub = words.get(1);
        if (!subNames.contains(sub)) {
            throw new UserError(group.get().unknown() + " \"" + sub + "\"." + didYouMean(sub, subNames, "")
                    + " Dostępne: " + String.join(", ", subNames) + ".", ExitCode.INVALID_INPUT, null);
        }
        return CommandTable.command(name + " " + sub).orElseThrow();
    }

    /** "Nieznane polecenie "frobnicate". Czy chodziło o …? Lista poleceń: ./mops-reports help" */
    public static UserError unknownCommand(String name) {
        List<String> known = new ArrayList<>(CommandTable.commandNames());
        known.add("help");
        return new UserError("Nieznane polecenie \"" + name + "\"." + didYouMean(name, known, "")
                + " Lista poleceń: ./mops-reports help", ExitCode.INVALID_INPUT, null);
    }

    private static void checkOption(CommandSpec command, String name, String value, boolean givenWithEquals) {
        Optional<OptionSpec> declared = command.option(name)
                .or(() -> CommandTable.GLOBAL.stream().filter(o -> o.name().equals(name)).findFirst());
        if (declared.isEmpty()) {
            throw unknownOption(command, name);
        }
        OptionSpec option = declared.get();
        if (option.isFlag()) {
            if (givenWithEquals) {
                throw new UserError("Opcja --" + name + " nie przyjmuje wartości (podano \"" + value + "\"): "
                        + "wystarczy samo --" + name + ".", ExitCode.INVALID_INPUT, null);
            }
            return;
        }
        if (value.isBlank()) {
            throw new UserError("Opcja --" + name + " wymaga wartości (" + option.valueName() + ").", ExitCode.INVALID_INPUT, null);
        }
        option.check().check(name, value);
    }

    private static UserError unknownOption(CommandSpec command, String name) {
        List<String> candidates = new ArrayList<>();
        command.options().forEach(o -> candidates.add(o.name()));
        CommandTable.GLOBAL.forEach(o -> candidates.add(o.name()));
        List<String> elsewhere = CommandTable.COMMANDS.stream().filter(c -> c.option(name).isPresent())
                .map(CommandSpec::path).toList();
        StringBuilder message = new StringBuilder("Polecenie \"" + command.path() + "\" nie ma opcji --" + name);
        if (!elsewhere.isEmpty()) {
            message.append(" (mają ją: ").append(String.join(", ", elsewhere)).append(')');
        }
        message.append('.').append(didYouMean(name, candidates, "--")).append('\n');
        HelpText.optionLines(command).forEach(line -> message.append(line).append('\n'));
        return new UserError(message.toString().stripTrailing(), ExitCode.INVALID_INPUT, null);
    }

    /** " Czy chodziło o --profil?" or nothing */
    private static String didYouMean(String typed, List<String> candidates, String dashes) {
        return Suggestion.nearest(typed, candidates).map(s -> " Czy chodziło o " + dashes + s + "?").orElse("");
    }
}
