package pl.mops.reports.cli;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.generator.GenerationSummary;
import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.importing.ImportCommand;
import pl.mops.reports.importing.SnapshotImporter;

/**
 * {@code generate --families N --years Y --seed S [--to RRRR-MM] [--out KATALOG] [--load]}: writes
 * deterministic synthetic interchange CSV files and, with {@code --load}, loads them as a snapshot.
 */
@Component
public class GenerateCommand implements CliCommand {

    static final int MAX_FAMILIES = 1_000_000;
    static final int MAX_YEARS = 30;
    private static final YearMonth EARLIEST_TO = YearMonth.of(1990, 1);

    private final SyntheticDataGenerator generator;
    private final SnapshotImporter importer;
    private final Console console;
    private final MopsProperties properties;

    public GenerateCommand(SyntheticDataGenerator generator, SnapshotImporter importer, Console console,
                           MopsProperties properties) {
        this.generator = generator;
        this.importer = importer;
        this.console = console;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        CommandCheck.check(line); // the launcher has checked it; a caller that did not start it is checked here
        int families = number(line, "families", Integer::valueOf, 15_000, 1, MAX_FAMILIES, "liczba rodzin");
        int years = number(line, "years", Integer::valueOf, 2, 1, MAX_YEARS, "liczba lat");
        long seed = line.option("seed", Long::valueOf, "liczba całkowita").orElse(20251L);
        YearMonth lastComplete = YearMonth.now(properties.timeZone()).minusMonths(1);
        YearMonth to = line.option("to", YearMonth::parse, "miesiąc w postaci RRRR-MM, np. 2025-10").orElse(lastComplete);
        if (to.isAfter(lastComplete)) {
            throw new UserError("Miesiąc --to " + to + " jeszcze się nie skończył (ostatni pełny miesiąc to " + lastComplete
                    + "): dane nie mogą sięgać w przyszłość.", ExitCode.INVALID_INPUT, null);
        }
        if (to.isBefore(EARLIEST_TO)) {
            throw new UserError("Miesiąc --to " + to + " jest zbyt wczesny (najwcześniej " + EARLIEST_TO + ").", ExitCode.INVALID_INPUT, null);
        }
        if (line.option("out").map(String::isBlank).orElse(false)) {
            throw new UserError("Opcja --out wymaga nazwy katalogu.", ExitCode.INVALID_INPUT, null);
        }
        Path out = line.option("out").map(Path::of)
                .orElseGet(() -> properties.home().resolve("dane").resolve("gen-" + families + "-" + seed + "-" + to))
                .toAbsolutePath().normalize();

        GeneratorSettings settings = new GeneratorSettings(families, years, seed, to);
        console.progress("Generowanie danych syntetycznych: " + grouped(families)
                + " " + plural(families, "rodzina", "rodziny", "rodzin") + ", " + years + " "
                + plural(years, "rok", "lata", "lat") + " (" + settings.firstMonth() + " – " + to + "), ziarno " + seed + "…");
        GenerationSummary summary = generator.writeCsv(settings, out);
        console.line("Zapisano pliki CSV w katalogu " + summary.dir() + ":");
        for (Map.Entry<String, Long> entry : summary.rowsPerFile().entrySet()) {
            console.line("    %-20s %s wierszy", entry.getKey(), grouped(entry.getValue()));
        }
        console.line("    %-20s %s wierszy", "razem", grouped(summary.totalRows()));
        if (line.flag("load")) {
            console.progress("Import plików do bazy…");
            // generated data hold every day up to the end of month --to: that is their "stan na"
            ImportCommand.print(importer.importDirectory(summary.dir(), "csv:" + summary.dir(),
                    importer.defaultOutputDir().toAbsolutePath(), ImportCommand.progress(console), false,
                    to.atEndOfMonth(), pl.mops.reports.importing.validation.RowLoss.Check.CONFIRMED), // synthetic data
                    console, null);
        }
        return ExitCode.SUCCESS;
    }

    private static <T extends Comparable<T>> T number(CommandLine line, String option, Function<String, T> parser,
                                                      T fallback, T min, T max, String what) {
        T value = line.option(option, parser, what + " (liczba całkowita)").orElse(fallback);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new UserError("Nieprawidłowa wartość opcji --" + option + ": " + value + " (oczekiwano: " + what
                    + " od " + min + " do " + max + ").", ExitCode.INVALID_INPUT, null);
        }
        return value;
    }

    /** Polish plural: 1 rok, 2 lata, 5 lat, 22 lata */
    static String plural(long n, String one, String few, String many) {
        if (n == 1) {
            return one;
        }
        long lastTwo = n % 100;
        long last = n % 10;
        return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
    }

    private static String grouped(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value).replace(',', ' ');
    }
}
