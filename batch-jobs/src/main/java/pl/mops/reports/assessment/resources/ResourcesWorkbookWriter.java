package pl.mops.reports.assessment.resources;

import static pl.mops.reports.assessment.resources.ResourcesWorkbookLayout.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import pl.mops.reports.assessment.resources.ResourceCatalogue.Chapter;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Kind;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Position;
import pl.mops.reports.rendering.DeterministicZip;
import pl.mops.reports.rendering.xlsx.XlsxPageSetup;

/**
 * Writes the workbook form of the resources template ({@code zasoby-<Y>.xlsx}, layout in
 * {@link ResourcesWorkbookLayout}) from the same {@link ResourcesPrefill} as the YAML template. Every sheet is
 * protected without a password: only the year cells (and the keys of the budget rows, and the source
 * descriptions) are unlocked, so the keys, labels and headers the reader relies on cannot be typed over by
 * accident. The bytes depend only on the prefill: the workbook's dates are 1 January of the year after the
 * assessment year (as in the assessment's own documents) and every ZIP entry carries that time.
 */
public final class ResourcesWorkbookWriter {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle locked;
    private final CellStyle wrapped;
    private final CellStyle inputText;
    private final CellStyle inputCount;
    private final CellStyle inputDecimal;

    private ResourcesWorkbookWriter() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 13);
        title = style(true, false);
        title.setFont(big);
        header = style(true, true);
        header.setFont(bold);
        header.setBorderBottom(BorderStyle.THIN);
        locked = style(true, false);
        wrapped = style(true, true);
        inputText = style(false, false);
        inputText.setDataFormat(workbook.createDataFormat().getFormat("@"));
        inputCount = style(false, false);
        inputCount.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        inputDecimal = style(false, false);
        inputDecimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
    }

    /** the workbook's bytes */
    public static byte[] write(ResourcesPrefill prefill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(prefill, out);
        return out.toByteArray();
    }

    /** writes the workbook to {@code out} (not closed) */
    public static void write(ResourcesPrefill prefill, OutputStream out) {
        try {
            out.write(new ResourcesWorkbookWriter().bytes(prefill));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytes(ResourcesPrefill prefill) throws IOException {
        Instant created = LocalDate.of(prefill.year() + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        core.setCreated(Optional.of(Date.from(created)));
        core.setModified(Optional.of(Date.from(created)));
        core.setCreator("mops-reports");
        core.setTitle("Zasoby pomocy społecznej — dane do oceny za rok " + prefill.year());
        instructions(prefill);
        for (Chapter chapter : ResourceCatalogue.CHAPTERS) {
            chapter(chapter, prefill);
        }
        sources();
        for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) { // A4, one page wide, the headers on every page
            String name = sheet.getSheetName();
            XlsxPageSetup.apply(sheet, core.getTitle(), name.equals(INSTRUCTIONS) ? -1
                    : name.equals(SOURCES) ? SOURCE_HEADER_ROW : 0, name.equals(SOURCES) ? SOURCE_HEADER_ROW : HEADER_ROW);
        }
        workbook.setActiveSheet(0);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        workbook.write(raw);
        workbook.close();
        return DeterministicZip.normalize(raw.toByteArray(), created);
    }

    private void instructions(ResourcesPrefill prefill) {
        int y = prefill.year();
        XSSFSheet sheet = workbook.createSheet(INSTRUCTIONS);
        List<String> lines = new ArrayList<>();
        lines.add("Jak wypełnić arkusze:");
        lines.add("• Każdy arkusz to jeden rozdział oceny; każdy wiersz to jedna pozycja. W kolumnach " + (y - 2) + ", "
                + (y - 1) + " i " + y + " wpisz wartość za dany rok (stan na 31 XII albo cały rok).");
        lines.add("• Liczby osób, placówek, miejsc i umów wpisz jako liczby całkowite; etaty i kwoty (zł) — najwyżej "
                + "z dwoma miejscami po przecinku. Żadna wartość nie może być ujemna.");
        lines.add("• Wartość nieznaną wpisz słowami: " + ResourceCatalogue.NO_DATA + " (raport pokaże „brak danych”, "
                + "a prognoza pominie ten rok).");
        lines.add("• Pusta komórka roku jest błędem: program wypisze każdą pustą komórkę z nazwą arkusza i adresem, "
                + "np. „arkusz „Kadra”, komórka F7”.");
        lines.add("• Wpisuj same wartości, nie formuły: komórka z formułą (np. =D5+D6) jest błędem — policz obok "
                + "i wklej wynik jako wartość (Wklej specjalnie → Wartości).");
        lines.add("• Nie zmieniaj kluczy pozycji (kolumna A), nagłówków lat ani nazw arkuszy i nie dodawaj arkuszy — "
                + "arkusze są chronione (bez hasła), a otwarte do wpisywania są tylko komórki lat (oraz numery "
                + "rozdziałów w arkuszu „" + SHEETS.get(ResourceCatalogue.BUDGET) + "” i opisy w arkuszu „" + SOURCES + "”).");
        lines.add("• Arkusz „" + SHEETS.get(ResourceCatalogue.BUDGET) + "”: wydatki wykonane (zł) według rozdziałów "
                + "klasyfikacji budżetowej działów 852, 853 i 855. Rozdział, którego nie dotyczy, zostaw z wartościami "
                + "„" + ResourceCatalogue.NO_DATA + "” albo wyczyść cały wiersz (klucz i lata); inny rozdział dopisz "
                + "w pustym wierszu poniżej: pięciocyfrowy numer w kolumnie A i wartości za trzy lata.");
        lines.add("• Arkusz „" + SOURCES + "” (opcjonalnie): źródło danych każdego rozdziału, np. „GUS, Bank Danych "
                + "Lokalnych” — tekst pojawi się pod tabelą rozdziału.");
        lines.add("• Uwagi (kolumna G) opisują pozycję i podpowiadają, skąd wziąć dane; wartości wpisane wcześniej przez program "
                + "(np. liczba mieszkańców z config/ludnosc-dzielnic.csv) sprawdź i w razie potrzeby popraw.");
        lines.add("");
        lines.add("Uruchomienie: ./mops-reports run ozps --year " + y + " --resources zasoby-" + y + ".xlsx");
        lines.add("Program czyta skoroszyt tak samo jak plik YAML (te same sprawdzenia) i dołącza go bez zmian "
                + "do paczki dla audytorów, razem z jego odczytem w postaci YAML.");
        if (!prefill.snapshotNotes().isEmpty()) {
            lines.add("");
            lines.addAll(prefill.snapshotNotes().stream().map(String::strip).toList());
        } else {
            lines.add("");
            lines.add("W bazie nie ma jeszcze migawki danych o świadczeniach — brak liczb do porównania.");
        }
        text(sheet.createRow(0), 0, "Zasoby pomocy społecznej — dane do oceny zasobów pomocy społecznej (OZPS) za rok "
                + y, title);
        text(sheet.createRow(1), 0, "Art. 16a ustawy o pomocy społecznej. Skoroszyt wypełnia Sekcja Strategii "
                + "i Informacji.", locked);
        int r = 3;
        for (String line : lines) {
            text(sheet.createRow(r++), 0, line, wrapped);
        }
        sheet.setColumnWidth(0, 120 * 256);
        protect(sheet);
    }

    private void chapter(Chapter chapter, ResourcesPrefill prefill) {
        XSSFSheet sheet = workbook.createSheet(SHEETS.get(chapter.key()));
        text(sheet.createRow(0), 0, chapter.title(), title);
        Row description = sheet.createRow(1);
        text(description, 0, chapter.comment(), wrapped);
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 1, 0, NOTES));
        description.setHeightInPoints(32);
        Row headers = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < HEADERS_BEFORE_YEARS.size(); c++) {
            text(headers, c, HEADERS_BEFORE_YEARS.get(c), header);
        }
        List<Integer> years = prefill.years();
        for (int i = 0; i < years.size(); i++) {
            text(headers, FIRST_YEAR + i, String.valueOf(years.get(i)), header);
        }
        text(headers, NOTES, NOTES_HEADER, header);
        int r = FIRST_POSITION_ROW;
        if (chapter.open()) {
            for (String budget : prefill.budgetChapters()) {
                Row row = sheet.createRow(r++);
                text(row, KEY, budget, inputText);
                text(row, LABEL, ResourceCatalogue.budgetLabel(budget), wrapped);
                text(row, UNIT, unit(Kind.AMOUNT), locked);
                years(row, chapter, budget, Kind.AMOUNT, prefill);
                text(row, NOTES, "", wrapped);
            }
            for (int i = 0; i < BUDGET_EMPTY_ROWS; i++) {
                Row row = sheet.createRow(r++);
                row.createCell(KEY).setCellStyle(inputText);
                years(row, chapter, "", Kind.AMOUNT, prefill);
            }
        } else {
            for (Position position : chapter.positions()) {
                Row row = sheet.createRow(r++);
                text(row, KEY, position.key(), locked);
                text(row, LABEL, position.label(), wrapped);
                text(row, UNIT, unit(position.kind()), locked);
                years(row, chapter, position.key(), position.kind(), prefill);
                List<String> notes = new ArrayList<>();
                notes.add(position.comment() + position.kind().hint);
                for (int y : years) {
                    String note = prefill.valueNote(chapter.key(), position.key(), y);
                    if (note != null) {
                        notes.add(y + ": " + note);
                    }
                }
                prefill.notes(chapter.key(), position.key()).stream().map(String::strip).forEach(notes::add);
                text(row, NOTES, String.join("\n", notes), wrapped);
            }
        }
        sheet.createFreezePane(0, FIRST_POSITION_ROW);
        sheet.setColumnWidth(KEY, 30 * 256);
        sheet.setColumnWidth(LABEL, 60 * 256);
        sheet.setColumnWidth(UNIT, 11 * 256);
        for (int i = 0; i < 3; i++) {
            sheet.setColumnWidth(FIRST_YEAR + i, 16 * 256);
        }
        sheet.setColumnWidth(NOTES, 70 * 256);
        protect(sheet);
    }

    private void years(Row row, Chapter chapter, String position, Kind kind, ResourcesPrefill prefill) {
        List<Integer> years = prefill.years();
        for (int i = 0; i < years.size(); i++) {
            Cell cell = row.createCell(FIRST_YEAR + i);
            cell.setCellStyle(kind == Kind.COUNT ? inputCount : inputDecimal);
            BigDecimal value = position.isEmpty() ? null : prefill.value(chapter.key(), position, years.get(i));
            String text = position.isEmpty() ? null : prefill.text(chapter.key(), position, years.get(i));
            if (value != null) {
                cell.setCellValue(value.doubleValue());
            } else if (text != null) {
                cell.setCellValue(text);
            }
        }
    }

    private void sources() {
        XSSFSheet sheet = workbook.createSheet(SOURCES);
        Row headers = sheet.createRow(SOURCE_HEADER_ROW);
        for (int c = 0; c < SOURCE_HEADERS.size(); c++) {
            text(headers, c, SOURCE_HEADERS.get(c), header);
        }
        int r = SOURCE_HEADER_ROW + 1;
        for (Chapter chapter : ResourceCatalogue.CHAPTERS) {
            Row row = sheet.createRow(r++);
            text(row, SOURCE_KEY, chapter.key(), locked);
            text(row, SOURCE_SHEET, SHEETS.get(chapter.key()), locked);
            row.createCell(SOURCE_TEXT).setCellStyle(inputText);
        }
        sheet.createFreezePane(0, SOURCE_HEADER_ROW + 1);
        sheet.setColumnWidth(SOURCE_KEY, 28 * 256);
        sheet.setColumnWidth(SOURCE_SHEET, 26 * 256);
        sheet.setColumnWidth(SOURCE_TEXT, 80 * 256);
        protect(sheet);
    }

    /** protection without a password: locked cells cannot be typed over, column widths may be changed */
    private static void protect(XSSFSheet sheet) {
        sheet.enableLocking();
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    private CellStyle style(boolean isLocked, boolean wrap) {
        CellStyle style = workbook.createCellStyle();
        style.setLocked(isLocked);
        style.setWrapText(wrap);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
