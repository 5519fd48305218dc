package pl.mops.reports.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.cli.Launcher;
import pl.mops.reports.support.SharedPostgres;

/** {@code ozps template} and {@code run ozps} as a user meets them: files, exit codes, Polish messages. */
class OzpsCommandLineTest {

    @TempDir
    Path home;

    record Outcome(int exitCode, String out, String err) {
    }

    private Outcome launch(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home=" + home);
        all.add("--spring.datasource.url=" + SharedPostgres.jdbcUrl());
        all.add("--spring.datasource.username=postgres");
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new Launcher().launch(all.toArray(String[]::new));
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void templateGoesWhereRunLooksAndAnUnfilledTemplateIsRefusedWithEveryLine() {
        Outcome template = launch("ozps", "template", "--year", "2025");
        assertThat(template.exitCode()).as(template.err()).isZero();
        Path file = home.resolve("zasoby").resolve("zasoby-2025.yaml");
        assertThat(file).exists();
        assertThat(template.out()).contains("Zapisano szablon pliku zasobów: " + file);

        Outcome run = launch("run", "ozps", "--year", "2025");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Błąd: Plik zasobów zasoby-2025.yaml zawiera 141 błędów:\n"
                + "  zasoby-2025.yaml, wiersz ");
        assertThat(run.err()).contains("brak wartości w pozycji kadra.pracownicy_socjalni_etaty, rok 2025")
                .doesNotContain("Exception", "\tat ");

        Outcome again = launch("ozps", "template", "--year", "2025");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("już istnieje");
    }

    @Test
    void missingYearAndUnknownAction() {
        Outcome noYear = launch("run", "ozps");
        assertThat(noYear.exitCode()).isEqualTo(2);
        assertThat(noYear.err().strip()).isEqualTo("Błąd: Podaj rok oceny: --year RRRR");
        Outcome action = launch("ozps", "print");
        assertThat(action.exitCode()).isEqualTo(2);
        assertThat(action.err()).contains("Nieznana czynność \"print\". Dostępne: template.");
    }
}
