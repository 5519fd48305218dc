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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import pl.mops.reports.rendering.DeterministicZip;
import pl.mops.reports.rendering.PolishFormats;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;

/**
 * XLSX: a description sheet, then a sheet per table with the title, a frozen header row, set column
 * widths and numeric cells in Polish number formats (streamed with SXSSF, so large tables stay
 * within memory). Core properties and ZIP entry times come from the document's metadata.
 */
@Component
public class XlsxRenderer implements pl.mops.reports.rendering.model.DocumentRenderer {

    private static final int LABEL_WIDTH_CHARS = 46;

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
                    writeTable(workbook.createSheet(sheetName(table)), table, styles);
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
        sheet.setColumnWidth(0, 130 * 256);
        int r = 0;
        text(sheet.createRow(r++), 0, document.unit(), styles.plain());
        text(sheet.createRow(r++), 0, document.title(), styles.title());
        for (String line : document.headerLines()) {
            text(sheet.createRow(r++), 0, line, styles.plain());
        }
        r++;
        text(sheet.createRow(r++), 0, "Arkusze:", styles.bold());
        for (ReportTable table : document.tables()) {
            text(sheet.createRow(r++), 0, sheetName(table) + " \u2014 " + table.title(), styles.plain());
        }
        r++;
        text(sheet.createRow(r++), 0, "Objaśnienia:", styles.bold());
        for (String note : document.footnotes()) {
            text(sheet.createRow(r++), 0, note, styles.wrapped());
        }
        if (!document.appendix().isEmpty()) {
            r++;
            text(sheet.createRow(r++), 0, "Załącznik techniczny:", styles.bold());
            for (String line : document.appendix()) {
                text(sheet.createRow(r++), 0, line, styles.wrapped());
            }
        }
    }

    private static void writeTable(Sheet sheet, ReportTable table, XlsxStyles styles) {
        List<ReportColumn> columns = table.columns();
        sheet.setColumnWidth(0, (table.labelWidthChars() > 0 ? table.labelWidthChars() : LABEL_WIDTH_CHARS) * 256);
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c + 1, Math.max(8, columns.get(c).widthChars() + 2) * 256);
        }
        text(sheet.createRow(0), 0, table.title(), styles.title());
        int headerRowIndex = 2;
        Row header = sheet.createRow(headerRowIndex);
        header.setHeightInPoints(45);
        text(header, 0, table.labelHeader(), styles.header());
        for (int c = 0; c < columns.size(); c++) {
            text(header, c + 1, columns.get(c).title().replace("\u00AD", ""), styles.header());
        }
        sheet.createFreezePane(1, headerRowIndex + 1);
        int r = headerRowIndex + 1;
        for (ReportRow row : table.rows()) {
            Row line = sheet.createRow(r++);
            text(line, 0, row.title(), styles.label(row.level(), row.total()));
            for (int c = 0; c < columns.size(); c++) {
                BigDecimal value = row.values().get(c);
                Cell cell = line.createCell(c + 1);
                if (value == null) {
                    String text = row.textOf(c);
                    cell.setCellValue(text != null ? text : PolishFormats.NO_VALUE);
                    cell.setCellStyle(styles.noValue(row.total()));
                } else {
                    cell.setCellValue(value.doubleValue());
                    cell.setCellStyle(styles.number(row.typeOf(c, columns), row.total()));
                }
            }
        }
        r++;
        for (String note : table.notes()) {
            text(sheet.createRow(r++), 0, note, styles.plain());
        }
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
