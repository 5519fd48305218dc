package pl.mops.reports.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import pl.mops.reports.importing.TrustedCsvLoader;

/** {@code load --dir DIR}: loads generator files as a snapshot (until the validating import exists). */
@Component
public class LoadCommand implements CliCommand {

    private final TrustedCsvLoader loader;
    private final Console console;

    public LoadCommand(TrustedCsvLoader loader, Console console) {
        this.loader = loader;
        this.console = console;
    }

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String usage() {
        return "load --dir KATALOG";
    }

    @Override
    public int execute(CommandLine line) {
        Path dir = line.option("dir").map(Path::of)
                .orElseThrow(() -> new UserError("Podaj katalog z plikami CSV: --dir KATALOG", 2, null));
        if (!Files.isDirectory(dir)) {
            throw new UserError("Katalog " + dir + " nie istnieje.", 2, null);
        }
        report(loader.load(dir.toAbsolutePath().normalize(), "csv:" + dir.toAbsolutePath().normalize()), console);
        return 0;
    }

    static void report(TrustedCsvLoader.LoadResult result, Console console) {
        if (result.reused()) {
            console.line("Pliki są identyczne z migawką nr " + result.snapshot().id() + " — nie utworzono nowej migawki.");
        } else {
            console.line("Utworzono migawkę nr " + result.snapshot().id() + " (odcisk " + result.snapshot().shortFingerprint() + "…).");
            result.rows().forEach((file, rows) -> console.line("    %-20s %,d wierszy", file.fileName(), rows));
        }
    }
}
