package pl.mops.reports.rendering.xlsx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import pl.mops.reports.rendering.PolishFormats;
import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.ChartSource;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;

/**
 * Charts of a table's sheet, drawn (POI XDDF) under the table's notes from the table's own cells: the categories and
 * every series are cell ranges of the sheet, so the chart follows a clerk's correction of a value. The cached values
 * written with the references are the table's values (what Excel shows before it recalculates). Colours are dark and
 * different in lightness, lines have different markers and the forecast or the previous year is dashed, so the chart
 * reads in black-and-white print as well.
 */
final class XlsxCharts {

    /** rows a chart is tall */
    static final int HEIGHT_ROWS = 20;
    /** how wide a chart is at most, in characters of column width (about the printed width of a portrait page) */
    private static final int WIDTH_CHARS = 95;

    private static final byte[][] COLOURS = {
            {(byte) 0x1F, (byte) 0x3A, (byte) 0x5F}, // dark blue
            {(byte) 0x80, (byte) 0x80, (byte) 0x80}, // grey
            {(byte) 0xC0, (byte) 0x50, (byte) 0x00}, // dark orange
            {(byte) 0x2E, (byte) 0x6B, (byte) 0x2E}, // dark green
            {(byte) 0x00, (byte) 0x00, (byte) 0x00}, // black
            {(byte) 0x70, (byte) 0x30, (byte) 0xA0}, // purple
    };
    private static final MarkerStyle[] MARKERS = {MarkerStyle.CIRCLE, MarkerStyle.SQUARE, MarkerStyle.TRIANGLE,
            MarkerStyle.DIAMOND, MarkerStyle.X, MarkerStyle.STAR};

    private XlsxCharts() {
    }

    /** the cell ranges a chart is drawn from, resolved against its table; {@code null} when the source does not fit */
    record Ranges(CellRangeAddress categories, List<String> categoryLabels, List<CellRangeAddress> series,
                  List<CellReference> titles, List<String> titleTexts, List<Double[]> values) {
    }

    /**
     * Draws {@code chart} with its top-left corner at row {@code firstRow}, column A, of {@code sheet}, which holds
     * {@code table} (header in row {@code headerRow}, data from the next row, labels in column A).
     *
     * @return whether the chart was drawn (it is not when its source does not match the table)
     */
    static boolean draw(XSSFSheet sheet, ReportTable table, int headerRow, ReportChart chart, int firstRow) {
        Ranges ranges = resolve(table, headerRow, chart.source(), sheet.getSheetName());
        if (ranges == null) {
            return false;
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, firstRow, endColumn(sheet, table) + 1,
                firstRow + HEIGHT_ROWS);
        XSSFChart xchart = drawing.createChart(anchor);
        xchart.setTitleText(chart.title());
        xchart.setTitleOverlay(false);
        xchart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categoryAxis = xchart.createCategoryAxis(AxisPosition.BOTTOM);
        categoryAxis.setTitle(chart.categoryLabel());
        XDDFValueAxis valueAxis = xchart.createValueAxis(AxisPosition.LEFT);
        valueAxis.setTitle(chart.valueLabel());
        valueAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        if (ranges.values().stream().flatMap(java.util.Arrays::stream).allMatch(v -> v == null || v >= 0)) {
            valueAxis.setMinimum(0); // from zero, as in the PDF
        }
        valueAxis.getOrAddMajorGridProperties().setLineProperties(line(COLOURS[1], false, 0.5));
        boolean bar = chart.kind() == ReportChart.ChartKind.BAR;
        XDDFChartData data = xchart.createData(bar ? ChartTypes.BAR : ChartTypes.LINE, categoryAxis, valueAxis);
        data.setVaryColors(false);
        if (data instanceof XDDFBarChartData bars) {
            bars.setBarDirection(BarDirection.COL);
        }
        String sheetName = sheet.getSheetName();
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(
                ranges.categoryLabels().toArray(String[]::new), ranges.categories().formatAsString(sheetName, true));
        for (int s = 0; s < ranges.series().size(); s++) {
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(ranges.values().get(s),
                    ranges.series().get(s).formatAsString(sheetName, true));
            XDDFChartData.Series series = data.addSeries(categories, values);
            ChartSeries model = chart.series().get(s);
            String label = ranges.titleTexts().get(s);
            if (label.contains(model.name())) {
                series.setTitle(label, ranges.titles().get(s)); // the row's label or the column's header
            } else {
                series.setTitle(model.name(), null); // a label that would not name the series (e.g. "etaty")
            }
            byte[] colour = COLOURS[s % COLOURS.length];
            if (series instanceof XDDFBarChartData.Series barSeries) {
                barSeries.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
                barSeries.getCTBarSer().addNewDLbls(); // value labels on the bars
                var labels = barSeries.getCTBarSer().getDLbls();
                labels.addNewShowVal().setVal(true);
                labels.addNewShowLegendKey().setVal(false);
                labels.addNewShowCatName().setVal(false);
                labels.addNewShowSerName().setVal(false);
                labels.addNewShowPercent().setVal(false);
                labels.addNewShowBubbleSize().setVal(false);
            } else if (series instanceof XDDFLineChartData.Series lineSeries) {
                lineSeries.setSmooth(false);
                lineSeries.setMarkerStyle(MARKERS[s % MARKERS.length]);
                lineSeries.setLineProperties(line(colour, model.dashed(), 2.0));
                if (!model.dashed() && model.dashedFrom() >= 0) {
                    for (int i = model.dashedFrom(); i < ranges.values().get(s).length; i++) {
                        // a data point's line is the segment leading to it: the forecast is dashed
                        lineSeries.getDataPoint(i).setLineProperties(line(colour, true, 2.0));
                    }
                }
            }
        }
        xchart.plot(data);
        polishTextLanguage(xchart);
        return true;
    }

