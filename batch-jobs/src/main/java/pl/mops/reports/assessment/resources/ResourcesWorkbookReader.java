package pl.mops.reports.assessment.resources;

import static pl.mops.reports.assessment.resources.ResourcesWorkbookLayout.*;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * Reads the workbook form of a resources file ({@code zasoby-<Y>.xlsx}, layout in {@link ResourcesWorkbookLayout})
 * into {@link RawResources}, so that the {@link ResourcesValidator} checks it exactly as a YAML file. Every value
 * keeps its place — sheet and cell — which the problems name ("arkusz „Kadra”, komórka D7").
 *
 * <p>A cell is read as the clerk typed it: a number cell as its number, a text cell as its text (so
 * "brak danych", or "1 234,5" typed as text, is checked by the same rules as in YAML). A formula is refused,
 * even with a cached value: the figure the auditors see must be the figure typed, not the result of a
 * calculation over other cells that a different program may recompute differently (or never computed at all).
 * A date, a logical value or an error in a year cell is a problem too. The year headers must be the three
 * years of the assessment; a sheet the layout does not know is a problem, as is a missing one.
 */
final class ResourcesWorkbookReader {

    private final RawResources raw = new RawResources();
    private final ResourceProblems problems;
    private final List<String> places;
    private final int year;

    private ResourcesWorkbookReader(int year, ResourceProblems problems, List<String> places) {
        this.year = year;
        this.problems = problems;
        this.places = places;
        raw.format = RawResources.Format.XLSX;
        raw.yearRequired = false;
        ResourceCatalogue.CHAPTERS.forEach(c -> raw.sheets.put(c.key(), SHEETS.get(c.key())));
    }

    /** whether the bytes start as a ZIP container (an XLSX workbook is one) */
    static boolean looksLikeZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** whether the bytes start as an OLE2 container (an old .xls workbook, or an .xlsx encrypted with a password) */
    static boolean looksLikeOle2(byte[] content) {
        return content.length >= 4 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF
                && (content[2] & 0xFF) == 0x11 && (content[3] & 0xFF) == 0xE0;
    }

    /**
     * @param places receives the description of every place the problems refer to (place n = element n−1)
     * @throws UserError (exit code 2) when the bytes are no XLSX workbook at all
     */
    static RawResources read(byte[] content, String fileName, int year, ResourceProblems problems, List<String> places) {
        if (looksLikeOle2(content)) {
            throw new UserError("Plik zasobów " + fileName + " jest skoroszytem w starym formacie Excel 97–2003 (.xls) "
                    + "albo skoroszytem zabezpieczonym hasłem otwarcia — zapisz go jako „Skoroszyt programu Excel "
                    + "(.xlsx)” bez hasła otwarcia.", ExitCode.INVALID_INPUT, null);
        }
        if (!looksLikeZip(content)) {
            throw notAWorkbook(fileName, null);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            ResourcesWorkbookReader reader = new ResourcesWorkbookReader(year, problems, places);
            reader.read(workbook);
            return reader.raw;
        } catch (UserError e) {
            throw e;
        } catch (Exception e) { // IOException, POI's NotOfficeXmlFileException, POIXMLException, a zip bomb…
            throw notAWorkbook(fileName, e);
        }
    }

    private static UserError notAWorkbook(String fileName, Exception cause) {
        return new UserError("Plik zasobów " + fileName + " nie jest skoroszytem Excel (.xlsx), więc nie da się go "
                + "odczytać" + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
                + ". Utwórz skoroszyt poleceniem ./mops-reports ozps template --year RRRR --xlsx, wypełnij go i zapisz "
                + "jako „Skoroszyt programu Excel (.xlsx)”.", ExitCode.INVALID_INPUT, cause);
    }

    private void read(XSSFWorkbook workbook) {
        Map<String, String> chapterBySheet = new HashMap<>();
        SHEETS.forEach((chapter, sheet) -> chapterBySheet.put(sheet, chapter));
        List<String> known = new ArrayList<>();
        known.add(INSTRUCTIONS);
        known.addAll(chapterSheets());
        known.add(SOURCES);
        for (Sheet sheet : workbook) {
            String name = sheet.getSheetName().strip();
            if (name.equals(INSTRUCTIONS)) {
                continue;
            }
            if (name.equals(SOURCES)) {
                sources(sheet);
            } else if (chapterBySheet.containsKey(name)) {
                chapter(chapterBySheet.get(name), sheet);
            } else {
                problems.add(place("arkusz „" + name + "”"), "nieznany arkusz „" + name + "” — skoroszyt zasobów ma "
                        + "tylko arkusze: " + String.join(", ", known) + " (nie dodawaj arkuszy i nie zmieniaj ich nazw).");
            }
        }
    }

