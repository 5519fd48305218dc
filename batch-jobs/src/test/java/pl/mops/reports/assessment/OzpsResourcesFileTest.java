package pl.mops.reports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.assessment.resources.ResourcesFile;
import pl.mops.reports.assessment.resources.ResourcesReader;
import pl.mops.reports.system.UserError;

/** Reading and validating the resources file (no database): src/test/resources/ozps/README.md lists the cases. */
class OzpsResourcesFileTest {

    @Test
    void yamlIsReadWithKindsAndBrakDanych() throws IOException {
        ResourcesFile file = ResourcesReader.parse(bytes("zasoby-2025.yaml"), "zasoby-2025.yaml", 2025);
        assertThat(file.years()).containsExactly(2023, 2024, 2025);
        assertThat(file.value("demografia", "ludnosc_ogolem", 2025)).isEqualByComparingTo("8200");
        assertThat(file.value("kadra", "pracownicy_socjalni_etaty", 2025)).isEqualTo(new BigDecimal("4.50")); // "4,5"
        assertThat(file.value("organizacje_pozarzadowe", "kwota", 2024)).isEqualTo(new BigDecimal("150000.00")); // 150 000
        assertThat(file.value("budzet", "85214", 2024)).isEqualTo(new BigDecimal("85000.50"));
        assertThat(file.value("rynek_pracy", "bezrobotni_dlugotrwale", 2025)).isNull(); // brak danych
        assertThat(file.positions("budzet")).containsExactly("85202", "85214", "85219", "85504");
        assertThat(file.sources()).containsEntry("demografia", "GUS, Bank Danych Lokalnych")
                .containsEntry("rynek_pracy", "Powiatowy Urząd Pracy");
        assertThat(file.sha256()).hasSize(64);
    }

    @Test
    void csvGivesTheSameFiguresAsYaml() throws IOException {
        ResourcesFile yaml = ResourcesReader.parse(bytes("zasoby-2025.yaml"), "zasoby-2025.yaml", 2025);
        ResourcesFile csv = ResourcesReader.parse(bytes("zasoby-2025.csv"), "zasoby-2025.csv", 2025);
        assertThat(csv.values()).isEqualTo(yaml.values());
        assertThat(csv.sources()).isEqualTo(yaml.sources());
    }

