package pl.mops.reports.importing;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * {@code extract --source-url JDBC_URL [--source-schema S] [--source-user U] [--source-password P] [--out KATALOG]}.
 * The password may also come from the environment variable {@code MOPS_SOURCE_PASSWORD} (so it
 * does not show in the process list).
 */
@Component
public class ExtractCommand implements CliCommand {

    private final SourceDatabaseExtractor extractor;
    private final SnapshotImporter importer;
    private final Console console;

    public ExtractCommand(SourceDatabaseExtractor extractor, SnapshotImporter importer, Console console) {
        this.extractor = extractor;
        this.importer = importer;
        this.console = console;
    }

    @Override
    public String name() {
        return "extract";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        String url = line.option("source-url").orElseThrow(() -> new UserError(
                "Podaj adres bazy źródłowej: --source-url jdbc:postgresql://HOST:PORT/BAZA", ExitCode.INVALID_INPUT, null));
        String schema = line.option("source-schema").orElse("public");
        String user = line.option("source-user").orElse(null);
        String password = line.option("source-password").orElse(System.getenv("MOPS_SOURCE_PASSWORD"));
        Path out = line.option("out").map(Path::of).orElse(importer.defaultOutputDir()).toAbsolutePath().normalize();
        java.time.LocalDate asOf = ImportCommand.stateOn(line);
        ImportResult result = extractor.extract(url, schema, user, password, out, ImportCommand.progress(console), asOf,
                ImportCommand.rowLoss(line));
        ImportCommand.print(result, console, asOf);
        return ExitCode.SUCCESS;
    }
}
