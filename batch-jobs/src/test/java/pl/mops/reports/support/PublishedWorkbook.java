package pl.mops.reports.support;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The tables of a report XLSX as read back with POI: per sheet the column headers, the row labels and the cells
 * (a {@code Double} for a number, a {@code String} for a text such as {@code <3}, {@code x} or the en dash). Cell ids
 * are {@code sheet|row|column} with 0-based row and 1-based column indexes of the table body.
 */
public final class PublishedWorkbook {

    public record Table(String sheet, List<String> headers, List<String> labels, List<List<Object>> cells) {

        public String id(int row, int column) {
            return sheet + "|" + row + "|" + column;
        }

        public Object cell(int row, int column) {
            return cells.get(row).get(column - 1);
        }

        public int row(String label) {
            int index = labels.indexOf(label);
            if (index < 0) {
                throw new AssertionError("no row \"" + label + "\" in " + sheet + ": " + labels);
            }
            return index;
        }

        public int column(String headerStart) {
            for (int c = 0; c < headers.size(); c++) {
                if (headers.get(c).startsWith(headerStart)) {
                    return c + 1;
                }
            }
            throw new AssertionError("no column \"" + headerStart + "\" in " + sheet + ": " + headers);
        }

        public int columnCount() {
            return headers.size();
        }
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<String> description = new ArrayList<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    private PublishedWorkbook() {
    }

    /**
     * A copy of a published workbook with every cell shown as {@code mark} replaced by the full run's value: the
     * pattern a weaker protection would have published (for positive controls).
     */
    public static PublishedWorkbook revealing(PublishedWorkbook published, PublishedWorkbook full, String mark) {
        PublishedWorkbook copy = new PublishedWorkbook();
        copy.description.addAll(published.description);
        copy.notes.putAll(published.notes);
        for (Table t : published.tables.values()) {
            Table truth = full.table(t.sheet());
            List<List<Object>> cells = new ArrayList<>();
            for (int r = 0; r < t.cells().size(); r++) {
                List<Object> row = new ArrayList<>(t.cells().get(r));
                for (int c = 0; c < row.size(); c++) {
                    if (mark.equals(row.get(c))) {
                        row.set(c, truth.cells().get(r).get(c));
                    }
                }
                cells.add(row);
            }
            copy.tables.put(t.sheet(), new Table(t.sheet(), t.headers(), t.labels(), cells));
        }
        return copy;
    }

    public PublishedWorkbook(Path xlsx) throws Exception {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Row row : workbook.getSheet("Opis")) {
                if (row.getCell(0) != null) {
                    description.add(row.getCell(0).getStringCellValue());
                }
            }
            for (int s = 1; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                Row header = sheet.getRow(2);
                List<String> headers = new ArrayList<>();
                for (int c = 1; c < header.getLastCellNum(); c++) {
                    headers.add(header.getCell(c).getStringCellValue());
                }
                List<String> labels = new ArrayList<>();
                List<List<Object>> cells = new ArrayList<>();
                int r = 3;
                for (; sheet.getRow(r) != null; r++) {
                    Row row = sheet.getRow(r);
                    labels.add(row.getCell(0).getStringCellValue());
                    List<Object> values = new ArrayList<>();
                    for (int c = 1; c <= headers.size(); c++) {
                        Cell cell = row.getCell(c);
                        values.add(cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
                                : cell.getStringCellValue());
                    }
                    cells.add(values);
                }
                List<String> sheetNotes = new ArrayList<>();
                for (r++; sheet.getRow(r) != null; r++) {
                    sheetNotes.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
                tables.put(sheet.getSheetName(), new Table(sheet.getSheetName(), headers, labels, cells));
                notes.put(sheet.getSheetName(), sheetNotes);
            }
        }
    }

    /** the text (UTF-8) of an entry of a ZIP file (an auditors' package), or null when there is none */
    public static String zipEntry(Path zip, String name) throws java.io.IOException {
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
            java.util.zip.ZipEntry entry = file.getEntry(name);
            if (entry == null) {
                return null;
            }
            try (InputStream in = file.getInputStream(entry)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }

    public Table table(String sheet) {
        Table table = tables.get(sheet);
        if (table == null) {
            throw new AssertionError("no sheet \"" + sheet + "\": " + tables.keySet());
        }
        return table;
    }

    public Map<String, Table> tables() {
        return tables;
    }

    /** the lines of the "Opis" sheet (header lines, sheet list, footnotes) */
    public List<String> description() {
        return description;
    }

    /** the notes under a table */
    public List<String> notes(String sheet) {
        return notes.get(sheet);
    }
}
