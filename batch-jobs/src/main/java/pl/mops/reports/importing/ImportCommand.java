package pl.mops.reports.importing;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import pl.mops.reports.cli.CliCommand;
import pl.mops.reports.cli.CommandLine;
import pl.mops.reports.cli.Console;
import pl.mops.reports.cli.UserError;

/** {@code import --dir KATALOG [--out KATALOG]}: validated import of the interchange CSV files as a snapshot. */
@Component
public class ImportCommand implements CliCommand {

    private final SnapshotImporter importer;
    private final Console console;

    public ImportCommand(SnapshotImporter importer, Console console) {
        this.importer = importer;
        this.console = console;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "import --dir KATALOG [--out KATALOG]";
    }

    @Override
    public int execute(CommandLine line) {
        Path dir = line.option("dir").map(Path::of)
                .orElseThrow(() -> new UserError("Podaj katalog z plikami CSV: --dir KATALOG", 2, null))
                .toAbsolutePath().normalize();
        Path out = line.option("out").map(Path::of).orElse(importer.defaultOutputDir()).toAbsolutePath().normalize();
        ImportResult result = importer.importDirectory(dir, "csv:" + dir, out, progress(console));
        print(result, console);
        return 0;
    }

    public static SnapshotImporter.Progress progress(Console console) {
        return stats -> console.progress(String.format(java.util.Locale.ROOT, "%s: %s wierszy", stats.file().fileName(),
                ImportReportWriter.number(stats.read())));
    }

    /** prints the summary (as stored with the snapshot) or that nothing new was created */
    public static void print(ImportResult result, Console console) {
        if (result.reused()) {
            console.line("Pliki są identyczne z migawką nr " + result.snapshot().id() + " (odcisk "
                    + result.snapshot().shortFingerprint() + "…) — nie utworzono nowej migawki.");
            return;
        }
        console.line(ImportReportWriter.summary(result).stripTrailing());
        console.line("Podsumowanie: " + result.summaryFile());
    }
}
