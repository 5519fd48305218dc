package pl.mops.reports.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.rendering.xlsx.XlsxRenderer;
import pl.mops.reports.support.DatabaseTest;

/**
 * The year's workbook {@code statystyka-2017.xlsx} of the March run, after a January run and no February run: its
 * numbers read back and compared with the months' own workbooks (read independently, cell by cell), February
 * „brak danych” and never 0, recorded with the run's files, written again byte for byte, absent from a publication run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearToDateWorkbookTest extends DatabaseTest {

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    MonthlyStatisticsService service;
    @Autowired
    YearToDateWorkbook yearToDate;
    @Autowired
    XlsxRenderer renderer;

    MonthlyStatisticsService.Result january;
    MonthlyStatisticsService.Result march;
    MonthlyStatisticsService.Result published;

    @BeforeAll
    void runJanuaryAndMarch() throws Exception {
        // the small fixture moved 8 years back (two leap cycles: the same calendar) into 2017, a year no other test
        // computes: the workbook takes the newest run of each month from the whole (shared) database
        Path fixture = shifted(Path.of(getClass().getResource("/statistics/monthly-small").toURI()), -8,
                Files.createTempDirectory("ytd-data"));
        long snapshotId = loader.load(fixture, "test:year-to-date").snapshot().id();
        january = service.run(YearMonth.of(2017, 1), snapshotId, Files.createTempDirectory("ytd-01"), false, "test");
        march = service.run(YearMonth.of(2017, 3), snapshotId, Files.createTempDirectory("ytd-03"), false, "test");
        published = service.run(YearMonth.of(2017, 3), snapshotId, Files.createTempDirectory("ytd-03-pub"), false, "test",
                PublicationProfile.PUBLICATION);
    }

    /** a copy of a fixture with every date and the plan's year moved by {@code years} */
    private static Path shifted(Path source, int years, Path target) throws java.io.IOException {
        java.util.regex.Pattern date = java.util.regex.Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                if (!file.toString().endsWith(".csv")) {
                    Files.copy(file, target.resolve(file.getFileName()));
                    continue;
                }
                List<String> lines = new java.util.ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    line = date.matcher(line).replaceAll(m -> (Integer.parseInt(m.group(1)) + years) + "-" + m.group(2)
                            + "-" + m.group(3));
                    if (file.getFileName().toString().equals("plan.csv") && line.matches("\\d{4};.*")) {
                        line = (Integer.parseInt(line.substring(0, 4)) + years) + line.substring(4);
                    }
                    lines.add(line);
                }
                Files.write(target.resolve(file.getFileName()), lines);
            }
        }
        return target;
    }

    @Test
    void everyFullRunRecordsItsYearWorkbookNextToItsFilesAndAPublicationRunNone() {
        assertThat(names(march)).contains("statystyka-2017-03.xlsx", "statystyka-2017.xlsx", "statystyka-2017-03-paczka.zip");
        assertThat(names(march).indexOf("statystyka-2017.xlsx")).as("after the month's own files")
                .isGreaterThan(names(march).indexOf("statystyka-2017-03.csv"));
        assertThat(names(january)).contains("statystyka-2017.xlsx");
        assertThat(file(march, "statystyka-2017.xlsx").getParent()).isEqualTo(file(march, "statystyka-2017-03.xlsx").getParent());
        assertThat(names(published)).noneMatch(n -> n.startsWith("statystyka-2017.") || n.startsWith("statystyka-2017-v"));
    }

    @Test
    void oneColumnPerMonthAndAMonthWithoutARunIsNoDataNotZero() throws Exception {
        try (XSSFWorkbook year = open(file(march, "statystyka-2017.xlsx"))) {
            assertThat(sheetNames(year)).containsExactly("Opis", "1 Miasto", "2 Dzielnice \u2014 rodziny",
                    "3 Formy \u2014 osoby", "4 Formy \u2014 kwoty");
            Sheet city = year.getSheet("1 Miasto");
            assertThat(texts(city.getRow(2))).containsExactly("Wyszczególnienie", "I \u2013 styczeń",
                    "II \u2013 luty (brak przebiegu)", "III \u2013 marzec");
            for (int s = 1; s < year.getNumberOfSheets(); s++) {
                Sheet sheet = year.getSheetAt(s);
                for (int r = 3; sheet.getRow(r) != null; r++) {
                    Cell february = sheet.getRow(r).getCell(2);
                    assertThat(february.getCellType()).as(sheet.getSheetName() + " row " + r).isEqualTo(CellType.STRING);
                    assertThat(february.getStringCellValue()).isEqualTo("brak danych");
                }
            }
            List<String> description = new java.util.ArrayList<>();
            year.getSheet("Opis").forEach(row -> description.add(row.getCell(0).getStringCellValue()));
            assertThat(description).contains("luty 2017: brak ukończonego przebiegu statystyki miesięcznej \u2014 w kolumnie "
                    + "„brak danych”.");
            assertThat(description).anyMatch(l -> l.startsWith("marzec 2017: przebieg w wersji 1 (pliki statystyka-2017-03),"));
            assertThat(description.get(1)).isEqualTo(
                    "Statystyka pomocy społecznej \u2014 rok 2017 miesiąc po miesiącu (styczeń\u2013marzec 2017)");
        }
    }

    @Test
    void theNumbersAreTheMonthsOwnWorkbooksNumbers() throws Exception {
        try (XSSFWorkbook year = open(file(march, "statystyka-2017.xlsx"));
             XSSFWorkbook jan = open(file(january, "statystyka-2017-01.xlsx"));
             XSSFWorkbook mar = open(file(march, "statystyka-2017-03.xlsx"))) {
            Sheet city = year.getSheet("1 Miasto");
            // table 1 of a month: the month's column is B; rows Rodziny … Kwota świadczeń (zł)
            for (String measure : List.of("Rodziny", "Osoby w rodzinach", "Świadczeniobiorcy", "Liczba świadczeń",
                    "Kwota świadczeń (zł)")) {
                Row row = rowLabelled(city, measure);
                assertThat(row.getCell(1).getNumericCellValue()).as(measure + " I")
                        .isEqualTo(rowLabelled(jan.getSheet("1 Miasto"), measure).getCell(1).getNumericCellValue());
                assertThat(row.getCell(3).getNumericCellValue()).as(measure + " III")
                        .isEqualTo(rowLabelled(mar.getSheet("1 Miasto"), measure).getCell(1).getNumericCellValue());
            }
            // the fixture's March, counted by hand in MonthlyStatisticsJobTest: 4 families, 3 570,00 zł
            assertThat(rowLabelled(city, "Rodziny").getCell(3).getNumericCellValue()).isEqualTo(4.0);
            assertThat(rowLabelled(city, "Kwota świadczeń (zł)").getCell(3).getNumericCellValue()).isEqualTo(3570.0);
            assertThat(rowLabelled(city, "Kwota świadczeń (zł)").getCell(3).getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0.00");

            // families per district: column B of each month's table 2, row by row
            Sheet districts = year.getSheet("2 Dzielnice \u2014 rodziny");
            int compared = 0;
            for (int r = 3; districts.getRow(r) != null; r++) {
                String label = districts.getRow(r).getCell(0).getStringCellValue();
                if (label.startsWith("Ogółem")) {
                    label = "Ogółem (bez powtórzeń)";
                }
                assertThat(districts.getRow(r).getCell(1).getNumericCellValue()).as(label + " I")
                        .isEqualTo(rowLabelled(jan.getSheet("2 Dzielnice"), label).getCell(1).getNumericCellValue());
                assertThat(districts.getRow(r).getCell(3).getNumericCellValue()).as(label + " III")
                        .isEqualTo(rowLabelled(mar.getSheet("2 Dzielnice"), label).getCell(1).getNumericCellValue());
                compared++;
            }
            assertThat(compared).as("18 districts and the city").isEqualTo(19);

            // forms: the city's form rows of each month's table 5 (recipients column B, amount column C)
            Map<String, double[]> marchForms = cityForms(mar.getSheet("5 Formy x dzielnice"));
            Map<String, double[]> januaryForms = cityForms(jan.getSheet("5 Formy x dzielnice"));
            Sheet recipients = year.getSheet("3 Formy \u2014 osoby");
            Sheet amounts = year.getSheet("4 Formy \u2014 kwoty");
            int forms = 0;
            for (int r = 3; recipients.getRow(r) != null; r++) {
                String form = recipients.getRow(r).getCell(0).getStringCellValue();
                if (form.startsWith("Ogółem")) {
                    continue;
                }
                forms++;
                assertThat(amounts.getRow(r).getCell(0).getStringCellValue()).isEqualTo(form);
                assertThat(recipients.getRow(r).getCell(3).getNumericCellValue()).as(form)
                        .isEqualTo(marchForms.getOrDefault(form, new double[2])[0]);
                assertThat(amounts.getRow(r).getCell(3).getNumericCellValue()).as(form)
                        .isEqualTo(marchForms.getOrDefault(form, new double[2])[1]);
                assertThat(recipients.getRow(r).getCell(1).getNumericCellValue()).as(form)
                        .isEqualTo(januaryForms.getOrDefault(form, new double[2])[0]);
                assertThat(amounts.getRow(r).getCell(1).getNumericCellValue()).as(form)
                        .isEqualTo(januaryForms.getOrDefault(form, new double[2])[1]);
            }
            assertThat(forms).isPositive();
            marchForms.forEach((form, values) -> {
                if (values[0] != 0 || values[1] != 0) {
                    rowLabelled(recipients, form); // every form with benefits in March has its row
                }
            });
        }
    }

    @Test
    void theYearWorkbookPrintsAndDrawsItsTrendFromTheCityRows() throws Exception {
        try (XSSFWorkbook year = open(file(march, "statystyka-2017.xlsx"))) {
            Sheet city = year.getSheet("1 Miasto");
            for (Sheet sheet : year) {
                pl.mops.reports.support.PrintedSheets.assertA4OnePageWide(sheet,
                        "Statystyka pomocy społecznej — rok 2017 miesiąc po miesiącu (styczeń–marzec 2017)");
            }
            assertThat(city.getRepeatingRows()).isEqualTo(new CellRangeAddress(0, 2, -1, -1));
            List<XSSFChart> charts = year.getSheet("1 Miasto").getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);
            var families = charts.get(0).getChartSeries().get(0).getSeries(0);
            assertThat(families.getCategoryData().getDataRangeReference()).isEqualTo("'1 Miasto'!$B$3:$D$3");
            assertThat(families.getValuesData().getDataRangeReference()).isEqualTo("'1 Miasto'!$B$4:$D$4");
            var cache = ((org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.Series) families).getCTLineSer().getVal()
                    .getNumRef().getNumCache();
            assertThat(cache.getPtCount().getVal()).isEqualTo(3);
            assertThat(cache.getPtList()).as("February: no point, not 0").extracting(p -> p.getIdx()).containsExactly(0L, 2L);
            assertThat(charts.get(1).getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference())
                    .isEqualTo("'1 Miasto'!$B$8:$D$8");
        }
    }

    @Test
    void theSameRunsGiveTheSameBytes() throws Exception {
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        renderer.render(yearToDate.build(march.parameters(), march.jobInstanceId()), again);
        assertThat(again.toByteArray()).isEqualTo(Files.readAllBytes(file(march, "statystyka-2017.xlsx")));
    }

    private static Map<String, double[]> cityForms(Sheet sheet) {
        Map<String, double[]> forms = new LinkedHashMap<>();
        int r = rowLabelled(sheet, "Miasto ogółem").getRowNum() + 1;
        for (; sheet.getRow(r) != null && sheet.getRow(r).getCell(0).getCellStyle().getIndention() > 0; r++) {
            Row row = sheet.getRow(r);
            forms.put(row.getCell(0).getStringCellValue(), new double[] {row.getCell(1).getNumericCellValue(),
                    row.getCell(2).getNumericCellValue()});
        }
        return forms;
    }

    private static List<String> names(MonthlyStatisticsService.Result result) {
        return result.files().stream().map(f -> f.path().getFileName().toString()).toList();
    }

    private static Path file(MonthlyStatisticsService.Result result, String name) {
        return result.files().stream().map(f -> f.path()).filter(p -> p.getFileName().toString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + result.files()));
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new java.util.ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new java.util.ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }

    private static Row rowLabelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row \"" + label + "\" in sheet " + sheet.getSheetName());
    }
}
