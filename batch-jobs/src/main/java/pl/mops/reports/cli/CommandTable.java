package pl.mops.reports.cli;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.ValueCheck;

import static pl.mops.reports.cli.OptionSpec.flag;
import static pl.mops.reports.cli.OptionSpec.value;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import pl.mops.reports.mrpips03.ReturnPeriod;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.runs.JobNames;
import pl.mops.reports.runs.ReportJob;
import pl.mops.reports.users.PasswordPolicy;
import pl.mops.reports.users.Role;

/**
 * Every command and sub-command with the options it takes: the one declaration the launcher checks a command line
 * against before Spring or the database start ({@link CommandCheck}) and {@code help} is written from
 * ({@link HelpText}). Plain data: no Spring, no database.
 * <p>
 * A new command adds a {@link CommandSpec} to {@link #COMMANDS} (a sub-command, e.g. {@code run weekly}, a spec
 * whose path has two words; a new group of sub-commands also a {@link Group}); its {@code CliCommand} reads the
 * options by the same names. An option the table does not declare is refused, so a command cannot read one that
 * is not here.
 */
public final class CommandTable {

    /**
     * A command whose second word chooses what it does ({@code run monthly}, {@code ozps template}).
     *
     * @param unknown e.g. "Nieznane zadanie" (the noun's gender decides the adjective)
     * @param missing the message when the second word is missing
     */
    public record Group(String name, String unknown, String missing) {
    }

    // --- what values look like ---------------------------------------------------------------------------------
    static final ValueCheck MONTH = ValueCheck.parsing(YearMonth::parse, "miesiąc w postaci RRRR-MM, np. 2025-10");
    static final ValueCheck PERIOD = ValueCheck.parsing(ReturnPeriod::parse,
            "okres w postaci RRRR-P (I półrocze) albo RRRR-R (rok), np. 2025-P");
    static final ValueCheck YEAR = ValueCheck.matching("\\d{4}", "rok w postaci RRRR, np. 2025");
    static final ValueCheck DATE = ValueCheck.parsing(LocalDate::parse, "data w postaci RRRR-MM-DD, np. 2025-03-31");
    static final ValueCheck POSITIVE = ValueCheck.integer(1, Integer.MAX_VALUE, "liczba całkowita dodatnia");
    static final ValueCheck SNAPSHOT_NUMBER = ValueCheck.integer(1, Long.MAX_VALUE,
            "numer migawki, liczba całkowita dodatnia (lista: ./mops-reports snapshots)");
    static final ValueCheck PORT = ValueCheck.integer(1, 65535, "numer portu od 1 do 65535, np. 8086");
    static final ValueCheck PROFILE = (option, value) -> PublicationProfile.fromOption(value);
    /** an IP address (IPv4, IPv6 in or without brackets; 0.0.0.0 = every interface) or a host name */
    static final ValueCheck HOST = ValueCheck.matching(
            "(\\d{1,3}(\\.\\d{1,3}){3})|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*",
            "adres IP albo nazwa komputera, np. 192.168.1.10 albo 0.0.0.0 (wszystkie interfejsy)");
    static final ValueCheck ROLES = (option, value) -> Role.parseList(value);
    static final ValueCheck JOB = (option, value) -> {
        if (JobNames.batchJobNameOfUserName(value).isEmpty()) {
            throw ValueCheck.invalid(option, value, JobNames.CHOICES);
        }
    };

    // --- options shared by several commands -------------------------------------------------------------------
    static final OptionSpec HOME = value("home", "KATALOG", "folder domowy zamiast zmiennej MOPS_HOME", ValueCheck.ANY);
    static final OptionSpec HELP = flag("help", "pomoc polecenia");
    /** accepted by every command, with {@code --spring.*} and {@code --logging.*} (passed to Spring Boot) */
    public static final List<OptionSpec> GLOBAL = List.of(HOME, HELP);

