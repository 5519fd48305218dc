package pl.mops.reports.cli;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Suggestion;
import pl.mops.reports.system.UserError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.objenesis.ObjenesisStd;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The command line checked against {@link CommandTable} before anything starts: what is refused (exit code 2, a
 * Polish message naming the nearest option and listing the command's options) and what is accepted.
 */
class CommandCheckTest {

    private static CommandLine parse(String... args) {
        return CommandLine.parse(args, CommandTable.flags());
    }

    private static void check(String... args) {
        CommandCheck.check(parse(args));
    }

    /** the message of the refusal, which must have exit code 2 */
    private static String refusal(String... args) {
        try {
            check(args);
        } catch (UserError e) {
            assertThat(e.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            return e.getMessage();
        }
        throw new AssertionError("not refused: " + String.join(" ", args));
    }

    @Test
    void anUnknownOptionIsRefusedWithTheNearestOneAndTheCommandsOptions() {
        String message = refusal("run", "monthly", "--month", "2025-10", "--profile", "publikacja");
        assertThat(message).isEqualTo("""
                Polecenie "run monthly" nie ma opcji --profile. Czy chodziło o --profil?
                Opcje polecenia run monthly:
                  --month RRRR-MM            miesiąc — wymagana
                  --snapshot NR              numer migawki (domyślnie najnowsza)
                  --out KATALOG              folder wyników (domyślnie w MOPS_HOME/out)
                  --rerun                    policz od nowa jako nową wersję (-v2, -v3…)
                  --profil pelny|publikacja  tabele pełne (domyślnie) albo do publikacji (BIP): małe liczby ukryte
                  --restart                  tylko wznów przerwane lub nieudane uruchomienie od nieukończonego kroku
                  --czekaj                   gdy to samo liczy inny proces, poczekaj na niego (bez tej opcji: kod wyjścia 5)
                  --niepelny-okres           świadomie policz okres, którego migawka nie obejmuje w całości (dokumenty to mówią)
                Każde polecenie przyjmuje też --home KATALOG (folder domowy zamiast zmiennej MOPS_HOME), --help (pomoc polecenia) oraz
                --spring.…=… i --logging.…=… (dla Spring Boot).""");
    }

    @Test
    void suggestionsOnlyForNearNames() {
        assertThat(refusal("generate", "--famlies", "10")).startsWith(
                "Polecenie \"generate\" nie ma opcji --famlies. Czy chodziło o --families?\n");
        assertThat(refusal("run", "ozps", "--year", "2025", "--Year", "2025")).startsWith(
                "Polecenie \"run ozps\" nie ma opcji --Year. Czy chodziło o --year?\n");
        assertThat(refusal("runs", "--hme", "x")).startsWith("Polecenie \"runs\" nie ma opcji --hme. Czy chodziło o --home?\n");
        assertThat(refusal("runs", "--limit", "5")).startsWith("Polecenie \"runs\" nie ma opcji --limit.\n");
        assertThat(refusal("runs", "--do", "2025-01-01")).startsWith("Polecenie \"runs\" nie ma opcji --do.\n");

        assertThat(Suggestion.nearest("profile", List.of("month", "profil"))).contains("profil");
        assertThat(Suggestion.nearest("od", List.of("out"))).isEmpty();
        assertThat(Suggestion.nearest("zadani", List.of("od", "zadanie", "ostatnie"))).contains("zadanie");
        assertThat(Suggestion.nearest("xyz", List.of())).isEmpty();
        assertThat(Suggestion.nearest("ab", List.of("ac", "ad"))).as("the first on a tie").contains("ac");
        assertThat(Suggestion.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void anOptionOfAnotherCommandSaysWhichHaveIt() {
        assertThat(refusal("run", "mrpips03", "--period", "2025-P", "--profil", "publikacja")).startsWith(
                "Polecenie \"run mrpips03\" nie ma opcji --profil (mają ją: run monthly, run ozps).\n"
                        + "Opcje polecenia run mrpips03:\n  --period RRRR-P|RRRR-R");
        assertThat(refusal("status", "--zadanie", "monthly")).isEqualTo("""
                Polecenie "status" nie ma opcji --zadanie (mają ją: runs).
                Polecenie status nie ma własnych opcji; każde polecenie przyjmuje --home KATALOG (folder domowy zamiast zmiennej
                MOPS_HOME), --help (pomoc polecenia) oraz --spring.…=… i --logging.…=… (dla Spring Boot).""");
    }

    @Test
    void valuesTheOptionCannotUseAreRefusedSayingWhatIsExpected() {
        Map<List<String>, String> cases = new HashMap<>();
        cases.put(List.of("run", "monthly", "--month", "2025-13"),
                "Nieprawidłowa wartość opcji --month: \"2025-13\" (oczekiwano: miesiąc w postaci RRRR-MM, np. 2025-10).");
        cases.put(List.of("run", "mrpips03", "--period", "2025-X"), "Nieprawidłowa wartość opcji --period: \"2025-X\" "
                + "(oczekiwano: okres w postaci RRRR-P (I półrocze) albo RRRR-R (rok), np. 2025-P).");
        cases.put(List.of("zloz", "--period", "2025"), "Nieprawidłowa wartość opcji --period: \"2025\" "
                + "(oczekiwano: okres w postaci RRRR-P (I półrocze) albo RRRR-R (rok), np. 2025-P).");
        cases.put(List.of("zloz", "--period", "2025-P", "--przebieg", "pierwszy"),
                "Nieprawidłowa wartość opcji --przebieg: \"pierwszy\" (oczekiwano: liczba całkowita dodatnia).");
        cases.put(List.of("run", "ozps", "--year", "25"),
                "Nieprawidłowa wartość opcji --year: \"25\" (oczekiwano: rok w postaci RRRR, np. 2025).");
        cases.put(List.of("ozps", "template", "--year", "dwa tysiące"),
                "Nieprawidłowa wartość opcji --year: \"dwa tysiące\" (oczekiwano: rok w postaci RRRR, np. 2025).");
        cases.put(List.of("runs", "--od", "2025-02-30"),
                "Nieprawidłowa wartość opcji --od: \"2025-02-30\" (oczekiwano: data w postaci RRRR-MM-DD, np. 2025-03-31).");
        cases.put(List.of("import", "--dir", "x", "--stan-na", "31.03.2025"), "Nieprawidłowa wartość opcji --stan-na: "
                + "\"31.03.2025\" (oczekiwano: data w postaci RRRR-MM-DD, np. 2025-03-31).");
        cases.put(List.of("extract", "--source-url", "x", "--stan-na", "2025-3-31"), "Nieprawidłowa wartość opcji "
                + "--stan-na: \"2025-3-31\" (oczekiwano: data w postaci RRRR-MM-DD, np. 2025-03-31).");
        cases.put(List.of("runs", "--ostatnie", "0"),
                "Nieprawidłowa wartość opcji --ostatnie: \"0\" (oczekiwano: liczba całkowita dodatnia).");
        cases.put(List.of("runs", "--ostatnie", "-3"),
                "Nieprawidłowa wartość opcji --ostatnie: \"-3\" (oczekiwano: liczba całkowita dodatnia).");
        cases.put(List.of("runs", "--zadanie", "weekly"),
                "Nieprawidłowa wartość opcji --zadanie: \"weekly\" (oczekiwano: monthly, mrpips03, ozps, import albo extract).");
        cases.put(List.of("serve", "--port", "65536"),
                "Nieprawidłowa wartość opcji --port: \"65536\" (oczekiwano: numer portu od 1 do 65535, np. 8086).");
        cases.put(List.of("serve", "--port", "0"),
                "Nieprawidłowa wartość opcji --port: \"0\" (oczekiwano: numer portu od 1 do 65535, np. 8086).");
        cases.put(List.of("run", "monthly", "--month", "2025-10", "--snapshot", "0"), "Nieprawidłowa wartość opcji "
                + "--snapshot: \"0\" (oczekiwano: numer migawki, liczba całkowita dodatnia (lista: ./mops-reports snapshots)).");
        cases.put(List.of("run", "monthly", "--month", "2025-10", "--profil", "bip"),
                "Nieznany profil \"bip\". Dostępne: pelny (domyślny), publikacja.");
        cases.put(List.of("generate", "--families", "0"),
                "Nieprawidłowa wartość opcji --families: \"0\" (oczekiwano: liczba rodzin od 1 do 1 000 000).");
        cases.put(List.of("run", "monthly", "--month"), "Opcja --month wymaga wartości (RRRR-MM).");
        cases.put(List.of("run", "monthly", "--month=", "--rerun"), "Opcja --month wymaga wartości (RRRR-MM).");
        cases.forEach((args, message) -> assertThat(refusal(args.toArray(String[]::new))).isEqualTo(message));
    }

    @Test
    void aFlagGivenAValueIsRefused() {
        assertThat(refusal("run", "monthly", "--month", "2025-10", "--rerun=tak"))
                .isEqualTo("Opcja --rerun nie przyjmuje wartości (podano \"tak\"): wystarczy samo --rerun.");
        assertThat(refusal("generate", "--load=true"))
                .isEqualTo("Opcja --load nie przyjmuje wartości (podano \"true\"): wystarczy samo --load.");
        // the word after a flag is not its value: it is a word too many
        assertThat(refusal("run", "monthly", "--month", "2025-10", "--rerun", "tak"))
                .startsWith("Nieoczekiwany argument \"tak\" polecenia run monthly.\n");
    }

    @Test
    void anOptionGivenTwiceWithDifferentValuesIsRefused() {
        assertThatThrownBy(() -> parse("run", "monthly", "--month", "2025-10", "--month=2025-11"))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).isEqualTo(
                            "Opcja --month podana dwa razy z różnymi wartościami: \"2025-10\" i \"2025-11\". Podaj ją raz.");
                });
        assertThatCode(() -> check("run", "monthly", "--month", "2025-10", "--month", "2025-10", "--rerun", "--rerun"))
                .as("the same value twice is harmless").doesNotThrowAnyException();
    }

    @Test
    void strayWordsAreRefusedWithTheUsage() {
        assertThat(refusal("run", "monthly", "--month", "2025-10", "foo")).isEqualTo("""
                Nieoczekiwany argument "foo" polecenia run monthly.
                Użycie: ./mops-reports run monthly --month RRRR-MM [--snapshot NR] [--out KATALOG] [--rerun] [--profil pelny|publikacja]
                                                   [--restart] [--czekaj] [--niepelny-okres]""");
        assertThat(refusal("snapshots", "wszystkie")).isEqualTo("""
                Nieoczekiwany argument "wszystkie" polecenia snapshots.
                Użycie: ./mops-reports snapshots""");
        assertThat(refusal("verify", "a.zip", "b.zip")).startsWith("Nieoczekiwany argument \"b.zip\" polecenia verify.\n"
                + "Użycie: ./mops-reports verify PACZKA.zip");
        assertThat(refusal("ozps", "template", "2025")).startsWith("Nieoczekiwany argument \"2025\" polecenia ozps template.");
    }

    @Test
    void unknownCommandsJobsAndActions() {
        assertThat(refusal("frobnicate")).isEqualTo("Nieznane polecenie \"frobnicate\". Lista poleceń: ./mops-reports help");
        assertThat(refusal("statsu")).isEqualTo(
                "Nieznane polecenie \"statsu\". Czy chodziło o status? Lista poleceń: ./mops-reports help");
        assertThat(refusal("run", "weekly")).isEqualTo("Nieznane zadanie \"weekly\". Dostępne: monthly, mrpips03, ozps.");
        assertThat(refusal("run", "montly", "--month", "2025-10")).isEqualTo(
                "Nieznane zadanie \"montly\". Czy chodziło o monthly? Dostępne: monthly, mrpips03, ozps.");
        assertThat(refusal("run")).isEqualTo("Podaj zadanie, np.: ./mops-reports run monthly --month 2025-10, "
                + "./mops-reports run mrpips03 --period 2025-P albo ./mops-reports run ozps --year 2025");
        assertThat(refusal("ozps", "print")).isEqualTo("Nieznana czynność \"print\". Dostępne: template.");
        assertThat(refusal("ozps")).isEqualTo("Podaj czynność, np.: ./mops-reports ozps template --year 2025");
    }

    @Test
    void whatTheCommandsTakeIsAccepted() {
        List<List<String>> lines = List.of(
                List.of("run", "monthly", "--month", "2025-10", "--snapshot", "3", "--out", "wyniki", "--rerun",
                        "--profil", "publikacja", "--restart", "--czekaj", "--niepelny-okres"),
                List.of("run", "monthly", "--month=2025-10", "--profil=pelny", "--home=/tmp/h",
                        "--spring.datasource.url=jdbc:postgresql://h/db", "--logging.level.root=DEBUG"),
                List.of("run", "mrpips03", "--period", "2025-r", "--layout", "2025.1", "--niepelny-okres"),
                List.of("run", "ozps", "--year", "2025", "--resources", "zasoby.yaml", "--profil", "publikacja"),
                List.of("ozps", "template", "--year", "2025", "--out", "z", "--snapshot", "2"),
                List.of("import", "--dir", "dane", "--out", "wyniki", "--stan-na", "2025-03-31"),
                List.of("import", "--dir", "dane", "--potwierdz-ubytek"),
                List.of("extract", "--source-url", "jdbc:postgresql://h/db", "--source-schema", "s", "--source-user", "u",
                        "--source-password", "p", "--stan-na", "2025-03-31"),
                List.of("extract", "--source-url", "jdbc:postgresql://h/db", "--potwierdz-ubytek"),
                List.of("zloz", "--period", "2025-P", "--przebieg", "2"),
                List.of("runs", "--zadanie", "statystyka", "--od", "2025-03-01", "--ostatnie", "5"),
                List.of("runs", "--zadanie", "mrpips03Return"),
                List.of("runs", "--zadanie", "OZPS"),
                List.of("runs", "--zadanie", "wczytanie"),
                List.of("runs", "--zadanie", "pobranie danych z systemu dziedzinowego"),
                List.of("runs", "--zadanie", "snapshotImport"),
                List.of("extract", "--out", "wyniki"),
                List.of("serve", "--port", "65535"),
                List.of("verify", "paczka.zip", "--home", "/tmp/h"),
                List.of("generate", "--families", "20", "--years", "1", "--seed", "-3", "--to", "2024-12", "--load"),
                List.of("bench", "--scale", "1", "--repeat", "2", "--report", "b.md"),
                List.of("demo"), List.of("snapshots"), List.of("status"));
        for (List<String> line : lines) {
            assertThatCode(() -> check(line.toArray(String[]::new))).as(String.join(" ", line)).doesNotThrowAnyException();
        }
    }

    @Test
    void everyCommandListsItsOwnOptionsWhenRefusing() {
        for (CommandSpec command : CommandTable.COMMANDS) {
            List<String> args = new ArrayList<>(List.of(command.path().split(" ")));
            if (command.argument() != null) {
                args.add("x");
            }
            args.add("--qqqqqqqq");
            String message = refusal(args.toArray(String[]::new));
            assertThat(message.lines()).as("the list fits in 120 columns")
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
            assertThat(message).startsWith("Polecenie \"" + command.path() + "\" nie ma opcji --qqqqqqqq.\n");
            for (OptionSpec option : command.options()) {
                assertThat(message).as(command.path()).containsPattern("\n  " + java.util.regex.Pattern.quote(option.syntax())
                        + " +" + java.util.regex.Pattern.quote(option.description().split(" ")[0]));
            }
            for (OptionSpec global : CommandTable.GLOBAL) {
                assertThat(message).contains(global.syntax());
            }
        }
    }

    @Test
    void theTableIsConsistent() {
        Set<String> flags = new HashSet<>();
        Set<String> valued = new HashSet<>();
        for (CommandSpec command : CommandTable.COMMANDS) {
            List<String> names = command.options().stream().map(OptionSpec::name).toList();
            assertThat(names).as(command.path()).doesNotHaveDuplicates().doesNotContain("home", "help");
            command.options().forEach(o -> (o.isFlag() ? flags : valued).add(o.name()));
        }
        // the parser decides from the name alone whether the next word is a value
        assertThat(flags).doesNotContainAnyElementsOf(valued);
        for (CommandTable.Group group : CommandTable.GROUPS) {
            assertThat(CommandTable.subCommands(group.name())).isNotEmpty();
            assertThat(CommandTable.command(group.name())).isEmpty();
        }
    }

    @Test
    void aDeclaredCommandWithoutItsClassAndAnUnknownOneAtTheDispatcher() {
        CommandDispatcher dispatcher = new CommandDispatcher(List.of());
        assertThatThrownBy(() -> dispatcher.dispatch(parse("zloz", "--period", "2025-P")))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).isEqualTo("Polecenie \"zloz\" nie jest dostępne w tej wersji programu.");
                });
        assertThatThrownBy(() -> dispatcher.dispatch(parse("runz"))).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.getMessage()).isEqualTo(
                        "Nieznane polecenie \"runz\". Czy chodziło o run? Lista poleceń: ./mops-reports help"));
    }

    /** every command class has a declaration; a declaration without a class is a command being added elsewhere */
    @Test
    void everyCommandClassIsDeclared() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CliCommand.class));
        Set<String> classes = new HashSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("pl.mops.reports")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            classes.add(((CliCommand) new ObjenesisStd().newInstance(type)).name());
        }
        assertThat(classes).contains("run", "runs", "verify", "generate");
        assertThat(CommandTable.commandNames()).containsAll(classes);
        Set<String> withoutClass = new HashSet<>(CommandTable.commandNames());
        withoutClass.removeAll(classes);
        assertThat(withoutClass).isSubsetOf("zloz");
    }
}