    /**
     * POI marks the chart's and the axes' titles with the JVM's default locale ({@code lang="en-US"} on one machine,
     * {@code "pl-PL"} on another): every text run of the chart is marked Polish, so that the bytes do not depend on
     * where the file was written (and a spelling checker takes the titles for Polish).
     */
    private static void polishTextLanguage(XSSFChart chart) {
        javax.xml.namespace.QName lang = new javax.xml.namespace.QName("", "lang");
        try (org.apache.xmlbeans.XmlCursor cursor = chart.getCTChartSpace().newCursor()) {
            while (cursor.hasNextToken()) {
                if (cursor.toNextToken() == org.apache.xmlbeans.XmlCursor.TokenType.START
                        && cursor.getAttributeText(lang) != null) {
                    cursor.setAttributeText(lang, "pl-PL");
                }
            }
        }
    }

    private static XDDFLineProperties line(byte[] colour, boolean dashed, double width) {
        XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
        line.setWidth(width);
        if (dashed) {
            line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
        }
        return line;
    }

    /** the last column the chart spans: about a portrait page wide, never wider than the table */
    private static int endColumn(XSSFSheet sheet, ReportTable table) {
        int width = 0;
        for (int c = 0; c <= table.columns().size(); c++) {
            width += sheet.getColumnWidth(c) / 256;
            if (width >= WIDTH_CHARS) {
                return c;
            }
        }
        return table.columns().size();
    }

    static Ranges resolve(ReportTable table, int headerRow, ChartSource source, String sheetName) {
        boolean inColumns = source.orientation() == ChartSource.Orientation.SERIES_IN_COLUMNS;
        List<Integer> categories = new ArrayList<>();
        for (String key : source.categories()) {
            categories.add(inColumns ? rowIndex(table, key) : columnIndex(table, key));
        }
        List<Integer> series = new ArrayList<>();
        for (String key : source.series()) {
            series.add(inColumns ? columnIndex(table, key) : rowIndex(table, key));
        }
        if (categories.isEmpty() || categories.contains(-1) || series.contains(-1)) {
            return null;
        }
        for (int i = 1; i < categories.size(); i++) {
            if (categories.get(i) != categories.get(i - 1) + 1) {
                return null; // a range of cells: the categories must be adjacent
            }
        }
        int first = categories.get(0);
        int last = categories.get(categories.size() - 1);
        int dataRow = headerRow + 1;
        List<String> labels = new ArrayList<>();
        for (int category : categories) {
            labels.add(inColumns ? table.rows().get(category).title() : XlsxRenderer.header(table.columns().get(category)));
        }
        List<CellRangeAddress> ranges = new ArrayList<>();
        List<CellReference> titles = new ArrayList<>();
        List<String> titleTexts = new ArrayList<>();
        List<Double[]> values = new ArrayList<>();
        for (int s : series) {
            Double[] numbers = new Double[categories.size()];
            for (int i = 0; i < categories.size(); i++) {
                int row = inColumns ? categories.get(i) : s;
                int column = inColumns ? s : categories.get(i);
                ReportRow reportRow = table.rows().get(row);
                BigDecimal value = reportRow.values().get(column);
                numbers[i] = value == null ? null
                        : PolishFormats.excelValue(value, reportRow.typeOf(column, table.columns()));
            }
            values.add(numbers);
            if (inColumns) {
                ranges.add(new CellRangeAddress(dataRow + first, dataRow + last, s + 1, s + 1));
                titles.add(new CellReference(sheetName, headerRow, s + 1, true, true));
                titleTexts.add(XlsxRenderer.header(table.columns().get(s)));
            } else {
                ranges.add(new CellRangeAddress(dataRow + s, dataRow + s, first + 1, last + 1));
                titles.add(new CellReference(sheetName, dataRow + s, 0, true, true));
                titleTexts.add(table.rows().get(s).title());
            }
        }
        CellRangeAddress categoryRange = inColumns
                ? new CellRangeAddress(dataRow + first, dataRow + last, 0, 0)
                : new CellRangeAddress(headerRow, headerRow, first + 1, last + 1);
        return new Ranges(categoryRange, labels, ranges, titles, titleTexts, values);
    }

    private static int rowIndex(ReportTable table, String key) {
        for (int r = 0; r < table.rows().size(); r++) {
            if (table.rows().get(r).key().equals(key)) {
                return r;
            }
        }
        return -1;
    }

    private static int columnIndex(ReportTable table, String code) {
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).code().equals(code)) {
                return c;
            }
        }
        return -1;
    }
}