    private static final OptionSpec SNAPSHOT = value("snapshot", "NR", "numer migawki (domyślnie najnowsza)",
            SNAPSHOT_NUMBER);
    private static final OptionSpec RESULTS = value("out", "KATALOG", "folder wyników (domyślnie w MOPS_HOME/out)",
            ValueCheck.ANY);
    private static final OptionSpec RERUN = flag("rerun", "policz od nowa jako nową wersję (-v2, -v3…)");
    private static final OptionSpec PROFIL = value("profil", "pelny|publikacja",
            "tabele pełne (domyślnie) albo do publikacji (BIP): małe liczby ukryte", PROFILE);
    private static final OptionSpec RESTART = flag("restart",
            "tylko wznów przerwane lub nieudane uruchomienie od nieukończonego kroku");
    private static final OptionSpec WAIT = flag("czekaj",
            "gdy to samo liczy inny proces, poczekaj na niego (bez tej opcji: kod wyjścia 5)");
    private static final OptionSpec INCOMPLETE_PERIOD = flag("niepelny-okres",
            "świadomie policz okres, którego migawka nie obejmuje w całości (dokumenty to mówią)");
    private static final OptionSpec AS_OF = value("stan-na", "RRRR-MM-DD",
            "dzień, w którym wykonano eksport: dane obejmują okres do tego dnia (domyślnie dzień importu)", DATE);
    private static final OptionSpec IMPORT_RESULTS = value("out", "KATALOG",
            "folder podsumowania i odrzuconych wierszy (domyślnie MOPS_HOME/out/import)", ValueCheck.ANY);
    private static final OptionSpec CONFIRM_LOSS = flag("potwierdz-ubytek", "przyjmij eksport, któremu brakuje wierszy: "
            + "wymagany plik bez wierszy danych, plik z samymi odrzuconymi wierszami albo mniej niż połowa wierszy pliku "
            + "z poprzedniej migawki (bez tej opcji: odmowa, kod wyjścia 2)");

    public static final List<Group> GROUPS = List.of(
            new Group("run", "Nieznane zadanie", "Podaj zadanie, np.: ./mops-reports run monthly --month 2025-10, "
                    + "./mops-reports run mrpips03 --period 2025-P albo ./mops-reports run ozps --year 2025"),
            new Group("ozps", "Nieznana czynność", "Podaj czynność, np.: ./mops-reports ozps template --year 2025"),
            new Group("users", "Nieznana czynność", "Podaj czynność: ./mops-reports users add LOGIN --rola ROLA, "
                    + "users passwd LOGIN, users disable LOGIN, users enable LOGIN albo users list"));

