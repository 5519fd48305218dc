package pl.mops.reports.rendering.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A row of a table.
 *
 * @param key       stable key of the row, e.g. the district code {@code XIV}; the "klucz" column of the long-form CSV
 * @param label     Polish label shown in the first column
 * @param level     indentation: 0 for a main row, 1 for a "w tym" row
 * @param total     whether this is a total row (printed bold)
 * @param values    one value per column; {@code null} means "no value" (shown as an en dash, omitted from the CSV)
 * @param cellTypes {@code null} when every value is formatted by its column's type; otherwise one type per
 *                  value, for tables whose rows are measures of different kinds (counts and amounts)
 * @param texts     {@code null} when every empty value is shown as an en dash; otherwise one entry per value:
 *                  the Polish text shown in place of an empty value (e.g. "brak danych", or {@code <3} and
 *                  {@code x} of the publication profile), or {@code null} for the en dash. Only an empty value may
 *                  have a text; the long-form CSV writes the text in the value column.
 * @param note      {@code null}, or a Polish remark about the row's values (e.g. "niepełne: 5 z 31 dni" for a month
 *                  whose data are incomplete): printed after the label, and in the long-form CSV as a line
 *                  {@code <column>_uwaga} next to every value of the row
 */
public record ReportRow(String key, String label, int level, boolean total, List<BigDecimal> values,
                        List<ValueType> cellTypes, List<String> texts, String note) {

    public ReportRow {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        if (cellTypes != null) {
            if (cellTypes.size() != values.size()) {
                throw new IllegalArgumentException("Row " + key + ": " + cellTypes.size() + " cell types for "
                        + values.size() + " values");
            }
            cellTypes = List.copyOf(cellTypes);
        }
        if (texts != null) {
            if (texts.size() != values.size()) {
                throw new IllegalArgumentException("Row " + key + ": " + texts.size() + " texts for "
                        + values.size() + " values");
            }
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i) != null && values.get(i) != null) {
                    throw new IllegalArgumentException("Row " + key + ": value " + i + " has both a number and a text");
                }
            }
            texts = Collections.unmodifiableList(new ArrayList<>(texts));
        }
    }

    public ReportRow(String key, String label, int level, boolean total, List<BigDecimal> values,
                     List<ValueType> cellTypes, List<String> texts) {
        this(key, label, level, total, values, cellTypes, texts, null);
    }

    public ReportRow(String key, String label, int level, boolean total, List<BigDecimal> values,
                     List<ValueType> cellTypes) {
        this(key, label, level, total, values, cellTypes, null);
    }

    public ReportRow(String key, String label, int level, boolean total, List<BigDecimal> values) {
        this(key, label, level, total, values, null, null);
    }

    /** the label as printed: with the note in brackets when there is one */
    public String title() {
        return note == null ? label : label + " (" + note + ")";
    }

    /** The text shown in place of empty value {@code index}, or {@code null} for the default en dash. */
    public String textOf(int index) {
        return texts == null || values.get(index) != null ? null : texts.get(index);
    }

    /** The type that formats value {@code index}: the cell's own type, or else its column's. */
    public ValueType typeOf(int index, List<ReportColumn> columns) {
        return cellTypes != null ? cellTypes.get(index) : columns.get(index).type();
    }
}
