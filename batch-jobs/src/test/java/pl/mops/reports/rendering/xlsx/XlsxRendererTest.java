package pl.mops.reports.rendering.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineSer;
import org.openxmlformats.schemas.drawingml.x2006.main.STPresetLineDashVal;

import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.ChartSource;
import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;
import pl.mops.reports.support.PrintedSheets;

/** The workbook read back with POI: how every sheet prints, how numbers are stored, the charts' cell ranges. */
class XlsxRendererTest {

    private static final String TITLE = "Statystyka miesięczna — październik 2025 (R&D)";
    private static byte[] workbook;

    @BeforeAll
    static void render() throws IOException {
        workbook = render(document());
    }

    @Test
    void everySheetPrintsOnA4OnePageWideWithItsHeaderRowsAndAFooter() throws IOException {
        try (XSSFWorkbook book = read()) {
            assertThat(book.getNumberOfSheets()).isEqualTo(4);
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                XSSFSheet sheet = book.getSheetAt(s);
                // an ampersand doubled: a literal one, not a code of the footer
                PrintedSheets.assertA4OnePageWide(sheet, "Statystyka miesięczna — październik 2025 (R&&D)");
                assertThat(sheet.getMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT)).isEqualTo(0.6);
            }
            assertThat(book.getSheet("Opis").getRepeatingRows()).isNull();
            assertThat(book.getSheet("Opis").getPrintSetup().getLandscape()).isFalse();
            XSSFSheet narrow = book.getSheet("Podsumowanie");
            assertThat(narrow.getRepeatingRows()).as("title and header rows 1–3").isEqualTo(new CellRangeAddress(0, 2, -1, -1));
            assertThat(narrow.getPrintSetup().getLandscape()).as("46 + 12 + 18 + 12 characters: portrait").isFalse();
            assertThat(narrow.getRepeatingColumns()).isNull();
            XSSFSheet wide = book.getSheet("Dzielnice miesiące");
            assertThat(wide.getPrintSetup().getLandscape()).as("46 + 12 × 11 characters: landscape").isTrue();
            assertThat(wide.getRepeatingRows()).isEqualTo(new CellRangeAddress(0, 2, -1, -1));
            assertThat(wide.getRepeatingColumns()).as("the label column on every page")
                    .isEqualTo(new CellRangeAddress(-1, -1, 0, 0));
            // the defined name Excel prints from: rows 1 to 3 (and column A) of the sheet
            assertThat(book.getAllNames()).filteredOn(n -> n.getNameName().equals("_xlnm.Print_Titles"))
                    .extracting(n -> n.getRefersToFormula())
                    .contains("'Dzielnice miesiące'!$A:$A,'Dzielnice miesiące'!$1:$3", "Podsumowanie!$1:$3");
        }
    }

    @Test
    void percentagesAreFractionsWithAPercentFormatAndAmountsKeepTheirFormat() throws IOException {
        try (XSSFWorkbook book = read()) {
            XSSFSheet sheet = book.getSheet("Podsumowanie");
            XSSFRow total = sheet.getRow(3);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Ogółem");
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(12345.0);
            assertThat(total.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(1234567.891);
            assertThat(total.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(total.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(3).getNumericCellValue()).as("9,9 % stored as 0.099").isEqualTo(0.099);
            assertThat(total.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            XSSFRow falling = sheet.getRow(5);
            assertThat(falling.getCell(3).getNumericCellValue()).isEqualTo(-0.0325);
            XSSFRow withTexts = sheet.getRow(4);
            assertThat(withTexts.getCell(3).getCellType()).as("a text that is no number stays text")
                    .isEqualTo(CellType.STRING);
            assertThat(withTexts.getCell(3).getStringCellValue()).isEqualTo("brak danych");
            assertThat(withTexts.getCell(1).getStringCellValue()).isEqualTo("<3");
            assertThat(withTexts.getCell(2).getStringCellValue()).isEqualTo("\u2013");
        }
    }

    @Test
    void noMergedCellOverDataAndLongHeadersAndLabelsGetTallRows() throws IOException {
        try (XSSFWorkbook book = read()) {
            for (int s = 1; s < book.getNumberOfSheets(); s++) {
                XSSFSheet sheet = book.getSheetAt(s);
                int lastDataRow = 2 + Map.of("Podsumowanie", 4, "Dzielnice miesiące", 4, "Pusta", 0).get(sheet.getSheetName());
                for (CellRangeAddress merged : sheet.getMergedRegions()) {
                    assertThat(merged.getFirstRow()).as(sheet.getSheetName() + " " + merged).isGreaterThan(lastDataRow);
                    assertThat(sheet.getRow(merged.getFirstRow()).getCell(0).getStringCellValue()).startsWith("Uwaga");
                }
            }
            XSSFSheet sheet = book.getSheet("Podsumowanie");
            assertThat(sheet.getRow(2).getCell(2).getCellStyle().getWrapText()).isTrue();
            // "Kwota świadczeń pieniężnych i niepieniężnych (zł)" in a column 18 characters wide: 3 lines at least
            assertThat(sheet.getRow(2).getHeightInPoints()).isGreaterThanOrEqualTo(45f);
            // a label of 80 characters in a column 46 wide: two lines
            assertThat(sheet.getRow(6).getHeightInPoints()).isGreaterThanOrEqualTo(30f);
            assertThat(sheet.getRow(6).getCell(0).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(3).getHeightInPoints()).isLessThan(20f);
        }
    }

    @Test
    void chartsAreDrawnUnderTheirTableFromTheSheetsCells() throws IOException {
        try (XSSFWorkbook book = read()) {
            assertThat(book.getSheet("Opis").getDrawingPatriarch()).isNull();
            assertThat(book.getSheet("Podsumowanie").getDrawingPatriarch()).isNull();
            XSSFSheet sheet = book.getSheet("Dzielnice miesiące");
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);

            XSSFChart bars = charts.get(0);
            assertThat(bars.getTitleText().getString()).isEqualTo("Rodziny według dzielnic");
            XDDFChartData barData = bars.getChartSeries().get(0);
            assertThat(barData.getSeriesCount()).isEqualTo(1);
            XDDFChartData.Series families = barData.getSeries(0);
            // rows 4–6 (the districts, not the total in row 7), column B (Rodziny I): the table's own cells
            assertThat(families.getCategoryData().getDataRangeReference()).isEqualTo("'Dzielnice miesiące'!$A$4:$A$6");
            assertThat(families.getValuesData().getDataRangeReference()).isEqualTo("'Dzielnice miesiące'!$B$4:$B$6");
            assertThat(families.getValuesData().getPointAt(1)).isEqualTo(250.0);
            assertThat(families.getCategoryData().getPointAt(2)).isEqualTo("Prądnik Czerwony");

            XSSFChart trend = charts.get(1);
            XDDFChartData lineData = trend.getChartSeries().get(0);
            assertThat(lineData.getSeriesCount()).isEqualTo(2);
            XDDFChartData.Series total = lineData.getSeries(1);
            // series in rows: categories = the header cells of columns B–M, values = row 7 (the total)
            assertThat(total.getCategoryData().getDataRangeReference()).isEqualTo("'Dzielnice miesiące'!$B$3:$M$3");
            assertThat(total.getValuesData().getDataRangeReference()).isEqualTo("'Dzielnice miesiące'!$B$7:$M$7");
            assertThat(total.getValuesData().getPointAt(0)).isEqualTo(600.0);
            CTLineSer forecast = ((org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.Series) total).getCTLineSer();
            assertThat(forecast.getTx().getStrRef().getF()).isEqualTo("'Dzielnice miesiące'!$A$7");
            // the forecast (months XI and XII, points 10 and 11) dashed, the months before solid
            assertThat(forecast.getDPtList()).extracting(p -> p.getIdx().getVal()).containsExactly(10L, 11L);
            assertThat(forecast.getDPtArray(0).getSpPr().getLn().getPrstDash().getVal()).isEqualTo(STPresetLineDashVal.DASH);
            assertThat(forecast.getSpPr().getLn().isSetPrstDash()).isFalse();
            // the chart starts under the table's notes, the value axis from zero
            var anchor = sheet.getDrawingPatriarch().getCTDrawing().getTwoCellAnchorArray(0);
            assertThat(anchor.getFrom().getRow()).as("rows 4–7, empty, the note in row 9, empty").isEqualTo(10);
            assertThat(bars.getAxes()).anySatisfy(axis -> assertThat(axis.getMinimum()).isZero());
        }
    }

    @Test
    void aChartWhoseSourceDoesNotFitItsTableIsLeftToThePdf() throws IOException {
        ReportDocument base = document();
        ReportChart broken = base.charts().get(0).withSource(ChartSource.columns("T2", List.of("I", "III"),
                List.of("m1")));
        ReportDocument document = new ReportDocument(base.code(), base.period(), base.title(), base.unit(),
                base.headerLines(), base.tables(), List.of(broken), base.footnotes(), base.metadata());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(render(document)))) {
            assertThat(book.getSheet("Dzielnice miesiące").getDrawingPatriarch()).isNull();
        }
    }

    @Test
    void theSameDocumentGivesTheSameBytes() throws IOException {
        assertThat(render(document())).isEqualTo(workbook);
    }

    @Test
    void theBytesDoNotDependOnTheDefaultLocaleOrTimeZone() throws IOException {
        java.util.Locale locale = java.util.Locale.getDefault();
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.US);
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
            byte[] american = render(document());
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("pl-PL"));
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Warsaw"));
            assertThat(render(document())).as("POI marks chart texts with the default locale").isEqualTo(american);
        } finally {
            java.util.Locale.setDefault(locale);
            java.util.TimeZone.setDefault(zone);
        }
    }

    private static XSSFWorkbook read() throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(workbook));
    }

    static byte[] render(ReportDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxRenderer().render(document, out);
        return out.toByteArray();
    }

    static ReportDocument document() {
        List<ReportColumn> columns = List.of(
                new ReportColumn("rodziny", "Rodziny", ValueType.COUNT, 10),
                new ReportColumn("kwota", "Kwota świadczeń pieniężnych i niepieniężnych (zł)", ValueType.AMOUNT, 16),
                new ReportColumn("zmiana", "Zmiana r/r", ValueType.PERCENT, 10));
        List<ReportRow> rows = List.of(
                new ReportRow("OGOLEM", "Ogółem", 0, true, values("12345", "1234567.891", "9.9")),
                new ReportRow("Z1", "w tym małe grupy", 1, false, values(null, null, null), null,
                        Arrays.asList("<3", null, "brak danych")),
                new ReportRow("Z2", "spadek", 1, false, values("12000", "1188889.39", "-3.25")),
                new ReportRow("Z3", "Wiersz o bardzo długiej nazwie, która nie mieści się w kolumnie etykiet arkusza",
                        0, false, values("1", "2", "3")));
        ReportTable summary = new ReportTable("T1", "Tabela 1. Podsumowanie", "Podsumowanie", "miasto",
                "Wyszczególnienie", columns, rows, List.of("Uwaga: dane wstępne."));
        List<ReportColumn> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new ReportColumn("m" + m, (m > 10 ? "prognoza " : "") + m, ValueType.COUNT, 9));
        }
        List<ReportRow> districts = new ArrayList<>();
        List<String> names = List.of("Stare Miasto", "Grzegórzki", "Prądnik Czerwony");
        for (int d = 0; d < names.size(); d++) {
            List<BigDecimal> values = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                values.add(BigDecimal.valueOf(100L * (d + 1) + m - 1 + (d == 1 ? 50 - m + 1 : 0)));
            }
            districts.add(new ReportRow(List.of("I", "II", "III").get(d), names.get(d), 0, false, values));
        }
        List<BigDecimal> totals = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            totals.add(BigDecimal.valueOf(600 + 10L * (m - 1)));
        }
        districts.add(new ReportRow("RAZEM", "Ogółem", 0, true, totals));
        ReportTable wide = new ReportTable("T2", "Tabela 2. Dzielnice w miesiącach", "Dzielnice miesiące",
                "dzielnica", "Dzielnica", months, districts, List.of("Uwaga: forma przykładowa."));
        ReportTable empty = new ReportTable("T3", "Tabela 3. Bez wierszy", "Pusta", "brak", "Pozycja",
                List.of(new ReportColumn("a", "A", ValueType.COUNT, 8)), List.of(), List.of());
        List<BigDecimal> first = districts.get(0).values();
        ReportChart bars = new ReportChart("W1", "Rodziny według dzielnic", ReportChart.ChartKind.BAR, "Dzielnica",
                "Rodziny", names, List.of(new ChartSeries("Rodziny I", List.of(BigDecimal.valueOf(100),
                BigDecimal.valueOf(250), BigDecimal.valueOf(300)), false)),
                ChartSource.columns("T2", List.of("I", "II", "III"), List.of("m1")));
        List<String> categories = months.stream().map(ReportColumn::header).toList();
        ReportChart trend = new ReportChart("W2", "Trend", ReportChart.ChartKind.LINE, "Miesiąc", "Rodziny",
                categories, List.of(new ChartSeries("Stare Miasto", first, true),
                ChartSeries.withForecast("Ogółem", totals, 10)),
                ChartSource.rows("T2", months.stream().map(ReportColumn::code).toList(), List.of("I", "RAZEM")));
        return new ReportDocument("statystyka", "2025-10", TITLE, "Miejski Ośrodek Pomocy Społecznej",
                List.of("Okres: październik 2025"), List.of(summary, wide, empty), List.of(bars, trend),
                List.of("Przypis."), new DocumentMetadata(Instant.parse("2025-10-31T23:00:00Z"), "MOPS",
                "Statystyka", "statystyka"));
    }

    private static List<BigDecimal> values(String... values) {
        List<BigDecimal> list = new ArrayList<>();
        for (String value : values) {
            list.add(value == null ? null : new BigDecimal(value));
        }
        return list;
    }
}
