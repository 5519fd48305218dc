package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.cli.Launcher;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CommandLineRun.Outcome;
import pl.mops.reports.support.SharedPostgres;

/**
 * {@code import --dir KATALOG --out KATALOG} as a user runs it: output, exit codes, no stack traces. On a database of
 * its own: an import is compared with the newest snapshot (RowLoss), and on the shared database that may be any other
 * test's, much larger set.
 */
class ImportCommandTest {

    private static final String URL = SharedPostgres.freshDatabase("import_command");

    @TempDir
    Path home;
    @TempDir
    Path work;

    private Outcome launch(String... args) {
        return CommandLineRun.launchOn(URL, home, args);
    }

    /** the base set with a person no other test imports and one person with a wrong PESEL checksum */
    private Path inputWithOneReject() throws IOException {
        Path in = work.resolve("in");
        Files.createDirectories(in);
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(ImportCorpusTest.resource("import/base").resolve(file), in.resolve(file));
        }
        ImportCorpusTest.rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(),
                List.of(ImportCorpusTest.uniquePerson(), "P10;80050112369;1980-05-01;K;;"));
        return in;
    }

    @Test
    void importWithRejectedRowsSucceedsAndPrintsTheSummary() throws IOException {
        Path in = inputWithOneReject();
        Path out = work.resolve("out");
        Outcome first = launch("import", "--dir", in.toString(), "--out", out.toString());
        assertThat(first.err()).doesNotContain("Exception", "\tat ");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("przeczytano", "wczytano", "odrzucono", "osoby.csv: 11 wierszy",
                "Odrzucone wiersze: 1 (problemów: 1)", "Podsumowanie: " + out);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .hasSize(2).allMatch(n -> n.matches("(import-\\d+\\.txt|odrzucone-\\d+\\.csv)"));
        }
        Path rejects;
        try (Stream<Path> files = Files.list(out)) {
            rejects = files.filter(p -> p.getFileName().toString().startsWith("odrzucone-")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(rejects, StandardCharsets.UTF_8))
                .contains("osoby.csv;12;pesel;800501*****;błędna cyfra kontrolna numeru PESEL");
        if (rejects.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // case data row by row: readable by the service account only
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(rejects)))
                    .isEqualTo("rw-------");
        }

        Outcome again = launch("import", "--dir", in.toString(), "--out", out.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Pliki są identyczne z migawką nr", "nie utworzono nowej migawki");
    }

    @Test
    void aFileLevelErrorIsOnePolishLineWithExitCodeTwo() throws IOException {
        Path in = inputWithOneReject();
        Files.writeString(in.resolve("rodziny.csv"), "rodzina_id;filia\nR1;F6\n", StandardCharsets.UTF_8);
        Path out = work.resolve("out");
        Outcome outcome = launch("import", "--dir", in.toString(), "--out", out.toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Błąd: plik rodziny.csv: brak wymaganych kolumn: dzielnica (nagłówek: "
                + "rodzina_id;filia). Nic nie zostało zapisane.");
        assertThat(outcome.err()).doesNotContain("Exception", "\tat ");
        assertThat(Files.exists(out) ? Files.list(out).count() : 0).isZero();
    }

    @Test
    void aFileLevelErrorNeverQuotesADataRowOnTheConsoleOrInTheLog() throws IOException {
        Path in = inputWithOneReject();
        // osoby.csv without its header: the first line is a person with a PESEL
        List<String> persons = Files.readAllLines(in.resolve("osoby.csv"), StandardCharsets.UTF_8);
        Files.write(in.resolve("osoby.csv"), persons.subList(1, persons.size()), StandardCharsets.UTF_8);
        Outcome outcome = launch("import", "--dir", in.toString(), "--out", work.resolve("out").toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Błąd: plik osoby.csv: brak wymaganych kolumn: osoba_id, data_urodzenia, plec "
                + "(pierwszego wiersza nie cytuję");
        String log = Files.readString(home.resolve("logs").resolve("mops-reports.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("brak wymaganych kolumn");
        for (String text : List.of(outcome.out(), outcome.err(), log)) {
            assertThat(text).doesNotContain("80050112368", "1980-05-01", "P01;").doesNotContainPattern("(?<!\\d)\\d{11}(?!\\d)"); // a PESEL, not a longer run of digits (a temporary folder's name in a path)
        }
    }

    @Test
    void aMissingDirectoryIsExitCodeTwo() {
        Path missing = work.resolve("does-not-exist");
        Outcome outcome = launch("import", "--dir", missing.toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Błąd: Katalog " + missing + " nie istnieje");
        assertThat(outcome.err()).doesNotContain("Exception", "\tat ");
    }
}
