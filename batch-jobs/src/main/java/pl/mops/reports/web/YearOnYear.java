package pl.mops.reports.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/**
 * The change against the previous year for a table that sets a year beside the previous one without saying how much
 * it changed (the monthly statistics' table 6: „Rodziny 2025”, „Rodziny 2024”, …; table 1 has its own change
 * columns and is left as it is). After each pair of columns {@code X} and {@code X_rok_wczesniej} the page adds
 * „zmiana” and „zmiana %”, computed here from the table's two values, never from anything else:
 * <ul>
 * <li>zmiana = value of the year − value of the previous year, in the column's unit;</li>
 * <li>zmiana % = zmiana ÷ value of the previous year × 100, rounded half up to one decimal (as {@code PolishFormats}
 *     shows percentages);</li>
 * <li>„—” instead of a number when either value is missing (no data, a protected cell of the publication profile),
 *     and for the percentage also when the previous year's value is 0 (a change from nothing has no percentage);</li>
 * <li>„okres niepełny” instead of both when the row's month of this year is only partly covered by the data (the row
 *     carries the document's note, e.g. „2026: niepełne: 5 z 31 dni”): a part of a month is not compared with a whole
 *     month, as table 1 of the document does.</li>
 * </ul>
 */
final class YearOnYear {

    static final String PREVIOUS = "_rok_wczesniej";
    static final String NONE = "\u2014";
    static final String INCOMPLETE = "okres niepełny";

    private YearOnYear() {
    }

    static ReportTable withChange(ReportTable table) {
        List<ReportColumn> columns = table.columns();
        boolean hasChange = columns.stream().anyMatch(c -> c.code().contains("zmiana"));
        List<Integer> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < columns.size(); i++) {
            if (columns.get(i + 1).code().equals(columns.get(i).code() + PREVIOUS)) {
                pairs.add(i);
            }
        }
        if (hasChange || pairs.isEmpty()) {
            return table;
        }
        List<ReportColumn> withChange = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            withChange.add(columns.get(i));
            if (pairs.contains(i - 1)) {
                ReportColumn current = columns.get(i - 1);
                String measure = current.header().replaceAll("\\s*\\d{4}$", "");
                withChange.add(new ReportColumn(current.code() + "_zmiana", measure + " \u2014 zmiana",
                        current.type(), current.widthChars()));
                withChange.add(new ReportColumn(current.code() + "_zmiana_proc", measure + " \u2014 zmiana %",
                        ValueType.PERCENT, 9));
            }
        }
        List<ReportRow> rows = table.rows().stream().map(row -> row(row, pairs)).toList();
        return new ReportTable(table.id(), table.title(), table.sheetName(), table.dimension(), table.labelHeader(),
                withChange, rows, table.notes(), table.labelWidthChars());
    }

    private static ReportRow row(ReportRow row, List<Integer> pairs) {
        List<BigDecimal> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < row.values().size(); i++) {
            values.add(row.values().get(i));
            texts.add(row.textOf(i));
            if (pairs.contains(i - 1)) {
                BigDecimal now = row.values().get(i - 1);
                BigDecimal before = row.values().get(i);
                boolean partial = row.note() != null;
                BigDecimal change = partial || now == null || before == null ? null : now.subtract(before);
                BigDecimal percent = change == null || before.signum() == 0 ? null
                        : change.multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
                String none = partial ? INCOMPLETE : NONE;
                values.add(change);
                texts.add(change == null ? none : null);
                values.add(percent);
                texts.add(percent == null ? none : null);
            }
        }
        return new ReportRow(row.key(), row.label(), row.level(), row.total(), values, null, texts, row.note());
    }
}
