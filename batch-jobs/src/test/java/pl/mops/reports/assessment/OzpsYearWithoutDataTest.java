package pl.mops.reports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.mops.reports.assessment.OzpsTestFiles.cells;
import static pl.mops.reports.assessment.OzpsTestFiles.file;
import static pl.mops.reports.assessment.OzpsTestFiles.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.assessment.OzpsFigures.Measure;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.support.DatabaseTest;

/**
 * The variant {@code src/test/resources/ozps/bez-2023}: the same families without anything dated in 2023.
 * 2023 is "brak danych" (never 0) in every table computed from case data and in the indicators built on
 * them; the forecast uses 2024 and 2025 only (README.md, "Wariant bez danych za 2023").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OzpsYearWithoutDataTest extends DatabaseTest {

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    OzpsAssessmentService service;
    @Autowired
    OzpsRepository repository;

    OzpsAssessmentService.Result result;

    @BeforeAll
    void runJob() throws Exception {
        Path fixture = Path.of(getClass().getResource("/ozps/bez-2023").toURI());
        long snapshotId = loader.load(fixture, "test:ozps-bez-2023").snapshot().id();
        Path work = Files.createTempDirectory("ozps-bez-2023");
        Path resources = OzpsTestFiles.copyResource("zasoby-2025.yaml", work);
        result = service.run(2025, snapshotId, resources, work.resolve("out"), false, "test");
    }

    @Test
    void yearWithoutDataIsNoDataNotZero() {
        OzpsFigures figures = repository.loadFigures(result.jobInstanceId());
        assertThat(figures.hasData(2023)).isFalse();
        assertThat(figures.hasData(2024)).isTrue();
        assertThat(figures.value("10.3", "OBJETE_POMOCA", 2023, Measure.FAMILIES)).isNull();
        assertThat(figures.value("10.3", "OBJETE_POMOCA", 2025, Measure.FAMILIES)).isEqualByComparingTo("7");
        assertThat(figures.value("10.8", "OGOLEM", 2023, Measure.DECISIONS)).isNull();
    }

    @Test
    void xlsxShowsBrakDanychAndForecastsFromTwoYears() throws Exception {
        try (XSSFWorkbook workbook = OzpsTestFiles.workbook(file(result.files(), ".xlsx"))) {
            var families = workbook.getSheet("10.3 Osoby i rodziny");
            // 4, 7 → b = 3 → 10, 13
            assertThat(cells(row(families, "1. Rodziny objęte pomocą (świadczenia lub praca socjalna)")))
                    .containsExactly("brak danych", 4.0, 7.0, 10.0, 13.0);
            assertThat(cells(row(families, "5. świadczeniobiorcy"))).containsExactly("brak danych", 4.0, 6.0, 8.0, 10.0);
            assertThat(cells(row(workbook.getSheet("10.4 Powody"), "11. Bezrobocie — rodziny")))
                    .containsExactly("brak danych", 1.0, 0.0, 0.0, 0.0);
            assertThat(cells(row(workbook.getSheet("10.8 Odmowy"), "1. Decyzje odmowne ogółem")))
                    .containsExactly("brak danych", 1.0, 2.0, 3.0, 4.0);
            assertThat(cells(row(workbook.getSheet("10.2 Koszty i zasięg"), "2. Świadczeniobiorcy na 1 000 mieszkańców")))
                    .containsExactly("brak danych", 0.49, 0.73, 0.96, 1.19);
            var staff = workbook.getSheet("10.1 Kadra pracowników socj.");
            assertThat(cells(row(staff, "7. Rodziny objęte pracą socjalną na 1 etat pracownika socjalnego "
                    + "(norma: nie więcej niż 50)"))).containsExactly("brak danych", 0.5, 0.67, 0.67, 0.69);
            // fewer than 3 social workers in 2023: the norm is not met whatever the families
            assertThat(cells(row(staff, "10. Norma art. 110 ust. 11 ustawy o pomocy społecznej spełniona")))
                    .containsExactly("nie", "tak", "tak", "tak", "tak");
            // the resources file has 2023: chapter 2 is unaffected
            assertThat(cells(row(workbook.getSheet("2 Demografia i rynek pracy"), "1. Mieszkańcy ogółem")))
                    .containsExactly(8000.0, 8100.0, 8200.0, 8300.0, 8400.0);
        }
    }

    @Test
    void pdfAndFindingsNameTheMissingYear() throws Exception {
        assertThat(OzpsTestFiles.pdfText(file(result.files(), ".pdf"))).contains(
                "Migawka nie zawiera danych o świadczeniach, decyzjach ani pracy socjalnej za rok 2023", "brak danych");
        List<String> lines = OzpsTestFiles.findings(file(result.files(), "-wnioski.txt"));
        assertThat(lines.subList(2, 4)).containsExactly(
                "Tekst wygenerowany z liczb oceny zasobów pomocy społecznej za rok 2025; rok 2025 porównano z rokiem 2024.",
                "Brak danych o świadczeniach za rok 2023 — ten rok pominięto w porównaniach i w prognozie.");
        assertThat(lines).contains("- Liczba rodzin objętych pomocą wzrosła o 75,0% (z 4 do 7).",
                "- Według trendu liniowego liczba rodzin objętych pomocą wyniesie w 2026 r. ok. 10, a w 2027 r. ok. 13.");
    }
}
