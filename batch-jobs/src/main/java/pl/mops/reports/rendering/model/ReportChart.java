package pl.mops.reports.rendering.model;

import java.util.List;

/**
 * A chart drawn in the PDF (and in the workbook, from the table's cells, when it has a {@link ChartSource}).
 *
 * @param id            stable id, e.g. {@code W1}
 * @param title         Polish title
 * @param kind          bar or line
 * @param categoryLabel axis label of the categories, e.g. "Dzielnica"
 * @param valueLabel    axis label of the values, e.g. "Rodziny"
 * @param categories    category labels in order (districts, months)
 * @param series        one or more series, each with one value per category ({@code null} = no value)
 * @param source        {@code null}, or where the chart's numbers stand in a table of the document: the workbook then
 *                      draws the chart from that table's cells (charts without a source are drawn in the PDF only)
 */
public record ReportChart(
        String id,
        String title,
        ChartKind kind,
        String categoryLabel,
        String valueLabel,
        List<String> categories,
        List<ChartSeries> series,
        ChartSource source) {

    public enum ChartKind { BAR, LINE }

    public ReportChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (source != null && source.series().size() != series.size()) {
            throw new IllegalArgumentException("Chart " + id + ": " + source.series().size() + " source series for "
                    + series.size() + " series");
        }
    }

    /** a chart drawn in the PDF only */
    public ReportChart(String id, String title, ChartKind kind, String categoryLabel, String valueLabel,
                       List<String> categories, List<ChartSeries> series) {
        this(id, title, kind, categoryLabel, valueLabel, categories, series, null);
    }

    /** the same chart drawn from the cells of {@code source} in the workbook */
    public ReportChart withSource(ChartSource source) {
        return new ReportChart(id, title, kind, categoryLabel, valueLabel, categories, series, source);
    }
}
