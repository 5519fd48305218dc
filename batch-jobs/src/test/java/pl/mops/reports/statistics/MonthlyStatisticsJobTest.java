package pl.mops.reports.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.support.DatabaseTest;

/**
 * The monthly job on the hand-made set of {@code src/test/resources/statistics/monthly-small}
 * (month 2025-03). Every expected number below was worked out by hand from the CSV files:
 *
 * <pre>
 * family  district  members on its last realisation date in III 2025      realisations III 2025
 * F1      I         P1, P2, P3 (31 III)                      = 3           S01 P1 500, S02 P3 meals 20 = 200
 * F2      I         P4 (31 III)                              = 1           S03 P4 900, S04 P4 hours 30 = 1050
 * F3      II        P5, P6, P7 (P7 born 10 III; 31 III)      = 3           S05 P5 300, S06 P6 meals 22 = 220
 * F4      XIV       P8, P9 (P9 leaves 15 III; 14 III)        = 2           S07 P8 400
 * month:  families 4, persons 9, recipients {P1,P3,P4,P5,P6,P8} = 6 (P4 got two forms), benefits 76, 3 570.00 zł
 * I–III:  + S08 500, S09 500, S10 900, S11 900, S12 400, S13 150.50 → benefits 82, 6 920.50 zł, same families
 * III 2024: S14 (F1, P1 450) → 1 family, 3 persons, 1 recipient, 450 zł; I–III 2024: + S15 450 → 2 benefits, 900 zł
 * reasons III 2025: F1 UBOSTWO+BEZROBOCIE (D1), F2 CHOROBA (D2; D7 has none), F3 UBOSTWO (D3)+BEZRADNOSC (D4),
 *                   F4 NIEPELNOSPRAWNOSC (D5; the refusal D6 ALKOHOLIZM counts nowhere)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyStatisticsJobTest extends DatabaseTest {

    private static final YearMonth MARCH = YearMonth.of(2025, 3);

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    MonthlyStatisticsService service;
    @Autowired
    pl.mops.reports.runs.ProgressBoard progressBoard;
    @Autowired
    org.springframework.batch.core.repository.JobRepository jobRepository;
    @Autowired
    MonthlyFiguresRepository figuresRepository;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path out;

    long snapshotId;
    MonthlyStatisticsService.Result result;
    MonthlyFigures figures;

    @BeforeAll
    void runJob() throws Exception {
        Path fixture = Path.of(getClass().getResource("/statistics/monthly-small").toURI());
        snapshotId = loader.load(fixture, "test:monthly-small").snapshot().id();
        Path dir = Files.createTempDirectory("monthly-out");
        result = service.run(MARCH, snapshotId, dir, false, "test");
        figures = figuresRepository.load(result.jobInstanceId());
    }

    @Test
    void everyStepIsReportedOnceToTheProgressBoardInOrder() {
        long execution = jobRepository.getLastJobExecution(jobRepository.getJobInstance(result.jobInstanceId())).getId();
        assertThat(progressBoard.of(execution)).extracting(p -> p.phase() + " " + p.description() + " " + p.status())
                .containsExactly(
                        "JOB_STARTED statystyka miesięczna STARTED",
                        "STEP_STARTED agregacja w bazie (GROUPING SETS) STARTED",
                        "STEP_FINISHED agregacja w bazie (GROUPING SETS) COMPLETED",
                        "STEP_STARTED tworzenie plików XLSX, PDF i CSV STARTED",
                        "STEP_FINISHED tworzenie plików XLSX, PDF i CSV COMPLETED",
                        "JOB_FINISHED statystyka miesięczna COMPLETED");
        assertThat(progressBoard.of(execution).get(0).launchedBy()).isEqualTo("test");
    }

    @Test
    void cityCountsAreDistinctAndYearToDate() {
        assertThat(result.reused()).isFalse();
        assertMeasures(figures.city("M"), 4, 9, 6, 76, "3570.00");
        assertMeasures(figures.city("YTD"), 4, 9, 6, 82, "6920.50");
        assertMeasures(figures.city("M_PY"), 1, 3, 1, 1, "450.00");
        assertMeasures(figures.city("YTD_PY"), 1, 3, 1, 2, "900.00");
    }

    @Test
    void districtsAndBranches() {
        assertMeasures(figures.district("M", "I"), 2, 4, 3, 52, "2650.00");
        assertMeasures(figures.district("M", "II"), 1, 3, 2, 23, "520.00");
        assertMeasures(figures.district("M", "XIV"), 1, 2, 1, 1, "400.00");
        assertMeasures(figures.district("M", "V"), 0, 0, 0, 0, "0.00");
        assertMeasures(figures.district("YTD", "I"), 2, 4, 3, 56, "5450.00");
        assertMeasures(figures.district("YTD", "II"), 1, 3, 2, 24, "670.50");
        assertMeasures(figures.branch("M", "F6"), 3, 7, 5, 75, "3170.00");
        assertMeasures(figures.branch("M", "F1"), 1, 2, 1, 1, "400.00");
    }

    @Test
    void formsCountRecipientsOncePerForm() {
        // ZASILEK_OKRESOWY in III: P1 (F1, 3 persons) 500 + P8 (F4, 2 persons) 400
        assertMeasures(figures.form("M", "ZASILEK_OKRESOWY"), 2, 5, 2, 2, "900.00");
        assertMeasures(figures.form("M", "POSILEK"), 2, 6, 2, 42, "420.00");
        assertMeasures(figures.form("M", "USLUGI_OPIEKUNCZE"), 1, 1, 1, 30, "1050.00");
        assertMeasures(figures.formInDistrict("M", "ZASILEK_STALY", "I"), 1, 1, 1, 1, "900.00");
        // P4 has two forms: the sum over forms (7) exceeds the distinct city count (6)
        long sumOverForms = List.of("ZASILEK_OKRESOWY", "POSILEK", "ZASILEK_STALY", "USLUGI_OPIEKUNCZE", "ZASILEK_CELOWY")
                .stream().mapToLong(f -> figures.form("M", f).recipients()).sum();
        assertThat(sumOverForms).isEqualTo(7);
    }

    @Test
    void reasonsAreTheUnionOverRealisedDecisions() {
        assertThat(figures.reason("M", "UBOSTWO").families()).isEqualTo(2);
        assertThat(figures.reason("M", "UBOSTWO").personsInFamilies()).isEqualTo(6);
        assertThat(figures.reason("M", "BEZROBOCIE").families()).isEqualTo(1);
        assertThat(figures.reason("M", "CHOROBA").families()).isEqualTo(1);
        assertThat(figures.reason("M", "BEZRADNOSC").families()).isEqualTo(1);
        assertThat(figures.reason("M", "NIEPELNOSPRAWNOSC").families()).isEqualTo(1);
        assertThat(figures.reason("M", "ALKOHOLIZM").families()).isZero();
        assertThat(figures.reasonInDistrict("M", "UBOSTWO", "I").families()).isEqualTo(1);
        assertThat(figures.reasonInDistrict("M", "UBOSTWO", "II").families()).isEqualTo(1);
        assertThat(figures.reasonInDistrict("M", "NIEPELNOSPRAWNOSC", "XIV").families()).isEqualTo(1);
    }

    @Test
    void trendMonthByMonth() {
        assertMeasures(figures.city("T01"), 2, 4, 2, 2, "1400.00");
        assertMeasures(figures.city("T02"), 4, 8, 4, 4, "1950.50"); // F3 on 25 II: P5, P6 = 2 persons
        assertMeasures(figures.city("T03"), 4, 9, 6, 76, "3570.00");
        assertMeasures(figures.city("P01"), 1, 3, 1, 1, "450.00");
        assertMeasures(figures.city("P02"), 0, 0, 0, 0, "0.00");
    }

    @Test
    void xlsxHasTheNumbersAsNumericCells() throws Exception {
        Path xlsx = file(".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Opis");
            Sheet districts = workbook.getSheet("2 Dzielnice");
            assertThat(districts.getPaneInformation().isFreezePane()).isTrue();
            Row stareMiasto = rowLabelled(districts, "I Stare Miasto");
            // rodziny, osoby, świadczeniobiorcy, świadczenia, kwota, na 1000 (month), then the same I–III
            assertThat(numbers(stareMiasto, 6)).containsExactly(2.0, 4.0, 3.0, 52.0, 2650.0, 0.10);
            assertThat(stareMiasto.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Row total = rowLabelled(districts, "Ogółem (bez powtórzeń)");
            assertThat(numbers(total, 5)).containsExactly(4.0, 9.0, 6.0, 76.0, 3570.0);

            Row families = rowLabelled(workbook.getSheet("1 Miasto"), "Rodziny");
            // III 2025, III 2024, change, change % (+300 % stored as the fraction 3.0), I–III 2025, I–III 2024, …
            assertThat(numbers(families, 8)).containsExactly(4.0, 1.0, 3.0, 3.0, 4.0, 1.0, 3.0, 3.0);
            assertThat(families.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            Row amount = rowLabelled(workbook.getSheet("1 Miasto"), "Kwota świadczeń (zł)");
            assertThat(numbers(amount, 4)).containsExactly(3570.0, 450.0, 3120.0, 6.933); // +693,3 %

            Row poverty = rowLabelled(workbook.getSheet("4 Powody x dzielnice"), "Ubóstwo");
            assertThat(poverty.getCell(1).getNumericCellValue()).isEqualTo(1.0);  // I
            assertThat(poverty.getCell(2).getNumericCellValue()).isEqualTo(1.0);  // II
            assertThat(poverty.getCell(19).getNumericCellValue()).isEqualTo(2.0); // Ogółem

            Row plan = rowLabelled(workbook.getSheet("7 Wykonanie planu"), "Zasiłek okresowy");
            assertThat(numbers(plan, 3)).containsExactly(10000.0, 2300.0, 0.23); // 23,0 % of the plan
            Row planTotal = rowLabelled(workbook.getSheet("7 Wykonanie planu"), "Ogółem");
            assertThat(numbers(planTotal, 3)).containsExactly(22000.0, 6920.5, 0.315);
        }
    }

    @Test
    void csvIsLongFormWithBom() throws Exception {
        byte[] bytes = Files.readAllBytes(file(".csv"));
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("okres;tabela;wymiar;klucz;miara;wartosc");
        assertThat(lines).contains(
                "2025-03;T1;miara;rodziny;miesiac;4",
                "2025-03;T1;miara;kwota;narastajaco;6920,50",
                "2025-03;T1;miara;kwota;miesiac_zmiana_proc;693,3",
                "2025-03;T2;dzielnica;I;swiadczeniobiorcy_m;3",
                "2025-03;T2;dzielnica;II;kwota_n;670,50",
                "2025-03;T4;powod;UBOSTWO;OGOLEM;2",
                "2025-03;T6;miesiac;02;kwota;1950,50");
    }

    @Test
    void everyTableIsAlsoAWideCsvWithLabelsThatPolishExcelOpensAsATable() throws Exception {
        List<String> tables = List.of("T1", "T2", "T3", "T4", "T4N", "T5", "T6", "T7");
        for (String table : tables) {
            byte[] bytes = Files.readAllBytes(file("-tabela-" + table + ".csv"));
            assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as(table).containsExactly(0xEF, 0xBB, 0xBF);
        }
        List<CSVRecord> city = wide("T1");
        assertThat(city.get(0).toList()).containsExactly("Miara", "marzec 2025", "marzec 2024", "zmiana, marzec 2025",
                "zmiana, marzec 2025 (%)", "I–III 2025", "I–III 2024", "zmiana, I–III 2025", "zmiana, I–III 2025 (%)");
        // 3 570.00 zł now and 450.00 zł in III 2024: +3 120.00 zł = +693.3 %; I–III: 6 920.50 against 900.00 zł,
        // +6 020.50 zł = +668.9 %
        assertThat(row(city, "Kwota świadczeń (zł)")).containsExactly("Kwota świadczeń (zł)", "3570,00", "450,00",
                "3120,00", "693,3", "6920,50", "900,00", "6020,50", "668,9");
        assertThat(row(city, "Rodziny")).containsExactly("Rodziny", "4", "1", "3", "300,0", "4", "1", "3", "300,0");
        assertThat(wide("T2").get(0).toList()).contains("Dzielnica", "Kwota (zł) I–III 2025");
        // the plan: 10 000 zł, 2 300 zł paid, 23.0 %
        List<CSVRecord> plan = wide("T7");
        assertThat(plan.get(0).toList()).contains("Plan 2025 (zł)", "Wykonanie I–III 2025 (zł)", "% planu");
        assertThat(row(plan, "Zasiłek okresowy")).containsExactly("Zasiłek okresowy", "10000,00", "2300,00", "23,0");
    }

    @Test
    void theWideCsvsAreRecordedWithTheRunAndInTheAuditorsPackage() throws Exception {
        List<String> recorded = jdbc.queryForList("SELECT path FROM run_file WHERE job_instance_id = ?", String.class,
                result.jobInstanceId()).stream().map(p -> Path.of(p).getFileName().toString()).toList();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file("-paczka.zip").toFile())) {
            for (String table : List.of("T1", "T2", "T3", "T4", "T4N", "T5", "T6", "T7")) {
                String name = "statystyka-2025-03-tabela-" + table + ".csv";
                assertThat(recorded).contains(name);
                assertThat(zip.getInputStream(zip.getEntry(name)).readAllBytes()).as(name)
                        .isEqualTo(Files.readAllBytes(file("-tabela-" + table + ".csv")));
            }
        }
    }

    private List<CSVRecord> wide(String table) throws Exception {
        String text = new String(Files.readAllBytes(file("-tabela-" + table + ".csv")), StandardCharsets.UTF_8);
        return CSVFormat.EXCEL.builder().setDelimiter(';').get().parse(new java.io.StringReader(text.substring(1)))
                .getRecords();
    }

    private static List<String> row(List<CSVRecord> records, String label) {
        return records.stream().filter(r -> r.get(0).equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + records)).toList();
    }

    @Test
    void pdfHasPolishLettersAndTheNumbers() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(file(".pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00A0', ' ');
            assertThat(text).contains("Statystyka miesięczna pomocy społecznej", "marzec 2025", "Łagiewniki-Borek Fałęcki",
                    "Bieżanów-Prokocim", "Świadczeniobiorcy", "Ubóstwo");
            assertThat(text).contains("3 570,00", "6 920,50", "693,3");
        }
    }

    @Test
    void sameMonthAndSnapshotReusesTheRunAndRerunMakesVersionTwo() throws Exception {
        MonthlyStatisticsService.Result again = service.run(MARCH, snapshotId, out, false, "test");
        assertThat(again.reused()).isTrue();
        assertThat(again.jobInstanceId()).isEqualTo(result.jobInstanceId());
        assertThat(again.files()).extracting(f -> f.path().getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(withTables("statystyka-2025-03", "statystyka-2025-03.xlsx",
                        "statystyka-2025-03.pdf", "statystyka-2025-03.csv", "statystyka-2025.xlsx",
                        "statystyka-2025-03-paczka.zip"));

        MonthlyStatisticsService.Result rerun = service.run(MARCH, snapshotId, out, true, "test");
        assertThat(rerun.reused()).isFalse();
        assertThat(rerun.parameters().version()).isEqualTo(2);
        assertThat(rerun.files()).extracting(f -> f.path().getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(withTables("statystyka-2025-03-v2", "statystyka-2025-03-v2.xlsx",
                        "statystyka-2025-03-v2.pdf", "statystyka-2025-03-v2.csv", "statystyka-2025-v2.xlsx",
                        "statystyka-2025-03-v2-paczka.zip"));
        assertMeasures(figuresRepository.load(rerun.jobInstanceId()).city("M"), 4, 9, 6, 76, "3570.00");
        // the long-form CSV of the two versions carries the same numbers
        assertThat(Files.readAllBytes(rerun.files().stream()
                .filter(f -> f.path().getFileName().toString().equals("statystyka-2025-03-v2.csv"))
                .findFirst().orElseThrow().path())).isEqualTo(Files.readAllBytes(file(".csv")));
        // and so do the wide ones, byte for byte
        for (String table : List.of("T1", "T2", "T3", "T4", "T4N", "T5", "T6", "T7")) {
            String suffix = "-tabela-" + table + ".csv";
            assertThat(Files.readAllBytes(rerun.files().stream().map(f -> f.path())
                    .filter(p -> p.getFileName().toString().equals("statystyka-2025-03-v2" + suffix)).findFirst()
                    .orElseThrow())).as(suffix).isEqualTo(Files.readAllBytes(file(suffix)));
        }
    }

    @Test
    void failedRunRestartsFromTheFailedStepInTheFolderGivenNowAndLeavesNoPartialFiles() throws Exception {
        YearMonth february = YearMonth.of(2025, 2);
        Path first = out.resolve("first");
        // the PDF cannot be written (the test hook fails the write as a full disk would): rendering fails; ".pdf", not
        // "statystyka-2025-02.pdf": the version (-vN in the name) counts the month's runs of every snapshot, and another
        // test class may have computed 2025-02 before
        System.setProperty("mops.test.brak-miejsca", ".pdf");
        try {
            assertThatThrownBy(() -> service.run(february, snapshotId, first, false, "test")).isInstanceOf(UserError.class);
        } finally {
            System.clearProperty("mops.test.brak-miejsca");
        }
        assertThat(Files.list(first).map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                .as("no temporary file, and no document of a set that could not be written whole")
                .noneMatch(name -> name.endsWith(".tmp") || name.endsWith(".pdf") || name.endsWith(".xlsx")
                        || name.endsWith(".csv"));

        // the folder is not part of what makes the run the same: the resumed run writes where it is told now
        Path second = out.resolve("second");
        MonthlyStatisticsService.Result restarted = service.run(february, snapshotId, second, false, "test");
        assertThat(restarted.reused()).isFalse();
        // XLSX, PDF, the long CSV, 8 wide CSVs (tables 1–7 and 4a), the year's workbook and the auditors' package
        assertThat(restarted.files()).hasSize(5 + 8).allSatisfy(f -> assertThat(f.path()).startsWith(second));
        assertThat(restarted.parameters().outputDir()).isEqualTo(second.toAbsolutePath().normalize());
        assertThat(Files.list(second).map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                .noneMatch(name -> name.endsWith(".tmp"));
        Map<String, Object> steps = jdbc.queryForMap("""
                SELECT count(*) FILTER (WHERE s.step_name = 'monthlyAggregation') AS aggregations,
                       count(*) FILTER (WHERE s.step_name = 'monthlyRendering') AS renderings
                  FROM batch_step_execution s JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                 WHERE e.job_instance_id = ?""", restarted.jobInstanceId());
        assertThat(steps).containsEntry("aggregations", 1L).containsEntry("renderings", 2L);
        assertMeasures(figuresRepository.load(restarted.jobInstanceId()).city("M"), 4, 8, 4, 4, "1950.50");
    }

    @Test
    void theWorkbookPrintsOnA4AndDrawsThePdfsChartsFromItsOwnCells() throws Exception {
        try (InputStream in = Files.newInputStream(file(".xlsx")); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                pl.mops.reports.support.PrintedSheets.assertA4OnePageWide(sheet,
                        "Statystyka miesięczna pomocy społecznej — marzec 2025");
            }
            // table 1 (46 + 8 columns of 14 or 16 characters) is wider than a portrait page
            assertThat(workbook.getSheet("1 Miasto").getPrintSetup().getLandscape()).isTrue();
            assertThat(workbook.getSheet("1 Miasto").getRepeatingRows())
                    .isEqualTo(new org.apache.poi.ss.util.CellRangeAddress(0, 2, -1, -1));
            assertThat(workbook.getSheet("7 Wykonanie planu").getPrintSetup().getLandscape()).isFalse();

            // W1 and W2 under table 2: the 18 districts are rows 4–21, families of March column B, per 1000 column G
            List<org.apache.poi.xssf.usermodel.XSSFChart> districtCharts = workbook.getSheet("2 Dzielnice")
                    .getDrawingPatriarch().getCharts();
            assertThat(districtCharts).hasSize(2);
            var families = districtCharts.get(0).getChartSeries().get(0).getSeries(0);
            assertThat(families.getCategoryData().getDataRangeReference()).isEqualTo("'2 Dzielnice'!$A$4:$A$21");
            assertThat(families.getValuesData().getDataRangeReference()).isEqualTo("'2 Dzielnice'!$B$4:$B$21");
            assertThat(families.getValuesData().getPointAt(0)).as("I Stare Miasto: 2 families").isEqualTo(2.0);
            assertThat(districtCharts.get(1).getChartSeries().get(0).getSeries(0).getValuesData()
                    .getDataRangeReference()).isEqualTo("'2 Dzielnice'!$G$4:$G$21");
            // W3 and W4 under table 6: months I–III in rows 4–6; families 2025 (B) and 2024 (C), amounts (F, G)
            List<org.apache.poi.xssf.usermodel.XSSFChart> trendCharts = workbook.getSheet("6 Trend")
                    .getDrawingPatriarch().getCharts();
            assertThat(trendCharts).hasSize(2);
            var familiesTrend = trendCharts.get(0).getChartSeries().get(0);
            assertThat(familiesTrend.getSeries(0).getValuesData().getDataRangeReference()).isEqualTo("'6 Trend'!$B$4:$B$6");
            assertThat(familiesTrend.getSeries(1).getValuesData().getDataRangeReference()).isEqualTo("'6 Trend'!$C$4:$C$6");
            assertThat(familiesTrend.getSeries(0).getValuesData().getPointAt(2)).as("March 2025").isEqualTo(4.0);
            var amountTrend = trendCharts.get(1).getChartSeries().get(0);
            assertThat(amountTrend.getSeries(0).getValuesData().getDataRangeReference()).isEqualTo("'6 Trend'!$F$4:$F$6");
            assertThat(amountTrend.getSeries(1).getValuesData().getDataRangeReference()).isEqualTo("'6 Trend'!$G$4:$G$6");
            assertThat(amountTrend.getSeries(0).getCategoryData().getDataRangeReference()).isEqualTo("'6 Trend'!$A$4:$A$6");
        }
    }

    /** the names of a run's files: the given ones and the wide CSV of each of the 8 tables */
    private static List<String> withTables(String base, String... names) {
        List<String> all = new java.util.ArrayList<>(List.of(names));
        for (String table : List.of("T1", "T2", "T3", "T4", "T4N", "T5", "T6", "T7")) {
            all.add(base + "-tabela-" + table + ".csv");
        }
        return all;
    }

    /** the run's file named by its base name and this suffix ({@code .csv}: the long CSV, not a table's) */
    private Path file(String extension) {
        String name = result.parameters().baseFileName() + extension;
        return result.files().stream().map(f -> f.path()).filter(p -> p.getFileName().toString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + result.files()));
    }

    private static Row rowLabelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row \"" + label + "\" in sheet " + sheet.getSheetName());
    }

    private static List<Double> numbers(Row row, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> row.getCell(i).getNumericCellValue()).toList();
    }

    private static void assertMeasures(Measures m, long families, long persons, long recipients, long benefits, String amount) {
        assertThat(m.families()).as("families").isEqualTo(families);
        assertThat(m.personsInFamilies()).as("persons in families").isEqualTo(persons);
        assertThat(m.recipients()).as("recipients").isEqualTo(recipients);
        assertThat(m.benefits()).as("benefits").isEqualTo(benefits);
        assertThat(m.amount()).as("amount").isEqualByComparingTo(new BigDecimal(amount));
    }
}
