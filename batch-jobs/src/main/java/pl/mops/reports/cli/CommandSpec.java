package pl.mops.reports.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one command or sub-command accepts ({@code snapshots}, {@code run monthly}, {@code ozps template}): plain
 * data in {@link CommandTable}.
 *
 * @param path      the words that select it, e.g. {@code run monthly}
 * @param argument  the one word it takes after the path, as help writes it (e.g. {@code PACZKA.zip} of
 *                  {@code verify}), or {@code null} when it takes none
 * @param summary   what it does, in Polish, for {@code help}; {@code null} keeps it out of the help (a command being
 *                  added, a developers' tool) while its options are still checked
 * @param options   its options, in the order help lists them (the global ones, {@link CommandTable#GLOBAL}, apart)
 */
public record CommandSpec(String path, String argument, String summary, List<OptionSpec> options) {

    public CommandSpec {
        options = List.copyOf(options);
    }

    public Optional<OptionSpec> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** how many words the command line has before its options: the path and the argument */
    public int words() {
        return path.split(" ").length + (argument == null ? 0 : 1);
    }

    /** the usage line in pieces that must not be broken: {@code run monthly}, {@code --month RRRR-MM}, {@code [--rerun]}… */
    public List<String> usageUnits() {
        List<String> units = new ArrayList<>();
        units.add(path);
        if (argument != null) {
            units.add(argument);
        }
        options.forEach(o -> units.add(o.usage()));
        return units;
    }

    public String usage() {
        return String.join(" ", usageUnits());
    }
}
