package pl.mops.reports.assessment.resources;

import java.util.List;
import java.util.Map;

import pl.mops.reports.assessment.resources.ResourceCatalogue.Kind;

/**
 * The layout of the workbook form of a resources file ({@code zasoby-<Y>.xlsx}), shared by its writer and its
 * reader: the sheet "Instrukcja" first, one sheet per chapter, then "Źródła danych". A chapter sheet has its
 * title in row 1, the chapter's description in row 2, the column headers in row 3 (frozen with the rows above)
 * and one position per row from row 4: key (A), label (B), unit (C), the three years (D, E, F: the only
 * cells a clerk types in, besides the keys of new budget rows), notes (G).
 */
final class ResourcesWorkbookLayout {

    static final String INSTRUCTIONS = "Instrukcja";
    static final String SOURCES = "Źródła danych";

    /** chapter key → sheet name (at most 31 characters, none of []:*?/\) */
    static final Map<String, String> SHEETS = Map.of(
            ResourceCatalogue.DEMOGRAPHY, "Demografia",
            ResourceCatalogue.LABOUR, "Rynek pracy",
            ResourceCatalogue.INSTITUTIONS, "Instytucje",
            ResourceCatalogue.STAFF, "Kadra",
            ResourceCatalogue.NGO, "Organizacje pozarządowe",
            ResourceCatalogue.BUDGET, "Budżet");

    /** 0-based index of the header row (row 3 as Excel shows it) */
    static final int HEADER_ROW = 2;
    static final int FIRST_POSITION_ROW = HEADER_ROW + 1;
    static final int KEY = 0;
    static final int LABEL = 1;
    static final int UNIT = 2;
    static final int FIRST_YEAR = 3;
    static final int NOTES = FIRST_YEAR + 3;

    static final List<String> HEADERS_BEFORE_YEARS = List.of("Klucz pozycji", "Pozycja", "Jednostka");
    static final String NOTES_HEADER = "Uwagi";

    /** empty rows (key and years open for typing) below the listed budget chapters */
    static final int BUDGET_EMPTY_ROWS = 25;

    /** sources sheet: chapter key (A), sheet (B), source description (C, typed) */
    static final int SOURCE_KEY = 0;
    static final int SOURCE_SHEET = 1;
    static final int SOURCE_TEXT = 2;
    static final List<String> SOURCE_HEADERS = List.of("Klucz rozdziału", "Arkusz", "Źródło danych (opcjonalnie)");
    static final int SOURCE_HEADER_ROW = 0;

    private ResourcesWorkbookLayout() {
    }

    static List<String> chapterSheets() {
        return ResourceCatalogue.CHAPTERS.stream().map(c -> SHEETS.get(c.key())).toList();
    }

    static String unit(Kind kind) {
        return kind.unit;
    }

    /** "D7" for 0-based row 6, column 3 */
    static String cell(int row, int column) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(column) + (row + 1);
    }
}
