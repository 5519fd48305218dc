package pl.mops.reports.rendering.model;

import java.util.List;

/**
 * Where a chart's numbers stand in one of the document's tables, so that the workbook can draw the chart from the
 * sheet's own cells (a clerk who corrects a cell sees the chart follow).
 *
 * @param tableId     id of the table, e.g. {@code T2}
 * @param orientation whether the series are columns of the table (categories = rows) or rows (categories = columns)
 * @param categories  the categories in order: row keys ({@link Orientation#SERIES_IN_COLUMNS}) or column codes
 *                    ({@link Orientation#SERIES_IN_ROWS}); they must be adjacent in the table, in this order
 * @param series      one entry per series of the chart, in its order: a column code or a row key
 */
public record ChartSource(String tableId, Orientation orientation, List<String> categories, List<String> series) {

    public enum Orientation {
        /** categories are rows (e.g. districts, months), each series a column */
        SERIES_IN_COLUMNS,
        /** categories are columns (e.g. years), each series a row */
        SERIES_IN_ROWS
    }

    public ChartSource {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /** categories = the rows with these keys, a series per column code */
    public static ChartSource columns(String tableId, List<String> rowKeys, List<String> columnCodes) {
        return new ChartSource(tableId, Orientation.SERIES_IN_COLUMNS, rowKeys, columnCodes);
    }

    /** categories = the columns with these codes, a series per row key */
    public static ChartSource rows(String tableId, List<String> columnCodes, List<String> rowKeys) {
        return new ChartSource(tableId, Orientation.SERIES_IN_ROWS, columnCodes, rowKeys);
    }
}
