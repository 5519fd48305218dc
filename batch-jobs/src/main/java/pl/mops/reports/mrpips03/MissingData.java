package pl.mops.reports.mrpips03;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;

/**
 * The rows of a return that have no cells because the snapshot lacks the optional file that feeds them
 * ({@code kontrakty.csv}, {@code wsparcie.csv}): the XML has such a row without cells, the documents show "—", the
 * control rules skip the conditions on their cells and the return is ready only with a reservation. Derived from
 * the layout and the stored cells (the computation leaves exactly these rows without cells).
 *
 * @param rowsByFile for each file not supplied (by what it holds in plain words, {@link Layout.FactSet#sourceData}), the
 *                   rows it feeds ({@code SECTION/ROW (w. nr)})
 */
record MissingData(Map<String, List<String>> rowsByFile, java.util.Set<String> rows) {

    static MissingData of(Layout layout, Map<CellKey, BigDecimal> cells) {
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        java.util.Set<String> rows = new java.util.HashSet<>();
        for (Section section : layout.sections()) {
            for (Row row : section.rows()) {
                String file = row.factSet().sourceData();
                if (file == null) {
                    continue;
                }
                long present = row.columns().stream()
                        .filter(c -> cells.containsKey(new CellKey(section.code(), row.code(), c.code()))).count();
                if (present == 0) {
                    byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(section.code() + "/" + row.code()
                            + " (w. " + row.nr() + ")");
                    rows.add(section.code() + "/" + row.code());
                } else if (present < row.columns().size()) {
                    throw new IllegalStateException("Wiersz " + section.code() + "/" + row.code() + " ma tylko część komórek");
                }
            }
        }
        return new MissingData(byFile, rows);
    }

    boolean isEmpty() {
        return rowsByFile.isEmpty();
    }

    /** the row has no cells because its file was not supplied */
    boolean withoutData(String section, String row) {
        return rows.contains(section + "/" + row);
    }

    boolean withoutData(CellKey cell) {
        return withoutData(cell.section(), cell.row());
    }

    /**
     * one Polish sentence per file not supplied, in plain words: "eksport z systemu dziedzinowego nie zawierał danych
     * o kontraktach socjalnych \u2014 bez wartości wiersz 2/…"
     */
    List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        rowsByFile.forEach((data, rowList) -> reasons.add(NOT_IN_EXPORT + data + " \u2014 bez wartości "
                + (rowList.size() == 1 ? "wiersz " : "wiersze ") + String.join(", ", rowList)));
        return reasons;
    }

    /** what the export lacked, e.g. "eksport z systemu dziedzinowego nie zawierał danych o kontraktach socjalnych" */
    String sentence() {
        return NOT_IN_EXPORT + String.join(" ani o ", rowsByFile.keySet());
    }

    /** the beginning of every sentence about data not supplied */
    static final String NOT_IN_EXPORT = "eksport z systemu dziedzinowego nie zawierał danych o ";
}
