package pl.mops.reports.rendering.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import pl.mops.reports.rendering.DeterministicZip;
import pl.mops.reports.rendering.PolishFormats;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/**
 * XLSX: a description sheet, then a sheet per table with the title, a frozen header row, set column
 * widths and numeric cells in Polish number formats (percentages as fractions with a percent format), streamed with
 * SXSSF so large tables stay within memory. Every sheet prints on A4, one page wide, with its header rows repeated and
 * a footer ({@link XlsxPageSetup}); the charts of the document that have a source table are drawn under that table
 * from its cells ({@link XlsxCharts}). Core properties and ZIP entry times come from the document's metadata.
 */
@Component
public class XlsxRenderer implements pl.mops.reports.rendering.model.DocumentRenderer {

    private static final int LABEL_WIDTH_CHARS = 46;
    private static final int DESCRIPTION_WIDTH_CHARS = 100;
    /** the row of the column headers (0-based): the title is row 0, row 1 is empty */
    static final int HEADER_ROW = 2;
    /** height of a line of text in the default font (Calibri 11) */
    private static final float LINE_POINTS = 15f;

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public void render(ReportDocument document, OutputStream out) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 16);
        try (XSSFWorkbook base = new XSSFWorkbook()) {
            setProperties(base, document);
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(base, 200)) {
                XlsxStyles styles = new XlsxStyles(workbook);
                writeDescription(workbook.createSheet("Opis"), document, styles);
                for (ReportTable table : document.tables()) {
                    SXSSFSheet sheet = workbook.createSheet(sheetName(table));
                    int nextRow = writeTable(sheet, table, document.title(), styles);
                    for (ReportChart chart : document.charts()) {
                        if (chart.source() != null && chart.source().tableId().equals(table.id())
                                && XlsxCharts.draw(base.getSheet(sheet.getSheetName()), table, HEADER_ROW, chart, nextRow)) {
                            nextRow += XlsxCharts.HEIGHT_ROWS + 1;
                        }
                    }
                }
                workbook.write(raw);
            }
        }
        out.write(DeterministicZip.normalize(raw.toByteArray(), document.metadata().created()));
    }

    private static void setProperties(XSSFWorkbook workbook, ReportDocument document) {
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        Date created = Date.from(document.metadata().created());
        core.setCreated(Optional.of(created));
        core.setModified(Optional.of(created));
        core.setTitle(document.title());
        core.setCreator(document.metadata().author());
        core.setSubjectProperty(document.metadata().subject());
        core.setKeywords(document.metadata().keywords());
        core.setLastModifiedByUser(document.metadata().author());
        workbook.getProperties().getExtendedProperties().setCompany(document.unit());
    }

    private static void writeDescription(Sheet sheet, ReportDocument document, XlsxStyles styles) {
        sheet.setColumnWidth(0, DESCRIPTION_WIDTH_CHARS * 256);
        int r = 0;
        text(sheet.createRow(r++), 0, document.unit(), styles.plain());
        text(sheet.createRow(r++), 0, document.title(), styles.title());
        for (String line : document.headerLines()) {
            wrappedLine(sheet.createRow(r++), line, DESCRIPTION_WIDTH_CHARS, styles);
        }
        r++;
        text(sheet.createRow(r++), 0, "Arkusze:", styles.bold());
        for (ReportTable table : document.tables()) {
            wrappedLine(sheet.createRow(r++), sheetName(table) + " \u2014 " + table.title(), DESCRIPTION_WIDTH_CHARS, styles);
        }
        r++;
        text(sheet.createRow(r++), 0, "Objaśnienia:", styles.bold());
        for (String note : document.footnotes()) {
            wrappedLine(sheet.createRow(r++), note, DESCRIPTION_WIDTH_CHARS, styles);
        }
        if (!document.appendix().isEmpty()) {
            r++;
            text(sheet.createRow(r++), 0, "Załącznik techniczny:", styles.bold());
            for (String line : document.appendix()) {
                wrappedLine(sheet.createRow(r++), line, DESCRIPTION_WIDTH_CHARS, styles);
            }
        }
        XlsxPageSetup.apply(sheet, document.title(), -1, -1, DESCRIPTION_WIDTH_CHARS);
    }

    /** a text in column A, wrapped within {@code widthChars}, its row as tall as its lines */
    private static void wrappedLine(Row row, String text, int widthChars, XlsxStyles styles) {
        text(row, 0, text, styles.wrapped());
        int lines = lines(text, widthChars);
        if (lines > 1) {
            row.setHeightInPoints(lines * LINE_POINTS + 2);
        }
    }

    /**
     * Writes the table: title (row 1), header (row 3), a row per table row, then its notes after an empty row.
     *
     * @return the first free row after the notes (where charts may start), leaving an empty row
     */
    private static int writeTable(Sheet sheet, ReportTable table, String documentTitle, XlsxStyles styles) {
        List<ReportColumn> columns = table.columns();
        int labelWidth = table.labelWidthChars() > 0 ? table.labelWidthChars() : LABEL_WIDTH_CHARS;
        sheet.setColumnWidth(0, labelWidth * 256);
        int[] widths = new int[columns.size() + 1];
        widths[0] = labelWidth;
        int totalWidth = labelWidth;
        for (int c = 0; c < columns.size(); c++) {
            widths[c + 1] = Math.max(8, columns.get(c).widthChars() + 2);
            totalWidth += widths[c + 1];
            sheet.setColumnWidth(c + 1, widths[c + 1] * 256);
        }
        text(sheet.createRow(0), 0, table.title(), styles.title());
        Row header = sheet.createRow(HEADER_ROW);
        int headerLines = lines(table.labelHeader(), labelWidth - 1);
        text(header, 0, table.labelHeader(), styles.header());
        for (int c = 0; c < columns.size(); c++) {
            text(header, c + 1, header(columns.get(c)), styles.header());
            headerLines = Math.max(headerLines, lines(header(columns.get(c)), (widths[c + 1] - 1) * 9 / 10));
        }
        header.setHeightInPoints(Math.max(2, headerLines) * LINE_POINTS + 4); // long headers wrap, not clipped
        sheet.createFreezePane(1, HEADER_ROW + 1);
        int r = HEADER_ROW + 1;
        for (ReportRow row : table.rows()) {
            Row line = sheet.createRow(r++);
            text(line, 0, row.title(), styles.label(row.level(), row.total()));
            int labelLines = lines(row.title(), labelWidth - 1 - Math.min(row.level() * 2, 15));
            if (labelLines > 1) {
                line.setHeightInPoints(labelLines * LINE_POINTS + 2); // the whole label printed next to its numbers
            }
            for (int c = 0; c < columns.size(); c++) {
                BigDecimal value = row.values().get(c);
                Cell cell = line.createCell(c + 1);
                if (value == null) {
                    String text = row.textOf(c);
                    cell.setCellValue(text != null ? text : PolishFormats.NO_VALUE);
                    cell.setCellStyle(styles.noValue(row.total()));
                } else {
                    ValueType type = row.typeOf(c, columns);
                    cell.setCellValue(PolishFormats.excelValue(value, type));
                    cell.setCellStyle(styles.number(type, row.total()));
                }
            }
        }
        r++;
        for (String note : table.notes()) {
            Row line = sheet.createRow(r);
            text(line, 0, note, styles.wrapped());
            if (!columns.isEmpty()) {
                // a note is no data: merged across the table's width so that it prints whole, wrapped
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns.size()));
            }
            int lines = lines(note, (columns.isEmpty() ? labelWidth : totalWidth) - 1);
            if (lines > 1) {
                line.setHeightInPoints(lines * LINE_POINTS + 2);
            }
            r++;
        }
        XlsxPageSetup.apply(sheet, documentTitle, 0, HEADER_ROW, totalWidth);
        return r + 1;
    }

    /** a column's header as written in its cell (without the soft hyphens of the PDF) */
    static String header(ReportColumn column) {
        return column.title().replace("\u00AD", "");
    }

    /** how many lines {@code text} takes when wrapped at word boundaries within {@code widthChars} characters */
    static int lines(String text, int widthChars) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int width = Math.max(1, widthChars);
        int lines = 1;
        int used = 0;
        for (String word : text.split(" ")) {
            int length = word.length();
            if (used == 0) {
                used = length;
            } else if (used + 1 + length <= width) {
                used += 1 + length;
            } else {
                lines++;
                used = length;
            }
            while (used > width) { // a word longer than the line breaks anywhere
                lines++;
                used -= width;
            }
        }
        return lines;
    }

    private static void text(Row row, int column, String value, org.apache.poi.ss.usermodel.CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Excel limits sheet names to 31 characters without {@code : \ / ? * [ ]}. */
    static String sheetName(ReportTable table) {
        String name = table.sheetName().replaceAll("[:\\\\/?*\\[\\]]", "-");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
