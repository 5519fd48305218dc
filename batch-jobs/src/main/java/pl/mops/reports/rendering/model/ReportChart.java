package pl.mops.reports.rendering.model;

import java.util.List;

/**
 * A chart drawn in the PDF.
 *
 * @param id            stable id, e.g. {@code W1}
 * @param title         Polish title
 * @param kind          bar or line
 * @param categoryLabel axis label of the categories, e.g. "Dzielnica"
 * @param valueLabel    axis label of the values, e.g. "Rodziny"
 * @param categories    category labels in order (districts, months)
 * @param series        one or more series, each with one value per category ({@code null} = no value)
 */
public record ReportChart(
        String id,
        String title,
        ChartKind kind,
        String categoryLabel,
        String valueLabel,
        List<String> categories,
        List<ChartSeries> series) {

    public enum ChartKind { BAR, LINE }

    public ReportChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }
}
