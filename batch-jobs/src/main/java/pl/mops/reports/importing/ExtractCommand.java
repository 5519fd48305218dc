package pl.mops.reports.importing;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * {@code extract [--source-url JDBC_URL] [--source-schema S] [--source-user U] [--out KATALOG] [--stan-na RRRR-MM-DD]}:
 * the source's tables or views imported as a snapshot, run as the Spring Batch job {@code snapshotExtract}
 * ({@link SnapshotJobs}). The source comes from the options or, without them, from {@code mops.zrodlo}
 * ({@link SourceSettings}); the password never from the command line (it shows in the process list and the shell's
 * history): {@code --source-password} is refused, the password comes from {@link SourcePassword}.
 */
@Component
public class ExtractCommand implements CliCommand {

    private final SnapshotJobs jobs;
    private final SnapshotImporter importer;
    private final SourceSettings settings;
    private final Console console;

    public ExtractCommand(SnapshotJobs jobs, SnapshotImporter importer, SourceSettings settings, Console console) {
        this.jobs = jobs;
        this.importer = importer;
        this.settings = settings;
        this.console = console;
    }

    @Override
    public String name() {
        return "extract";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        if (line.options().containsKey("source-password")) {
            throw new UserError("Hasła bazy źródłowej nie podaje się w wierszu polecenia (widać je na liście procesów "
                    + "i w historii powłoki). Ustaw je w zmiennej środowiskowej " + SourcePassword.ENVIRONMENT_VARIABLE
                    + " albo w pliku wskazanym przez mops.zrodlo.haslo-plik (czytelnym tylko dla konta usługi, chmod 600)."
                    + " Nic nie zostało zrobione.", ExitCode.INVALID_INPUT, null);
        }
        String url = line.option("source-url").orElse(settings.url());
        if (url == null) {
            throw new UserError("Podaj adres bazy źródłowej: --source-url jdbc:postgresql://HOST:PORT/BAZA (albo ustaw "
                    + "mops.zrodlo.url w config/application.yml)", ExitCode.INVALID_INPUT, null);
        }
        String schema = line.option("source-schema").orElse(line.option("source-url").isPresent() ? "public"
                : settings.schema());
        String user = line.option("source-user").orElse(line.option("source-url").isPresent() ? null : settings.user());
        Path out = line.option("out").map(Path::of).orElse(importer.defaultOutputDir()).toAbsolutePath().normalize();
        java.time.LocalDate asOf = ImportCommand.stateOn(line);
        ImportResult result = jobs.extract(new SnapshotJobs.ExtractRequest(url, schema, user, out, asOf, null,
                ImportCommand.launchedByUser(), ImportCommand.rowLoss(line) == pl.mops.reports.importing.validation.RowLoss.Check.CONFIRMED,
                ImportCommand.progress(console)));
        ImportCommand.print(result, console, asOf);
        return ExitCode.SUCCESS;
    }
}
