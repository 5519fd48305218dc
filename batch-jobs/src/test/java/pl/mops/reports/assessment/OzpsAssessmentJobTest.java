package pl.mops.reports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pl.mops.reports.assessment.OzpsTestFiles.cells;
import static pl.mops.reports.assessment.OzpsTestFiles.file;
import static pl.mops.reports.assessment.OzpsTestFiles.row;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.assessment.OzpsFigures.Measure;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.support.DatabaseTest;

/**
 * The assessment job for 2025 on the hand-made set {@code src/test/resources/ozps/trzy-lata} (8 families,
 * 2023–2025) with {@code zasoby-2025.yaml}. Every expected number is worked out by hand in
 * {@code src/test/resources/ozps/README.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OzpsAssessmentJobTest extends DatabaseTest {

    private static final double[] NONE = {};

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    OzpsAssessmentService service;
    @Autowired
    OzpsRepository repository;
    @Autowired
    OzpsCommand command;
    @Autowired
    JdbcTemplate jdbc;

    long snapshotId;
    Path resources;
    Path work;
    OzpsAssessmentService.Result result;
    OzpsFigures figures;

    @BeforeAll
    void runJob() throws Exception {
        Path fixture = Path.of(getClass().getResource("/ozps/trzy-lata").toURI());
        snapshotId = loader.load(fixture, "test:ozps-trzy-lata").snapshot().id();
        work = Files.createTempDirectory("ozps-test");
        resources = OzpsTestFiles.copyResource("zasoby-2025.yaml", work);
        result = service.run(2025, snapshotId, resources, work.resolve("out"), false, "test");
        figures = repository.loadFigures(result.jobInstanceId());
    }

    @Test
    void familiesAndPersonsHelpedFollowTheCountingRules() {
        assertThat(result.reused()).isFalse();
        assertThat(figures.hasData(2023)).isTrue();
        // families, persons in families, recipients, benefits, amount — per year (README, table 10.3)
        assertStat("10.3", "OBJETE_POMOCA", 2023, 4, 8);
        assertStat("10.3", "OBJETE_POMOCA", 2024, 4, 7);
        assertStat("10.3", "OBJETE_POMOCA", 2025, 7, 11);
        assertStat("10.3", "SWIADCZENIA", 2023, 4, 8, 5, 25, "2510.00");
        assertStat("10.3", "SWIADCZENIA", 2024, 3, 6, 4, 57, "8376.00");
        assertStat("10.3", "SWIADCZENIA", 2025, 5, 8, 6, 106, "9040.00");
        assertStat("10.3", "PIENIEZNE", 2025, 3, 6, 3, 5, "3550.00");
        assertStat("10.3", "NIEPIENIEZNE", 2024, 2, 4, 2, 54, "7276.00");
        assertStat("10.3", "PRACA_SOCJALNA", 2024, 2, 3);     // F5 (size on 10 X: 1) + F1 (size on 10 VIII: 2)
        assertStat("10.3", "WYLACZNIE_PRACA_SOCJALNA", 2025, 2, 3); // F5 (1) + F4 (2 on 7 VII)
        assertStat("10.3", "KONTRAKT_SOCJALNY", 2023, 1, 3);
    }

    @Test
    void reasonsAreTheUnionOverDecisionsRealisedInTheYear() {
        assertStat("10.4", "OGOLEM", 2025, 4, 5);        // F3 was paid under D07 (ZMIANA, no reasons): no reason in 2025
        assertStat("10.4", "BEZROBOCIE", 2023, 2, 5);
        assertStat("10.4", "BEZROBOCIE", 2025, 0, 0);    // D09 has no realisation, D15 is a refusal
        assertStat("10.4", "CHOROBA", 2025, 2, 2);       // F2 (D05) and F8 (D14 of 2024, paid in 2025)
        assertStat("10.4", "ALKOHOLIZM", 2025, 0, 0);    // refusals count nowhere
        assertStat("10.4", "UBOSTWO", 2023, 2, 5);
    }

    @Test
    void benefitsAndRefusals() {
        assertThat(value("10.5", "ZASILEK_STALY", 2025, Measure.RECIPIENTS)).isEqualByComparingTo("1");
        assertThat(value("10.5", "ZASILEK_STALY", 2025, Measure.BENEFITS)).isEqualByComparingTo("3");
        assertThat(value("10.5", "ZASILEK_STALY", 2025, Measure.AMOUNT)).isEqualByComparingTo("2700.00");
        assertThat(value("10.5", "OGOLEM", 2023, Measure.RECIPIENTS)).isEqualByComparingTo("4");
        assertThat(value("10.6", "OGOLEM", 2024, Measure.RECIPIENTS)).isEqualByComparingTo("2");
        assertThat(value("10.6", "DPS", 2024, Measure.AMOUNT)).isEqualByComparingTo("6200.00");
        assertThat(value("10.6", "SCHRONIENIE", 2025, Measure.BENEFITS)).isEqualByComparingTo("59");
        assertThat(value("10.8", "OGOLEM", 2025, Measure.DECISIONS)).isEqualByComparingTo("2");
        assertThat(value("10.8", "OGOLEM", 2025, Measure.FAMILIES)).isEqualByComparingTo("1");
        assertThat(value("10.8", "ALKOHOLIZM", 2025, Measure.DECISIONS)).isEqualByComparingTo("2");
        assertThat(value("10.8", "OGOLEM", 2023, Measure.DECISIONS)).isEqualByComparingTo("0");
    }

    @Test
    void resourcesAreStoredWithTheRun() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ozps_resource WHERE job_instance_id = ?", Long.class,
                result.jobInstanceId())).isEqualTo((7 + 2 + 16 + 10 + 3 + 4) * 3L);
        assertThat(jdbc.queryForObject("""
                SELECT value IS NULL FROM ozps_resource WHERE job_instance_id = ? AND chapter = 'rynek_pracy'
                   AND position = 'bezrobotni_dlugotrwale' AND year = 2025""", Boolean.class, result.jobInstanceId())).isTrue();
        assertThat(jdbc.queryForObject("SELECT resources_sha256 FROM ozps_run WHERE job_instance_id = ?", String.class,
                result.jobInstanceId())).isEqualTo(result.parameters().resourcesSha256());
    }

    @Test
    void xlsxHasNumberedRowsNumbersAndBrakDanychAsText() throws Exception {
        try (XSSFWorkbook workbook = OzpsTestFiles.workbook(file(result.files(), ".xlsx"))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Opis");
            assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).stream().map(i -> workbook.getSheetAt(i).getSheetName()))
                    .containsExactly("2 Demografia i rynek pracy", "5 Zasoby instytucjonalne", "6 Kadra",
                            "7 Środki finansowe", "9 Organizacje pozarządowe", "10.1 Kadra pracowników socj.",
                            "10.2 Koszty i zasięg", "10.3 Osoby i rodziny", "10.4 Powody", "10.5 Świadczenia pieniężne",
                            "10.6 Usługi i niepieniężne", "10.8 Odmowy");
            Sheet demography = workbook.getSheet("2 Demografia i rynek pracy");
            assertThat(cells(row(demography, "1. Mieszkańcy ogółem"))).containsExactly(8000.0, 8100.0, 8200.0, 8300.0, 8400.0);
            assertThat(cells(row(demography, "10. Bezrobotni zarejestrowani ogółem")))
                    .containsExactly(300.0, 280.0, 250.0, 227.0, 202.0);
            assertThat(cells(row(demography, "11. w tym długotrwale"))).containsExactly(120.0, 110.0, "brak danych", 90.0, 80.0);
            assertThat(cells(row(workbook.getSheet("5 Zasoby instytucjonalne"), "2. Miejsca ogółem")))
                    .containsExactly(171.0, 174.0, 209.0, 223.0, 242.0);
            assertThat(cells(row(workbook.getSheet("6 Kadra"), "2. Zatrudnieni ogółem — etaty")))
                    .containsExactly(12.25, 14.5, 16.5, 18.67, 20.79);
            assertThat(cells(row(workbook.getSheet("7 Środki finansowe"),
                    "1. Wydatki ogółem (podane rozdziały działów 852, 853, 855)")))
                    .containsExactly(2080000.0, 2215000.5, 2300000.0, 2418333.5, 2528333.5);
            assertThat(cells(row(workbook.getSheet("9 Organizacje pozarządowe"), "4. Przeciętna kwota na umowę (zł)")))
                    .containsExactly(24000.0, 25000.0, 26250.06, 27777.85, 26818.27);
            Sheet staff = workbook.getSheet("10.1 Kadra pracowników socj.");
            assertThat(cells(row(staff, "4. Mieszkańcy na 1 etat pracownika socjalnego (norma: nie więcej niż 2 000)")))
                    .containsExactly(4000.0, 2025.0, 1822.22, 1383.33, 1158.62);
            assertThat(cells(row(staff, "10. Norma art. 110 ust. 11 ustawy o pomocy społecznej spełniona")))
                    .containsExactly("nie", "tak", "tak", "tak", "tak");
            assertThat(cells(row(workbook.getSheet("10.2 Koszty i zasięg"), "2. Świadczeniobiorcy na 1 000 mieszkańców")))
                    .containsExactly(0.63, 0.49, 0.73, 0.72, 0.83);
            assertThat(cells(row(workbook.getSheet("10.2 Koszty i zasięg"),
                    "5. Przeciętna kwota świadczeń na świadczeniobiorcę (zł)")))
                    .containsExactly(502.0, 2094.0, 1506.67, 2195.33, 2348.14);
            Sheet families = workbook.getSheet("10.3 Osoby i rodziny");
            assertThat(cells(row(families, "1. Rodziny objęte pomocą (świadczenia lub praca socjalna)")))
                    .containsExactly(4.0, 4.0, 7.0, 8.0, 10.0);
            assertThat(cells(row(families, "14. Rodziny objęte wyłącznie pracą socjalną")))
                    .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
            Sheet reasons = workbook.getSheet("10.4 Powody");
            assertThat(cells(row(reasons, "11. Bezrobocie — rodziny"))).containsExactly(2.0, 1.0, 0.0, 0.0, 0.0);
            assertThat(cells(row(reasons, "15. Długotrwała lub ciężka choroba — rodziny")))
                    .containsExactly(1.0, 1.0, 2.0, 2.0, 3.0);
            assertThat(cells(row(workbook.getSheet("10.5 Świadczenia pieniężne"), "6. kwota (zł)")))
                    .containsExactly(1400.0, 0.0, 2700.0, 2666.67, 3316.67);
            Sheet services = workbook.getSheet("10.6 Usługi i niepieniężne");
            assertThat(cells(row(services, "2. kwota (zł)"))).containsExactly(160.0, 7276.0, 5490.0, 9638.67, 12303.67);
            assertThat(cells(row(services, "7. liczba świadczeń"))).containsExactly(0.0, 0.0, 59.0, 79.0, 108.0);
            assertThat(cells(row(services, "20. kwota (zł)"))).containsExactly(0.0, 6200.0, 3300.0, 6466.67, 8116.67);
            Sheet refusals = workbook.getSheet("10.8 Odmowy");
            assertThat(cells(row(refusals, "1. Decyzje odmowne ogółem"))).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
            assertThat(cells(row(refusals, "23. Alkoholizm — decyzje odmowne"))).containsExactly(0.0, 0.0, 2.0, 3.0, 4.0);
            assertThat(cells(row(refusals, "24. rodziny"))).containsExactly(0.0, 0.0, 1.0, 1.0, 2.0);
        }
    }

    @Test
    void xlsxDrawsTheTrendChartsFromTheChaptersRowsWithTheForecastDashed() throws Exception {
        try (XSSFWorkbook workbook = OzpsTestFiles.workbook(file(result.files(), ".xlsx"))) {
            Map<String, List<String>> charts = new java.util.LinkedHashMap<>();
            for (Sheet sheet : workbook) {
                var drawing = ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getDrawingPatriarch();
                if (drawing != null) {
                    for (var chart : drawing.getCharts()) {
                        for (var data : chart.getChartSeries()) {
                            for (int s = 0; s < data.getSeriesCount(); s++) {
                                charts.computeIfAbsent(sheet.getSheetName(), k -> new ArrayList<>())
                                        .add(data.getSeries(s).getValuesData().getDataRangeReference());
                            }
                        }
                    }
                }
            }
            // the charts whose series are rows of their chapter's table (W10_4 to W10_6 are drawn in the PDF only)
            assertThat(charts.keySet()).containsExactly("2 Demografia i rynek pracy", "5 Zasoby instytucjonalne",
                    "6 Kadra", "7 Środki finansowe", "9 Organizacje pozarządowe", "10.1 Kadra pracowników socj.",
                    "10.2 Koszty i zasięg", "10.3 Osoby i rodziny", "10.8 Odmowy");
            // chapter 2: row 4 "1. Mieszkańcy ogółem", the years 2023–2025 and the forecast 2026–2027 in columns B–F
            assertThat(charts.get("2 Demografia i rynek pracy")).containsExactly("'2 Demografia i rynek pracy'!$B$4:$F$4");
            var chart = ((org.apache.poi.xssf.usermodel.XSSFSheet) workbook.getSheet("2 Demografia i rynek pracy"))
                    .getDrawingPatriarch().getCharts().get(0);
            var series = (org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.Series) chart.getChartSeries().get(0)
                    .getSeries(0);
            assertThat(series.getCategoryData().getDataRangeReference()).isEqualTo("'2 Demografia i rynek pracy'!$B$3:$F$3");
            assertThat(series.getCTLineSer().getTx().getStrRef().getF()).isEqualTo("'2 Demografia i rynek pracy'!$A$4");
            assertThat(series.getValuesData().getPointAt(4)).isEqualTo(8400.0);
            // the forecast years (points 3 and 4) dashed
            assertThat(series.getCTLineSer().getDPtList()).extracting(p -> p.getIdx().getVal()).containsExactly(3L, 4L);
            // chapter 5: row 5 "2. Miejsca ogółem"
            assertThat(charts.get("5 Zasoby instytucjonalne")).containsExactly("'5 Zasoby instytucjonalne'!$B$5:$F$5");
            // chapter 6: all staff in FTE (row 5) and the social workers' FTE (row 9, labelled "etaty" under its post:
            // the series keeps the PDF's name)
            Sheet staff = workbook.getSheet("6 Kadra");
            assertThat(charts.get("6 Kadra")).containsExactly("'6 Kadra'!$B$5:$F$5", "'6 Kadra'!$B$9:$F$9");
            assertThat(staff.getRow(4).getCell(0).getStringCellValue()).isEqualTo("2. Zatrudnieni ogółem — etaty");
            assertThat(staff.getRow(7).getCell(0).getStringCellValue()).startsWith("5. Pracownicy socjalni");
            assertThat(staff.getRow(8).getCell(0).getStringCellValue()).isEqualTo("6. etaty");
            var workers = (org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.Series)
                    ((org.apache.poi.xssf.usermodel.XSSFSheet) staff).getDrawingPatriarch().getCharts().get(0)
                            .getChartSeries().get(0).getSeries(1);
            assertThat(workers.getCTLineSer().getTx().getV()).isEqualTo("Pracownicy socjalni");
            assertThat(cells(staff.getRow(8))).containsExactly(workers.getValuesData().getPointAt(0),
                    workers.getValuesData().getPointAt(1), workers.getValuesData().getPointAt(2),
                    workers.getValuesData().getPointAt(3), workers.getValuesData().getPointAt(4));
        }
    }

    @Test
    void pdfHasTheTablesChartsAndMethod() throws Exception {
        String text = OzpsTestFiles.pdfText(file(result.files(), ".pdf"));
        assertThat(text).contains("Ocena zasobów pomocy społecznej za rok 2025",
                "Rozdział 2. Dane o sytuacji demograficznej i społecznej", "Rozdział 7. Środki finansowe",
                "10.3 Osoby i rodziny korzystające z pomocy i wsparcia", "10.8 Odmowy pomocy",
                "Mieszkańcy ogółem — trend i prognoza (linia przerywana)",
                "Rodziny objęte pomocą — trend i prognoza (linia przerywana)");
        assertThat(text).contains("8 300", "1 822,22", "2 418 333,50", "brak danych", "Strona 1 z ");
        assertThat(text).contains("metodą najmniejszych kwadratów", "art. 110 ust. 11", "od 1 stycznia 2015 r.");
    }

    @Test
    void findingsAreGeneratedFromTheNumbersInPolish() throws Exception {
        assertThat(OzpsTestFiles.findings(file(result.files(), "-wnioski.txt"))).containsExactly(
                "Ocena zasobów pomocy społecznej za rok 2025 — wnioski z danych",
                "Miejski Ośrodek Pomocy Społecznej w Krakowie",
                "Tekst wygenerowany z liczb oceny zasobów pomocy społecznej za rok 2025; rok 2025 porównano z rokiem 2024.",
                "",
                "1. Osoby i rodziny objęte pomocą",
                "- W 2025 r. pomocą (świadczenia lub praca socjalna) objęto 7 rodzin (w 2024 r. — 4).",
                "- Liczba rodzin objętych pomocą wzrosła o 75,0% (z 4 do 7).",
                "- Liczba świadczeniobiorców wzrosła o 50,0% (z 4 do 6).",
                "- Liczba rodzin objętych pracą socjalną wzrosła o 50,0% (z 2 do 3).",
                "- Wskaźnik świadczeniobiorców na 1 000 mieszkańców: 0,73 (w 2024 r.: 0,49).",
                "- Przeciętna kwota świadczeń na świadczeniobiorcę: 1 506,67 zł (w 2024 r.: 2 094,00 zł); na rodzinę: 1 808,00 zł.",
                "",
                "2. Powody przyznania pomocy — największe zmiany (liczba rodzin)",
                "- Z powodu bezdomności pomocą objęto 1 rodzinę (w 2024 r. — żadnej).",
                "- Liczba rodzin objętych pomocą z powodu długotrwałej lub ciężkiej choroby wzrosła o 100,0% (z 1 do 2).",
                "- Liczba rodzin objętych pomocą z powodu bezrobocia spadła o 100,0% (z 1 do 0).",
                "- Liczba rodzin objętych pomocą z powodu bezradności w sprawach opiekuńczo-wychowawczych i prowadzenia "
                        + "gospodarstwa domowego spadła o 100,0% (z 1 do 0).",
                "",
                "3. Świadczenia — największe zmiany",
                "- Liczba świadczeniobiorców zasiłku stałego wzrosła z 0 do 1.",
                "- Liczba świadczeniobiorców pomocy w formie schronienia wzrosła z 0 do 1.",
                "- Kwota zasiłku stałego wzrosła z 0,00 zł do 2 700,00 zł.",
                "- Kwota pomocy w formie schronienia wzrosła z 0,00 zł do 1 180,00 zł.",
                "- Kwota zasiłku celowego wzrosła o 75,0% (z 200,00 zł do 350,00 zł).",
                "- Kwota pobytu w domu pomocy społecznej opłacanego przez gminę spadła o 46,8% (z 6 200,00 zł do 3 300,00 zł).",
                "- Kwota zasiłku okresowego spadła o 44,4% (z 900,00 zł do 500,00 zł).",
                "- Kwota usług opiekuńczych spadła o 11,1% (z 900,00 zł do 800,00 zł).",
                "- Kwota świadczeń pieniężnych ogółem wzrosła o 222,7% (z 1 100,00 zł do 3 550,00 zł).",
                "",
                "4. Odmowy",
                "- W 2025 r. wydano 2 decyzje odmowne (w 2024 r. — 1).",
                "",
                "5. Kadra pracowników socjalnych (art. 110 ust. 11 ustawy o pomocy społecznej)",
                "- Na 1 etat pracownika socjalnego przypadało 1 822 mieszkańców — nie więcej niż 2 000, w normie.",
                "- Na 1 etat pracownika socjalnego przypadało 0,67 rodziny objętej pracą socjalną — nie więcej niż 50, w normie.",
                "- Norma zatrudnienia pracowników socjalnych w 2025 r. jest spełniona.",
                "",
                "6. Prognoza",
                "- Według trendu liniowego liczba rodzin objętych pomocą wyniesie w 2026 r. ok. 8, a w 2027 r. ok. 10.");
    }

    @Test
    void sameInputsReuseTheRunAndRerunGivesByteIdenticalFiles() throws Exception {
        OzpsAssessmentService.Result again = service.run(2025, snapshotId, resources, work.resolve("elsewhere"), false, "test");
        assertThat(again.reused()).isTrue();
        assertThat(again.jobInstanceId()).isEqualTo(result.jobInstanceId());
        assertThat(again.files()).extracting(f -> f.path().getFileName().toString()).containsExactlyInAnyOrder(
                result.parameters().baseFileName() + ".xlsx", result.parameters().baseFileName() + ".pdf",
                result.parameters().baseFileName() + "-wnioski.txt", result.parameters().baseFileName() + "-paczka.zip");

        OzpsAssessmentService.Result rerun = service.run(2025, snapshotId, resources, work.resolve("out"), true, "test");
        assertThat(rerun.reused()).isFalse();
        assertThat(rerun.parameters().version()).isGreaterThan(result.parameters().version());
        assertThat(rerun.parameters().baseFileName()).isEqualTo("ozps-2025-v" + rerun.parameters().version());
        for (String suffix : List.of(".xlsx", ".pdf", "-wnioski.txt")) {
            Path first = file(result.files(), suffix);
            Path second = file(rerun.files(), suffix);
            assertThat(second).isNotEqualTo(first);
            assertThat(Files.readAllBytes(second)).as(suffix).isEqualTo(Files.readAllBytes(first));
        }
        // the documents; the auditors' package differs by its manifest (run times and id) by design
        assertThat(rerun.files().stream().filter(f -> !f.path().toString().endsWith("-paczka.zip")))
                .extracting(WrittenFile::sha256).containsExactlyElementsOf(result.files().stream()
                        .filter(f -> !f.path().toString().endsWith("-paczka.zip")).map(WrittenFile::sha256).toList());
    }

    @Test
    void csvResourcesGiveTheSameFigures() throws Exception {
        Path csv = OzpsTestFiles.copyResource("zasoby-2025.csv", work);
        OzpsAssessmentService.Result fromCsv = service.run(2025, snapshotId, csv, work.resolve("csv"), false, "test");
        assertThat(fromCsv.jobInstanceId()).isNotEqualTo(result.jobInstanceId()); // another file, another run
        try (XSSFWorkbook workbook = OzpsTestFiles.workbook(file(fromCsv.files(), ".xlsx"))) {
            assertThat(cells(row(workbook.getSheet("10.1 Kadra pracowników socj."),
                    "4. Mieszkańcy na 1 etat pracownika socjalnego (norma: nie więcej niż 2 000)")))
                    .containsExactly(4000.0, 2025.0, 1822.22, 1383.33, 1158.62);
        }
    }

    @Test
    void failedRunRestartsFromTheFailedStep() throws Exception {
        // another resources file (one more comment line): another job instance
        Path other = work.resolve("zasoby-2025-b.yaml");
        Files.writeString(other, Files.readString(resources) + "# druga wersja pliku\n");
        Path first = work.resolve("pierwszy");
        // the PDF cannot be written (the test hook fails the write as a full disk would): rendering fails
        System.setProperty("mops.test.brak-miejsca", ".pdf");
        try {
            assertThatThrownBy(() -> service.run(2025, snapshotId, other, first, false, "test"))
                    .isInstanceOf(UserError.class);
        } finally {
            System.clearProperty("mops.test.brak-miejsca");
        }

        // resumed with another folder: the folder is not part of what makes the run the same
        Path second = work.resolve("drugi");
        OzpsAssessmentService.Result restarted = service.run(2025, snapshotId, other, second, false, "test");
        assertThat(restarted.reused()).isFalse();
        assertThat(restarted.files()).hasSize(4).allSatisfy(f -> assertThat(f.path()).startsWith(second));
        assertThat(jdbc.queryForList("""
                SELECT s.step_name FROM batch_step_execution s
                  JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                 WHERE e.job_instance_id = ? ORDER BY s.step_execution_id""", String.class, restarted.jobInstanceId()))
                .containsExactly("ozpsResources", "ozpsAggregation", "ozpsRendering", "ozpsRendering");
        assertThat(repository.loadFigures(restarted.jobInstanceId()).value("10.3", "OBJETE_POMOCA", 2025, Measure.FAMILIES))
                .isEqualByComparingTo("7");
    }

    @Test
    void invalidResourcesStartNoJob() throws Exception {
        Path bad = OzpsTestFiles.copyResource("zasoby-bledne-2025.yaml", Files.createTempDirectory("ozps-bad"));
        long instances = jdbc.queryForObject("SELECT count(*) FROM batch_job_instance WHERE job_name = 'ozpsAssessment'",
                Long.class);
        assertThatThrownBy(() -> service.run(2025, snapshotId, bad, work.resolve("bad"), false, "test"))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("Plik zasobów zasoby-bledne-2025.yaml zawiera 12 błędów:");
                });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_instance WHERE job_name = 'ozpsAssessment'",
                Long.class)).isEqualTo(instances);
        assertThatThrownBy(() -> service.run(2025, snapshotId, work.resolve("nie-ma.yaml"), null, false, "test"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.getMessage()).contains("ozps template --year 2025"));
    }

    @Test
    void templateIsCommentedPrefilledAndNeverOverwritten() throws Exception {
        Path dir = Files.createTempDirectory("ozps-template");
        Path template = command.write(2025, dir, snapshotId);
        assertThat(template.getFileName().toString()).isEqualTo("zasoby-2025.yaml");
        String text = Files.readString(template).replace('\u00A0', ' ');
        assertThat(text).contains("rok: 2025", "# Rozdział 2. Dane o sytuacji demograficznej",
                "  # TODO: kobiety w wieku 0–17 lat", "wartość nieznaną wpisz jako: brak danych",
                "#   2025: rodziny objęte pomocą 7 (osoby w rodzinach 11), świadczeniobiorcy 6, "
                        + "rodziny objęte pracą socjalną 3",
                "  # 2025: w config/ludnosc-dzielnic.csv nie ma tego roku; najbliższy, 2019: 709 400",
                "  #   2025: rodziny objęte pracą socjalną 3 → co najmniej 0,06 etatu wg rodzin",
                "  \"85202\":   # Domy pomocy społecznej");
        // an unfilled template never passes as zeros: every empty value is reported
        assertThatThrownBy(() -> pl.mops.reports.assessment.resources.ResourcesReader.read(template, 2025))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    List<String> problems = List.of(e.getMessage().split("\n")).subList(1, e.getMessage().split("\n").length);
                    assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).contains("brak wartości"));
                    assertThat(problems).hasSize((7 + 2 + 16 + 10 + 3 + OzpsTemplate.BUDGET_EXAMPLES.size()) * 3);
                });
        assertThatThrownBy(() -> command.write(2025, dir, snapshotId))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.getMessage()).contains("już istnieje"));
    }

    private BigDecimal value(String table, String row, int year, Measure measure) {
        return figures.value(table, row, year, measure);
    }

    private void assertStat(String table, String row, int year, long families, long persons) {
        assertThat(value(table, row, year, Measure.FAMILIES)).as(table + " " + row + " " + year + " rodziny")
                .isEqualByComparingTo(BigDecimal.valueOf(families));
        assertThat(value(table, row, year, Measure.PERSONS)).as(table + " " + row + " " + year + " osoby")
                .isEqualByComparingTo(BigDecimal.valueOf(persons));
    }

    private void assertStat(String table, String row, int year, long families, long persons, long recipients,
                            long benefits, String amount) {
        assertStat(table, row, year, families, persons);
        assertThat(value(table, row, year, Measure.RECIPIENTS)).as("świadczeniobiorcy").isEqualByComparingTo(
                BigDecimal.valueOf(recipients));
        assertThat(value(table, row, year, Measure.BENEFITS)).as("świadczenia").isEqualByComparingTo(
                BigDecimal.valueOf(benefits));
        assertThat(value(table, row, year, Measure.AMOUNT)).as("kwota").isEqualByComparingTo(amount);
    }
}
