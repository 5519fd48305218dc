package pl.mops.reports.importing;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.validation.RowLoss;

/**
 * {@code import --dir KATALOG [--out KATALOG] [--stan-na RRRR-MM-DD]}: validated import of the interchange CSV files as
 * a snapshot — run as the Spring Batch job {@code snapshotImport} ({@link SnapshotJobs}): recorded in {@code runs},
 * locked, resumed after a crash, notified on failure, with its own log; the output is what it was before.
 */
@Component
public class ImportCommand implements CliCommand {

    private final SnapshotImporter importer;
    private final SnapshotJobs jobs;
    private final Console console;

    public ImportCommand(SnapshotImporter importer, SnapshotJobs jobs, Console console) {
        this.importer = importer;
        this.jobs = jobs;
        this.console = console;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        Path dir = line.option("dir").map(Path::of)
                .orElseThrow(() -> new UserError("Podaj katalog z plikami CSV: --dir KATALOG", ExitCode.INVALID_INPUT, null))
                .toAbsolutePath().normalize();
        Path out = line.option("out").map(Path::of).orElse(importer.defaultOutputDir()).toAbsolutePath().normalize();
        LocalDate asOf = stateOn(line);
        importer.checkRequest(dir, asOf); // a typo is refused before a run is recorded
        ImportResult result = jobs.importFiles(new SnapshotJobs.ImportRequest(dir, "csv:" + dir, out, asOf, false, null,
                null, null, launchedByUser(), rowLoss(line) == RowLoss.Check.CONFIRMED, progress(console)));
        print(result, console, asOf);
        return ExitCode.SUCCESS;
    }

    /** who launched a data job from the command line, as the report jobs record it */
    public static String launchedByUser() {
        return "użytkownik " + System.getProperty("user.name");
    }

    public static SnapshotImporter.Progress progress(Console console) {
        return stats -> console.progress(String.format(java.util.Locale.ROOT, "%s: %s wierszy", stats.file().fileName(),
                ImportReportWriter.number(stats.read())));
    }

    /** {@code --potwierdz-ubytek}: an export that looks incomplete is imported all the same ({@link RowLoss}) */
    public static RowLoss.Check rowLoss(CommandLine line) {
        return line.flag("potwierdz-ubytek") ? RowLoss.Check.CONFIRMED : RowLoss.Check.CHECKED;
    }

    /** {@code --stan-na RRRR-MM-DD}: the day the export was taken; {@code null} when not given */
    public static LocalDate stateOn(CommandLine line) {
        return line.option("stan-na", LocalDate::parse, "data stanu danych w postaci RRRR-MM-DD, np. 2026-11-30")
                .orElse(null);
    }

    /** prints the summary (as stored with the snapshot) or that nothing new was created */
    public static void print(ImportResult result, Console console, LocalDate requestedAsOf) {
        if (result.reused()) {
            Coverage coverage = result.snapshot().coverage();
            console.line("Pliki są identyczne z migawką nr " + result.snapshot().id() + " (odcisk "
                    + result.snapshot().shortFingerprint() + "…, " + coverage.describe()
                    + ") — nie utworzono nowej migawki.");
            if (requestedAsOf != null && !requestedAsOf.equals(coverage.asOf())) {
                console.line("Podany stan danych " + requestedAsOf + " nie zmienia tej migawki: te same pliki mają stan na "
                        + coverage.asOf() + " z pierwszego importu.");
            }
            return;
        }
        console.line(ImportReportWriter.summary(result).stripTrailing());
        console.line("Podsumowanie: " + result.summaryFile());
    }
}