    @Test
    void malformedYamlListsEveryProblemWithItsLine() {
        assertThatThrownBy(() -> ResourcesReader.parse(bytes("zasoby-bledne-2025.yaml"), "zasoby-bledne-2025.yaml", 2025))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(lines(e)).containsExactly(
                            "Plik zasobów zasoby-bledne-2025.yaml zawiera 12 błędów:",
                            "zasoby-bledne-2025.yaml, wiersz 5: brak wartości za rok 2025 w pozycji demografia.ludnosc_ogolem "
                                    + "(wymagane lata: 2023, 2024, 2025; nieznaną wartość wpisz jako „brak danych”).",
                            "zasoby-bledne-2025.yaml, wiersz 6: ujemna liczba -710 w pozycji demografia.kobiety_0_17, rok 2024 "
                                    + "— wartości nie mogą być ujemne.",
                            "zasoby-bledne-2025.yaml, wiersz 12: nieznany klucz „kobiety_0_18” w rozdziale demografia "
                                    + "— czy chodziło o „kobiety_0_17”?",
                            "zasoby-bledne-2025.yaml, wiersz 20: bezrobotnych długotrwale (320) jest więcej niż bezrobotnych "
                                    + "ogółem (300) w roku 2023.",
                            "zasoby-bledne-2025.yaml, wiersz 26: rok „2022” spoza okresu oceny w pozycji instytucje.dps_miejsca "
                                    + "(dozwolone lata: 2023, 2024, 2025).",
                            "zasoby-bledne-2025.yaml, wiersz 26: wartość „sześćdziesiąt” w pozycji instytucje.dps_miejsca, "
                                    + "rok 2025 nie jest liczbą (wpisz liczbę albo „brak danych”).",
                            "zasoby-bledne-2025.yaml, wiersz 46: wartość 4.125 w pozycji kadra.pracownicy_socjalni_etaty, "
                                    + "rok 2024 ma więcej niż 2 miejsca po przecinku.",
                            "zasoby-bledne-2025.yaml, wiersz 46: liczba etatów (6) większa niż liczba osób (5) w pozycji "
                                    + "kadra.pracownicy_socjalni w roku 2025.",
                            "zasoby-bledne-2025.yaml, wiersz 56: wartość 6.5 w pozycji organizacje_pozarzadowe.umowy, rok 2024 "
                                    + "musi być liczbą całkowitą.",
                            "zasoby-bledne-2025.yaml, wiersz 56: brak wartości w pozycji organizacje_pozarzadowe.umowy, "
                                    + "rok 2025 (uzupełnij albo wpisz „brak danych”).",
                            "zasoby-bledne-2025.yaml, wiersz 64: nieznany klucz „75023” w rozdziale budzet — oczekiwano "
                                    + "pięciocyfrowego numeru rozdziału klasyfikacji budżetowej z działu 852, 853 albo 855, "
                                    + "np. \"85202\".",
                            "zasoby-bledne-2025.yaml, wiersz 66: nieznany klucz „wnioski” (dozwolone: rok, demografia, "
                                    + "rynek_pracy, instytucje, kadra, organizacje_pozarzadowe, budzet, zrodla).");
                });
    }

    @Test
    void wrongYearMissingChapterAndDuplicateKey() {
        String yaml = """
                rok: 2024
                demografia:
                  ludnosc_ogolem: {2023: 1, 2024: 2, 2025: 3}
                  ludnosc_ogolem: {2023: 1, 2024: 2, 2025: 3}
                """;
        assertThatThrownBy(() -> ResourcesReader.parse(yaml.getBytes(StandardCharsets.UTF_8), "zasoby-2025.yaml", 2025))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(lines(e)).contains(
                        "zasoby-2025.yaml, wiersz 1: plik dotyczy roku „2024”, a ocena jest za rok 2025 "
                                + "(plik zasoby-2025.yaml musi mieć „rok: 2025”).",
                        "zasoby-2025.yaml, wiersz 1: brak rozdziału „kadra” (Kadra jednostki organizacyjnej pomocy społecznej).",
                        "zasoby-2025.yaml, wiersz 2: brak pozycji demografia.kobiety_0_17 (Kobiety w wieku 0–17 lat) "
                                + "— podaj wartości za lata 2023, 2024, 2025.",
                        "zasoby-2025.yaml, wiersz 4: powtórzony klucz „demografia.ludnosc_ogolem” (pierwszy raz w wierszu 3); "
                                + "obowiązuje pierwszy."));
    }

    @Test
    void yamlSyntaxErrorNamesTheLineInPolish() {
        String yaml = "rok: 2025\ndemografia:\n\tludnosc_ogolem: {2023: 1}\n";
        assertThatThrownBy(() -> ResourcesReader.parse(yaml.getBytes(StandardCharsets.UTF_8), "zasoby-2025.yaml", 2025))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(lines(e)).hasSize(2);
                    assertThat(lines(e).get(1)).startsWith("zasoby-2025.yaml, wiersz 3: znak tabulacji — w pliku YAML "
                            + "wcięcia robi się spacjami (komunikat parsera: ");
                });
    }

    @Test
    void malformedCsvLinesAreNamed() {
        String csv = """
                rozdzial;pozycja;rok;wartosc
                demografia;ludnosc_ogolem;2023;-5
                demografia;ludnosc_ogolem;2023;7
                kadr;pracownicy_socjalni_osoby;2023;3
                demografia;ludnosc_ogolem;2024
                """;
        assertThatThrownBy(() -> ResourcesReader.parse(csv.getBytes(StandardCharsets.UTF_8), "zasoby-2025.csv", 2025))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(lines(e)).contains(
                        "zasoby-2025.csv, wiersz 2: ujemna liczba -5 w pozycji demografia.ludnosc_ogolem, rok 2023 "
                                + "— wartości nie mogą być ujemne.",
                        "zasoby-2025.csv, wiersz 3: powtórzony wiersz „demografia.ludnosc_ogolem, rok 2023” (pierwszy raz "
                                + "w wierszu 2); obowiązuje pierwszy.",
                        "zasoby-2025.csv, wiersz 4: nieznany rozdział „kadr” — czy chodziło o „kadra”?",
                        "zasoby-2025.csv, wiersz 5: wiersz ma 3 pola zamiast 4 (rozdzial;pozycja;rok;wartosc).",
                        "zasoby-2025.csv: brak rozdziału „kadra” (Kadra jednostki organizacyjnej pomocy społecznej)."));
    }

    private static List<String> lines(UserError e) {
        return List.of(e.getMessage().split("\n")).stream().map(String::strip).toList();
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = OzpsResourcesFileTest.class.getResourceAsStream("/ozps/" + name)) {
            return in.readAllBytes();
        }
    }
}