    /** in the order of the help text */
    public static final List<CommandSpec> COMMANDS = List.of(
            new CommandSpec("demo", null, "wygeneruj dane syntetyczne (ok. 15 000 rodzin, 2 lata), zaimportuj je "
                    + "i policz statystykę miesięczną za ostatni pełny miesiąc", List.of()),
            new CommandSpec("generate", null, "wygeneruj pliki CSV wymiany danych (te same opcje — te same bajty)",
                    List.of(value("families", "N", "liczba rodzin, od 1 do 1 000 000 (domyślnie 15 000)",
                                    ValueCheck.integer(1, GenerateCommand.MAX_FAMILIES, "liczba rodzin od 1 do 1 000 000")),
                            value("years", "Y", "liczba lat, od 1 do " + GenerateCommand.MAX_YEARS + " (domyślnie 2)",
                                    ValueCheck.integer(1, GenerateCommand.MAX_YEARS, "liczba lat od 1 do "
                                            + GenerateCommand.MAX_YEARS)),
                            value("seed", "S", "ziarno, liczba całkowita (domyślnie 20251)",
                                    ValueCheck.integer(Long.MIN_VALUE, Long.MAX_VALUE, "liczba całkowita")),
                            value("to", "RRRR-MM", "ostatni miesiąc danych (domyślnie ostatni pełny miesiąc)", MONTH),
                            value("out", "KATALOG", "folder plików (domyślnie MOPS_HOME/dane/gen-…)", ValueCheck.ANY),
                            flag("load", "od razu zaimportuj wygenerowane pliki"))),
            new CommandSpec("import", null, "import plików CSV z walidacją: nowa migawka, podsumowanie "
                    + "import-<migawka>.txt i odrzucone wiersze odrzucone-<migawka>.csv",
                    List.of(value("dir", "KATALOG", "folder z plikami CSV", ValueCheck.ANY).mandatory(),
                            IMPORT_RESULTS, AS_OF, CONFIRM_LOSS)),
            new CommandSpec("extract", null, "to samo co import, z tabel lub widoków bazy źródłowej PostgreSQL "
                    + "(w jednej transakcji REPEATABLE READ); źródło z opcji albo z mops.zrodlo (config/application.yml)",
                    List.of(value("source-url", "JDBC_URL", "adres bazy źródłowej: jdbc:postgresql://HOST:PORT/BAZA "
                                    + "(domyślnie mops.zrodlo.url)", ValueCheck.ANY),
                            value("source-schema", "SCHEMAT", "schemat tabel lub widoków (domyślnie public, bez "
                                    + "--source-url: mops.zrodlo.schemat)", ValueCheck.ANY),
                            value("source-user", "U", "użytkownik bazy źródłowej (bez --source-url: "
                                    + "mops.zrodlo.uzytkownik)", ValueCheck.ANY),
                            value("source-password", "H", "odrzucane: hasło tylko w zmiennej MOPS_SOURCE_PASSWORD albo "
                                    + "w pliku mops.zrodlo.haslo-plik (chmod 600), nigdy w wierszu polecenia",
                                    ValueCheck.ANY),
                            IMPORT_RESULTS, AS_OF.describedAs("dzień stanu danych (domyślnie dzień odczytu bazy "
                                    + "źródłowej, jej now() w strefie mops.time-zone)"), CONFIRM_LOSS)),
            new CommandSpec("wymiana", null, "jedno sprawdzenie folderu wymiany MOPS_HOME/wymiana (to, co harmonogram "
                    + "robi co 15 minut): każdy kompletny eksport — folder z plikiem GOTOWE albo plik ZIP, opcjonalnie "
                    + "ze stan-na.txt — wczytany jako migawka (zadanie snapshotImport) i przeniesiony do przyjete/ albo "
                    + "odrzucone/ (z powodem w pliku .txt); archiwum starsze niż 13 miesięcy usuwane",
                    List.of()),
            new CommandSpec("snapshots", null, "lista migawek danych (zakres danych, odcisk SHA-256, liczby wierszy)",
                    List.of()),
            new CommandSpec("run monthly", null, "statystyka miesięczna (XLSX, PDF, CSV)",
                    List.of(value("month", "RRRR-MM", "miesiąc", MONTH).mandatory(), SNAPSHOT, RESULTS, RERUN, PROFIL,
                            RESTART, WAIT, INCOMPLETE_PERIOD)),
            new CommandSpec("run mrpips03", null, "sprawozdanie MRPiPS-03 za I półrocze (P) albo rok (R): XML "
                    + "(ze schematem XSD), XLSX, PDF i raport reguł kontrolnych (-kontrola.xlsx/.pdf). Ta sama migawka "
                    + "i układ: wypisuje gotowe pliki. Przed złożeniem (zloz) nowa migawka daje nową wersję roboczą "
                    + "(-v2, -v3…), po złożeniu zmienione komórki to korekta -k1, -k2… z listą zmian (-zmiany.xlsx).",
                    List.of(value("period", "RRRR-P|RRRR-R", "okres: I półrocze (P) albo rok (R)", PERIOD).mandatory(),
                            SNAPSHOT,
                            value("layout", "WERSJA", "wersja układu formularza (domyślnie najnowsza dla roku)",
                                    ValueCheck.ANY),
                            RESULTS, RERUN.describedAs("przelicz od nowa jako nową wersję roboczą (albo korektę złożonej)"), RESTART,
                            WAIT, value("porownaj", "PLIK", "po policzeniu porównaj ze sprawozdaniem z systemu dziedzinowego "
                                    + "(jak polecenie porownaj)", ValueCheck.ANY),
                            INCOMPLETE_PERIOD)),
            new CommandSpec("run ozps", null, "ocena zasobów pomocy społecznej za rok RRRR (XLSX, PDF, wnioski TXT)",
                    List.of(value("year", "RRRR", "rok oceny", YEAR).mandatory(),
                            value("resources", "PLIK", "plik zasobów: YAML, CSV albo skoroszyt XLSX (domyślnie "
                                    + "MOPS_HOME/zasoby/zasoby-RRRR.yaml, .csv albo .xlsx)", ValueCheck.ANY),
                            SNAPSHOT, RESULTS, RERUN, PROFIL, RESTART, WAIT, INCOMPLETE_PERIOD)),
            new CommandSpec("ozps template", null, "szablon pliku zasobów zasoby-RRRR.yaml z komentarzami "
                    + "albo (--xlsx) skoroszyt zasoby-RRRR.xlsx do wypełnienia w arkuszu (istniejącego pliku nie nadpisuje)",
                    List.of(value("year", "RRRR", "rok oceny", YEAR).mandatory(),
                            flag("xlsx", "skoroszyt Excel zasoby-RRRR.xlsx zamiast pliku YAML (te same pozycje i "
                                    + "podpowiedzi, arkusz na rozdział, chronione klucze)"),
                            value("out", "KATALOG|PLIK", "folder szablonu (domyślnie MOPS_HOME/zasoby, tam szuka go run "
                                    + "ozps); z --xlsx także plik .xlsx", ValueCheck.ANY),
                            SNAPSHOT.describedAs("migawka, z której szablon podaje liczby spraw (domyślnie najnowsza)"))),
            new CommandSpec("zloz", null, "oznacz sprawozdanie MRPiPS-03 jako złożone (kto, kiedy, który przebieg); "
                    + "potem przeliczenie ze zmienionymi komórkami jest korektą tej wersji",
                    List.of(value("period", "RRRR-P|RRRR-R", "okres: I półrocze (P) albo rok (R)", PERIOD).mandatory(),
                            value("przebieg", "NR", "numer przebiegu z listy runs (domyślnie najnowsza ukończona wersja)",
                                    POSITIVE),
                            flag("mimo-bledow", "złóż także sprawozdanie niegotowe do wysłania (niespełnione reguły "
                                    + "kontrolne wyjaśnione)"))),
            new CommandSpec("porownaj", null, "porównaj policzone sprawozdanie MRPiPS-03 ze sprawozdaniem z systemu "
                    + "dziedzinowego (plik dzial;wiersz;kolumna;wartosc, wiersz: kod albo numer): -porownanie.xlsx/.pdf "
                    + "z różnicami i pseudonimami policzonych rodzin i osób; dołącza je do paczki dla audytorów",
                    List.of(value("period", "RRRR-P|RRRR-R", "okres: I półrocze (P) albo rok (R)", PERIOD).mandatory(),
                            value("plik", "PLIK", "sprawozdanie z systemu dziedzinowego (CSV)", ValueCheck.ANY).mandatory(),
                            value("przebieg", "NR", "numer przebiegu z listy runs (domyślnie najnowsza ukończona wersja)",
                                    POSITIVE))),
            new CommandSpec("sprawy", null, "dla pracowników MOPS: sprawy (identyfikatory systemu dziedzinowego) za "
                    + "pseudonimami z paczki dla audytorów albo z porównania; kluczem tej instalacji, tylko na ekranie",
                    List.of(value("pseudonimy", "PLIK|R-…", "pseudonimy po przecinku albo plik, który je zawiera (np. "
                                    + "pochodzenie.csv)", ValueCheck.ANY).mandatory(), SNAPSHOT)),
            new CommandSpec("runs", null, "uruchomienia zadań, od najnowszego: numer, zadanie, status, start, koniec, "
                    + "czas, kto uruchomił, parametry, pliki; przy nieudanym — pierwszy wiersz błędu",
                    List.of(value("zadanie", "monthly|mrpips03|ozps", "tylko to zadanie (także import, extract i po polsku, "
                                    + "np. statystyka, wczytanie)", JOB),
                            value("od", "RRRR-MM-DD", "tylko uruchomione tego dnia lub później", DATE),
                            value("ostatnie", "N", "ile ostatnich uruchomień pokazać (domyślnie 30)", POSITIVE))),
            new CommandSpec("serve", null, "praca według harmonogramu config/harmonogram.yml do Ctrl+C / SIGTERM: "
                    + "nadrabia zaległe okresy od najstarszego; konsola WWW pod http://127.0.0.1:8086/ (logowanie: "
                    + "users add), stan pod http://127.0.0.1:8086/actuator/health (tylko z tego komputera)",
                    List.of(value("port", "N", "port konsoli i adresu stanu (domyślnie 8086)", PORT),
                            value("host", "ADRES", "adres, na którym konsola przyjmuje połączenia (domyślnie 127.0.0.1 — "
                                    + "tylko ten komputer; 0.0.0.0 albo adres w sieci MOPS — z sieci)", HOST))),
            new CommandSpec("users add", "LOGIN", "dodaj użytkownika konsoli WWW; hasło: dwa razy na terminalu albo "
                    + "pierwszy wiersz standardowego wejścia (co najmniej " + PasswordPolicy.MIN_LENGTH + " znaków)",
                    List.of(value("rola", "ROLA[,ROLA]", "role: PLANOWANIE, STRATEGIA, AUDYTOR, ADMIN (kilka po przecinku)",
                            ROLES).mandatory())),
            new CommandSpec("users passwd", "LOGIN", "nowe hasło użytkownika (jak przy add); zdejmuje blokadę po "
                    + "nieudanych logowaniach", List.of()),
            new CommandSpec("users disable", "LOGIN", "wyłącz konto (użytkownik nie zaloguje się do konsoli)", List.of()),
            new CommandSpec("users enable", "LOGIN", "włącz wyłączone konto", List.of()),
            new CommandSpec("users list", null, "użytkownicy konsoli: login, role, stan konta", List.of()),
            new CommandSpec("status", null, "harmonogram, następne uruchomienia, zaległe okresy, ostatnie uruchomienia",
                    List.of()),
            new CommandSpec("verify", "PACZKA.zip", "sprawdź paczkę dla audytorów (<plik>-paczka.zip, tworzona przy "
                    + "każdym uruchomieniu) z jej manifestem: który plik zmieniono, dodano lub usunięto", List.of()),
            new CommandSpec("przebieg-probny", null, null, List.of(flag("krotkie", "tylko krótkie polecenia (status, "
                    + "snapshots, runs, users list) na folderze domowym po pełnym przebiegu próbnym"))),
            new CommandSpec("bench", null, null,
                    List.of(value("report", "PLIK", "plik wyników (domyślnie docs/benchmarks.md)", ValueCheck.ANY),
                            value("scale", "N", "skale: x1 i xN (1: tylko x1; domyślnie 10, czyli x1 i x10; 60: x1 i x60)",
                                    POSITIVE),
                            value("repeat", "R", "ile przebiegów każdego zadania, liczy się najkrótszy (domyślnie 1)",
                                    POSITIVE),
                            value("dane", "FOLDER", "folder wygenerowanych plików CSV, używanych ponownie przy tych "
                                    + "samych ustawieniach (domyślnie MOPS_HOME/bench-dane)", ValueCheck.ANY),
                            value("launcher", "SKRYPT", "skrypt mops-reports, którym mierzy się start programu "
                                    + "(domyślnie java -jar)", ValueCheck.ANY))));

