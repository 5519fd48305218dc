package pl.mops.reports.rendering.model;

import java.util.List;

/**
 * One table of a report.
 *
 * @param id          stable id, e.g. {@code T2}; the "tabela" column of the long-form CSV
 * @param title       Polish title, e.g. "Tabela 2. Dzielnice"
 * @param sheetName   XLSX sheet name (at most 31 characters, no {@code : \ / ? * [ ]})
 * @param dimension   what a row is, e.g. {@code dzielnica}; the "wymiar" column of the long-form CSV
 * @param labelHeader header of the first (label) column, e.g. "Dzielnica"
 * @param columns     the value columns (after the label column)
 * @param rows        the rows; each has exactly {@code columns.size()} values
 * @param notes       Polish notes printed under the table
 * @param labelWidthChars width of the label column in the XLSX in characters; {@code 0} = the renderer's default
 */
public record ReportTable(
        String id,
        String title,
        String sheetName,
        String dimension,
        String labelHeader,
        List<ReportColumn> columns,
        List<ReportRow> rows,
        List<String> notes,
        int labelWidthChars) {

    /** a table with the default label column width */
    public ReportTable(String id, String title, String sheetName, String dimension, String labelHeader,
                       List<ReportColumn> columns, List<ReportRow> rows, List<String> notes) {
        this(id, title, sheetName, dimension, labelHeader, columns, rows, notes, 0);
    }

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        for (ReportRow row : rows) {
            if (row.values().size() != columns.size()) {
                throw new IllegalArgumentException("Row " + row.key() + " of table " + id + " has "
                        + row.values().size() + " values for " + columns.size() + " columns");
            }
        }
    }
}
