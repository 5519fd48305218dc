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
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CommandLineRun.Outcome;
import pl.mops.reports.support.SharedPostgres;

/** {@code ozps template} and {@code run ozps} as a user meets them: files, exit codes, Polish messages. */
class OzpsCommandLineTest {

    @TempDir
    Path home;

    private Outcome launch(String... args) {
        return CommandLineRun.launch(home, args);
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
    void workbookTemplateGoesWhereRunLooksAndAnUnfilledOneIsRefusedWithEveryCell() {
        Outcome template = launch("ozps", "template", "--year", "2025", "--xlsx");
        assertThat(template.exitCode()).as(template.err()).isZero();
        Path file = home.resolve("zasoby").resolve("zasoby-2025.xlsx");
        assertThat(file).exists();
        assertThat(template.out()).contains("Zapisano skoroszyt pliku zasobów: " + file);

        Outcome run = launch("run", "ozps", "--year", "2025");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Błąd: Plik zasobów zasoby-2025.xlsx zawiera 141 błędów:\n"
                + "  zasoby-2025.xlsx, arkusz „Demografia”, komórka D4: brak wartości w pozycji demografia.ludnosc_ogolem, "
                + "rok 2023 (uzupełnij albo wpisz „brak danych”).");
        assertThat(run.err()).contains("zasoby-2025.xlsx, arkusz „Kadra”, komórka F7: brak wartości w pozycji "
                + "kadra.pracownicy_socjalni_etaty, rok 2025").doesNotContain("Exception", "\tat ");

        Path elsewhere = home.resolve("inne").resolve("moje-zasoby.xlsx");
        Outcome named = launch("ozps", "template", "--year", "2025", "--xlsx", "--out", elsewhere.toString());
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(elsewhere).exists();
        assertThat(named.out()).contains("--resources " + elsewhere);

        Outcome again = launch("ozps", "template", "--year", "2025", "--xlsx");
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
