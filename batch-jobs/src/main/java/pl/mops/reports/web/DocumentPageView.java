package pl.mops.reports.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import pl.mops.reports.rendering.PolishFormats;
import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/**
 * Any {@link ReportDocument} as a page of the console (the fragment {@code fragmenty/dokument.html}): its header
 * lines, each table with its column and row notes and the texts the document shows in place of a value (a
 * protected cell's {@code <3} or {@code x}, „brak danych”) as the PDF prints them, numbers in Polish notation
 * ({@link PolishFormats}), each chart as inline SVG ({@link SvgChart}) with its data as a table, and the footnotes.
 * A table of the previous year beside the current one gets its change columns ({@link YearOnYear}).
 */
public final class DocumentPageView {

    /** a table with more rows than this scrolls in its own box with its header row frozen */
    static final int TALL = 12;

    public record Page(String title, List<String> headerLines, List<TableView> tables, List<ChartView> charts,
                       List<String> footnotes, List<String> appendix) {
    }

    /** @param tall scrolls in its own box, the header row frozen */
    public record TableView(String id, String title, String labelHeader, List<ColumnView> columns, List<RowView> rows,
                            List<String> notes, boolean tall) {
    }

    public record ColumnView(String header, String note) {
    }

    public record RowView(String label, String note, int level, boolean total, List<CellView> cells) {
    }

    /** @param marked a text the document shows in place of a value (protected cell, no data) */
    public record CellView(String text, boolean marked) {
    }

    /** @param svg the chart drawn on the server; {@code data} its values as a table */
    public record ChartView(String id, String title, String svg, TableView data) {
    }

    private DocumentPageView() {
    }

    public static Page of(ReportDocument document) {
        return new Page(document.title(), document.headerLines(),
                document.tables().stream().map(YearOnYear::withChange).map(DocumentPageView::table).toList(),
                document.charts().stream().map(DocumentPageView::chart).toList(), document.footnotes(),
                document.appendix());
    }

    static TableView table(ReportTable table) {
        List<RowView> rows = new ArrayList<>();
        for (ReportRow row : table.rows()) {
            List<CellView> cells = new ArrayList<>();
            for (int i = 0; i < row.values().size(); i++) {
                String text = row.textOf(i);
                cells.add(text != null ? new CellView(text, true)
                        : new CellView(PolishFormats.format(row.values().get(i), row.typeOf(i, table.columns())), false));
            }
            rows.add(new RowView(row.label(), row.note(), row.level(), row.total(), cells));
        }
        return new TableView(table.id(), table.title(), table.labelHeader(),
                table.columns().stream().map(c -> new ColumnView(c.header(), c.note())).toList(), rows, table.notes(),
                rows.size() > TALL);
    }

    static ChartView chart(ReportChart chart) {
        ValueType type = SvgChart.valueType(chart);
        List<ReportColumn> columns = chart.series().stream()
                .map(s -> new ReportColumn(s.name(), s.name(), type, 10)).toList();
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 0; i < chart.categories().size(); i++) {
            List<BigDecimal> values = new ArrayList<>();
            for (ChartSeries series : chart.series()) {
                values.add(series.values().get(i));
            }
            rows.add(new ReportRow(chart.categories().get(i), chart.categories().get(i), 0, false, values));
        }
        ReportTable data = new ReportTable(chart.id(), "Dane wykresu: " + chart.title(), chart.id(), "kategoria",
                chart.categoryLabel(), columns, rows, List.of());
        return new ChartView(chart.id(), chart.title(), SvgChart.svg(chart), table(data));
    }
}
