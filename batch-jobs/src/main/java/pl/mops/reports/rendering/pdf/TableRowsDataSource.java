package pl.mops.reports.rendering.pdf;

import java.util.List;

import net.sf.jasperreports.engine.JRRewindableDataSource;
import net.sf.jasperreports.engine.JRField;

import pl.mops.reports.rendering.PolishFormats;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;

/**
 * The rows of a table for the table body template: {@code label}, {@code level}, {@code total} and the
 * values already formatted the Polish way (by the cell's type, see {@link ReportRow#typeOf}) as {@code v0},
 * {@code v1}, ...
 */
final class TableRowsDataSource implements JRRewindableDataSource {

    private final List<ReportColumn> columns;
    private final List<ReportRow> rows;
    private int index = -1;

    TableRowsDataSource(ReportTable table) {
        this(table, 0, table.rows().size());
    }

    /** rows {@code from} (inclusive) to {@code to} (exclusive) of the table */
    TableRowsDataSource(ReportTable table, int from, int to) {
        this.columns = table.columns();
        this.rows = table.rows().subList(from, to);
    }

    static String valueField(int column) {
        return "v" + column;
    }

    /** the value formatted the Polish way, or the row's text for an empty value (en dash by default) */
    static String cellText(ReportRow row, int column, List<ReportColumn> columns) {
        String text = row.textOf(column);
        return text != null ? text : PolishFormats.format(row.values().get(column), row.typeOf(column, columns));
    }

    /** the first rows of a table are printed on a band that is never split: moved to a new page, it is filled again */
    @Override
    public void moveFirst() {
        index = -1;
    }

    @Override
    public boolean next() {
        index++;
        return index < rows.size();
    }

    @Override
    public Object getFieldValue(JRField field) {
        ReportRow row = rows.get(index);
        String name = field.getName();
        switch (name) {
            case "label":
                return row.title();
            case "level":
                return row.level();
            case "total":
                return row.total();
            default:
                int column = Integer.parseInt(name.substring(1));
                return cellText(row, column, columns);
        }
    }
}
