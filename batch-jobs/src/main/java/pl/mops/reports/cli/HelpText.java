package pl.mops.reports.cli;

import pl.mops.reports.system.TextWrap;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The help printed by {@code ./mops-reports help} (or {@code help POLECENIE}, or {@code --help} after a command),
 * written from {@link CommandTable}, so that it names exactly the options the launcher accepts. Every line fits in
 * {@link TextWrap#WIDTH} columns.
 */
final class HelpText {

    private static final String HEADER = """
            MOPS — statystyka i sprawozdawczość pomocy społecznej

            Użycie: ./mops-reports POLECENIE [opcje]     (pomoc jednego polecenia: ./mops-reports help POLECENIE)
            """;

    private static final String FOOTER = "--profil publikacja (monthly, ozps): tabele do BIP i dla rady miasta, liczby "
            + "1–2 jako „<3”, „x” = ukryte, by nie dało się ich odtworzyć z sum; pliki z przyrostkiem -publikacja.\n"
            + "Każde polecenie przyjmuje też " + globalOptions() + ". Opcji, której polecenie nie ma, zła wartość opcji "
            + "albo zbędne słowo: program nic nie robi, wypisuje opcje polecenia i kończy się kodem 2.\n"
            + "Statusy uruchomień są po polsku (zakończone, nieudane, zatrzymane, w toku), czasy w strefie mops.time-zone "
            + "(config/application.yml).\n"
            + "Folder domowy: zmienna MOPS_HOME (domyślnie ./mops-home): wbudowana baza, wyniki (out/), dziennik (logs/).\n"
            + "Wbudowana baza ma jednego właściciela naraz (blokada MOPS_HOME/pgdata.lock): w tym czasie runs, status "
            + "i snapshots czytają przez jego serwer, inne polecenia kończą się kodem 5 z informacją, kto ją ma.\n"
            + "Zewnętrzna baza: SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD (albo "
            + "--spring.datasource.url=… itd.); wtedy wbudowana baza nie jest uruchamiana.";

    private HelpText() {
    }

    /** the whole help: every command that has a summary */
    static String full() {
        List<String> lines = new ArrayList<>(HEADER.lines().toList());
        lines.add("");
        for (CommandSpec command : CommandTable.COMMANDS) {
            if (command.summary() != null) {
                lines.addAll(section(command));
            }
        }
        lines.add("");
        FOOTER.lines().forEach(paragraph -> lines.addAll(TextWrap.wrap("", "", paragraph, TextWrap.WIDTH)));
        return String.join("\n", lines);
    }

    /** the help of what the words name: {@code [run]} (its sub-commands), {@code [run, monthly]}, {@code [runs]} */
    static String of(List<String> words) {
        if (words.size() == 1 && CommandTable.group(words.get(0)).isPresent()) {
            return CommandTable.subCommands(words.get(0)).stream().flatMap(c -> section(c).stream())
                    .collect(Collectors.joining("\n"));
        }
        CommandSpec command = CommandCheck.resolve(words);
        List<String> lines = new ArrayList<>(section(command));
        lines.addAll(TextWrap.wrap("", "", "Każde polecenie przyjmuje też " + globalOptions() + ".", TextWrap.WIDTH));
        return String.join("\n", lines);
    }

    /** the usage line (wrapped under the command's name), the summary and one line per option */
    static List<String> section(CommandSpec command) {
        List<String> lines = new ArrayList<>(TextWrap.wrap("  ", " ".repeat(3 + command.path().length()),
                command.usageUnits(), TextWrap.WIDTH));
        if (command.summary() != null) {
            lines.addAll(TextWrap.wrap("      ", "      ", command.summary(), TextWrap.WIDTH));
        }
        lines.addAll(options(command, "        "));
        return lines;
    }

    /** for a refusal: "Opcje polecenia run monthly:" and one line per option */
    static List<String> optionLines(CommandSpec command) {
        if (command.options().isEmpty()) {
            return TextWrap.wrap("", "", "Polecenie " + command.path() + " nie ma własnych opcji; każde polecenie "
                    + "przyjmuje " + globalOptions() + ".", TextWrap.WIDTH);
        }
        List<String> lines = new ArrayList<>();
        lines.add("Opcje polecenia " + command.path() + ":");
        lines.addAll(options(command, "  "));
        lines.addAll(TextWrap.wrap("", "", "Każde polecenie przyjmuje też " + globalOptions() + ".", TextWrap.WIDTH));
        return lines;
    }

    private static List<String> options(CommandSpec command, String indent) {
        int column = command.options().stream().mapToInt(o -> o.syntax().length()).max().orElse(0) + 2;
        List<String> lines = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            String head = indent + option.syntax() + " ".repeat(column - option.syntax().length());
            lines.addAll(TextWrap.wrap(head, " ".repeat(head.length()), option.description()
                    + (option.required() ? " — wymagana" : ""), TextWrap.WIDTH));
        }
        return lines;
    }

    private static String globalOptions() {
        return CommandTable.GLOBAL.stream().map(o -> o.syntax() + " (" + o.description() + ")")
                .collect(Collectors.joining(", ")) + " oraz --spring.…=… i --logging.…=… (dla Spring Boot)";
    }
}