    private CommandTable() {
    }

    /** every command word: {@code demo}, {@code run}, {@code ozps}… */
    public static Set<String> commandNames() {
        return COMMANDS.stream().map(c -> c.path().split(" ")[0]).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static Optional<Group> group(String name) {
        return GROUPS.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** the sub-commands of a group, e.g. {@code run monthly}, {@code run mrpips03}, {@code run ozps} */
    public static List<CommandSpec> subCommands(String group) {
        return COMMANDS.stream().filter(c -> c.path().startsWith(group + " ")).toList();
    }

    /** the command or sub-command with this path, e.g. {@code run monthly} */
    public static Optional<CommandSpec> command(String path) {
        return COMMANDS.stream().filter(c -> c.path().equals(path)).findFirst();
    }

    /** the names of all flags: the word after one of them is never its value */
    public static Set<String> flags() {
        Set<String> flags = new LinkedHashSet<>();
        GLOBAL.stream().filter(OptionSpec::isFlag).forEach(o -> flags.add(o.name()));
        COMMANDS.forEach(c -> c.options().stream().filter(OptionSpec::isFlag).forEach(o -> flags.add(o.name())));
        return flags;
    }

    /** the usage line of a command word, e.g. for {@code run}: its three sub-commands */
    public static String usage(String commandName) {
        return COMMANDS.stream().filter(c -> c.path().split(" ")[0].equals(commandName)).map(CommandSpec::usage)
                .collect(Collectors.joining(" | "));
    }
}