    private void chapter(String chapterKey, Sheet sheet) {
        String sheetName = SHEETS.get(chapterKey);
        RawResources.ChapterEntry chapter = new RawResources.ChapterEntry(chapterKey, place("arkusz „" + sheetName + "”"));
        raw.chapters.put(chapterKey, chapter);
        List<Integer> years = List.of(year - 2, year - 1, year);
        Row headers = sheet.getRow(HEADER_ROW);
        for (int i = 0; i < years.size(); i++) {
            int column = FIRST_YEAR + i;
            Cell cell = headers == null ? null : headers.getCell(column);
            String found = headerText(cell);
            if (!found.equals(String.valueOf(years.get(i)))) {
                problems.add(place(sheetName, HEADER_ROW, column), (found.isEmpty() ? "brak nagłówka roku"
                        : "nagłówek kolumny „" + found + "” zamiast roku " + years.get(i))
                        + " — kolumny " + cellColumn(FIRST_YEAR) + "–" + cellColumn(FIRST_YEAR + 2) + " muszą mieć nagłówki "
                        + (year - 2) + ", " + (year - 1) + ", " + year + " (ocena za rok " + year + "; skoroszyt na inny rok "
                        + "utwórz poleceniem ozps template --year RRRR --xlsx).");
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int r = FIRST_POSITION_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Cell keyCell = row.getCell(KEY);
            String key = keyText(sheetName, r, keyCell);
            if (key == null) {
                continue; // a formula as the key: reported
            }
            if (key.isEmpty()) {
                for (int i = 0; i < years.size(); i++) {
                    if (!isBlank(row.getCell(FIRST_YEAR + i))) {
                        problems.add(place(sheetName, r, FIRST_YEAR + i), "wartość w wierszu " + (r + 1) + " bez klucza "
                                + "pozycji w kolumnie A — wpisz klucz (w arkuszu „" + SHEETS.get(ResourceCatalogue.BUDGET)
                                + "” numer rozdziału, np. 85219) albo wyczyść wiersz.");
                        break;
                    }
                }
                continue;
            }
            int keyPlace = place(sheetName, r, KEY);
            Integer first = seen.putIfAbsent(key, r + 1);
            if (first != null) {
                problems.add(keyPlace, "powtórzona pozycja „" + chapterKey + "." + key + "” (pierwszy raz w wierszu "
                        + first + "); obowiązuje pierwsza.");
                continue;
            }
            RawResources.PositionEntry position = new RawResources.PositionEntry(key, keyPlace);
            chapter.positions.put(key, position);
            for (int i = 0; i < years.size(); i++) {
                position.years.put(String.valueOf(years.get(i)),
                        value(sheetName, r, FIRST_YEAR + i, row.getCell(FIRST_YEAR + i), chapterKey + "." + key, years.get(i)));
            }
        }
    }

    /** the value of a year cell; {@code null} when the cell holds something that is no value (reported here) */
    private RawResources.Value value(String sheetName, int r, int column, Cell cell, String where, int y) {
        int at = place(sheetName, r, column);
        String item = " w pozycji " + where + ", rok " + y;
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return new RawResources.Value("", true, at);
        }
        switch (cell.getCellType()) {
            case STRING -> {
                String text = cell.getStringCellValue();
                return new RawResources.Value(text.strip(), text.isBlank(), at);
            }
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    problems.add(at, "data zamiast liczby" + item + " — wpisz liczbę albo „" + ResourceCatalogue.NO_DATA
                            + "” (komórka ma format daty).");
                    return null;
                }
                return new RawResources.Value(number(cell.getNumericCellValue()), false, at);
            }
            case BOOLEAN -> {
                return new RawResources.Value(cell.getBooleanCellValue() ? "PRAWDA" : "FAŁSZ", false, at);
            }
            case FORMULA -> {
                problems.add(at, "formuła „=" + cell.getCellFormula() + "”" + item + " — wpisz samą wartość: formuły "
                        + "nie są przyjmowane (policz obok i wklej wynik jako wartość).");
                return null;
            }
            default -> {
                problems.add(at, "komórka z błędem zamiast liczby" + item + " — wpisz liczbę albo „"
                        + ResourceCatalogue.NO_DATA + "”.");
                return null;
            }
        }
    }

    /** the key in column A: text as typed, a whole number as its digits; {@code null} for a formula (reported) */
    private String keyText(String sheetName, int r, Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> number(cell.getNumericCellValue());
            case FORMULA -> {
                problems.add(place(sheetName, r, KEY), "formuła „=" + cell.getCellFormula() + "” zamiast klucza pozycji "
                        + "— wpisz klucz jako tekst.");
                yield null;
            }
            case BOOLEAN -> cell.getBooleanCellValue() ? "PRAWDA" : "FAŁSZ";
            default -> "";
        };
    }

    private void sources(Sheet sheet) {
        for (int r = SOURCE_HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            String key = keyText(SOURCES, r, row.getCell(SOURCE_KEY));
            Cell textCell = row.getCell(SOURCE_TEXT);
            String text = textCell == null ? "" : switch (textCell.getCellType()) {
                case STRING -> textCell.getStringCellValue().strip();
                case NUMERIC -> number(textCell.getNumericCellValue());
                default -> "";
            };
            if (key == null || (key.isEmpty() && text.isEmpty())) {
                continue;
            }
            raw.sources.putIfAbsent(key, new RawResources.Text(text, place(SOURCES, r, SOURCE_TEXT)));
        }
    }

    private static String headerText(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> number(cell.getNumericCellValue());
            case FORMULA -> "=" + cell.getCellFormula();
            default -> "";
        };
    }

    private static boolean isBlank(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK
                || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank());
    }

    /** a number cell's value as plain digits, e.g. 4.5 → "4.5", 8200.0 → "8200" (the validator checks its kind) */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String cellColumn(int column) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(column);
    }

    private int place(String sheetName, int row, int column) {
        return place("arkusz „" + sheetName + "”, komórka " + cell(row, column));
    }

    private int place(String description) {
        places.add(description);
        return places.size();
    }
}
