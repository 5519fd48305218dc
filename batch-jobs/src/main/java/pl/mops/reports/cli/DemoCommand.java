package pl.mops.reports.cli;

import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.generator.GenerationSummary;
import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.importing.ImportCommand;
import pl.mops.reports.importing.ImportResult;
import pl.mops.reports.importing.SnapshotImporter;
import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.statistics.MonthlySummary;
import pl.mops.reports.users.Role;
import pl.mops.reports.users.UserAccounts;

/**
 * {@code demo}: a Kraków-sized synthetic data set (about 15 000 families over 2 years up to the
 * last complete month) written as interchange CSV files, imported through the validating
 * {@code import} (the path real data takes), and the monthly statistics of the last complete
 * month. A second {@code demo} in the same month reuses the files, the snapshot and the run. Last, the user
 * {@value #DEMO_USER} of the web console (planning and strategy roles) with a random password printed once, and how
 * to start the console.
 */
@Component
public class DemoCommand implements CliCommand {

    static final String DEMO_USER = "demo";
    /** the console's address with the defaults of config/application.yml (serve without --host and --port) */
    static final String CONSOLE_URL = "http://127.0.0.1:8086/";

    private final SyntheticDataGenerator generator;
    private final SnapshotImporter importer;
    private final MonthlyStatisticsService monthly;
    private final MonthlySummary summary;
    private final MopsProperties properties;
    private final Console console;
    private final UserAccounts accounts;

    public DemoCommand(SyntheticDataGenerator generator, SnapshotImporter importer, MonthlyStatisticsService monthly,
            MonthlySummary summary, MopsProperties properties, Console console, UserAccounts accounts) {
        this.accounts = accounts;
        this.generator = generator;
        this.importer = importer;
        this.monthly = monthly;
        this.summary = summary;
        this.properties = properties;
        this.console = console;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        YearMonth month = YearMonth.now(properties.timeZone()).minusMonths(1);
        GeneratorSettings settings = GeneratorSettings.demo(month);
        Path dir = properties.home().resolve("dane").resolve("demo-" + month).toAbsolutePath().normalize();
        console.line("[1/3] Dane syntetyczne: " + settings.families() + " "
                + PolishPlural.of(settings.families(), "rodzina", "rodziny", "rodzin") + ", " + settings.firstMonth() + " – "
                + settings.lastMonth() + " (ziarno " + settings.seed() + ")");
        ensureGenerated(settings, dir);
        console.line("[2/3] Import plików z " + dir);
        // the generated data hold every day up to the end of the last full month: that is their "stan na"
        ImportResult imported = importer.importDirectory(dir, "csv:" + dir, importer.defaultOutputDir().toAbsolutePath(),
                ImportCommand.progress(console), false, month.atEndOfMonth(),
                pl.mops.reports.importing.validation.RowLoss.Check.CONFIRMED); // synthetic data: nothing to confirm
        ImportCommand.print(imported, console, null);
        console.line("[3/3] Statystyka miesięczna za " + month);
        MonthlyStatisticsService.Result result = monthly.run(month, imported.snapshot().id(), null, false, "demo");
        summary.print(result);
        demoUser();
        return ExitCode.SUCCESS;
    }

    /** the console's demo user: a new one gets a random password, printed this once */
    private void demoUser() {
        java.util.Optional<String> password = accounts.addWithRandomPassword(DEMO_USER,
                java.util.EnumSet.of(Role.PLANOWANIE, Role.STRATEGIA), UserAccounts.Actor.commandLine());
        console.line("Konsola WWW:");
        if (password.isPresent()) {
            console.line("  użytkownik " + DEMO_USER + " (role PLANOWANIE, STRATEGIA), hasło: " + password.get());
            console.line("  (hasło jest wypisane tylko teraz; nowe: ./mops-reports users passwd " + DEMO_USER + ")");
        } else {
            console.line("  użytkownik " + DEMO_USER + " już istnieje — hasła nie wypisuję ponownie; nowe ustawisz: "
                    + "./mops-reports users passwd " + DEMO_USER);
        }
        console.line("  uruchom: ./mops-reports serve   i otwórz " + CONSOLE_URL + " (zatrzymanie: Ctrl+C)");
    }

    /** generates into a temporary folder and renames it, so an interrupted demo never leaves half a data set */
    private void ensureGenerated(GeneratorSettings settings, Path dir) {
        if (Files.isDirectory(dir)) {
            console.progress("pliki już są (wygenerowane wcześniej): " + dir);
            return;
        }
        try {
            Files.createDirectories(dir.getParent());
            Path temp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + "-");
            GenerationSummary generated = generator.writeCsv(settings, temp);
            Files.move(temp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            console.progress(String.format(java.util.Locale.ROOT, "zapisano %,d wierszy w %d plikach",
                    generated.totalRows(), generated.rowsPerFile().size()).replace(',', ' '));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
