package pl.mops.reports.rendering.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import pl.mops.reports.rendering.model.DocumentRenderer.CompanionFile;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/**
 * A table of a document as people paste it into their own "zestawienie": one file per table,
 * {@code <base>-tabela-<id>.csv} (e.g. {@code statystyka-2025-03-tabela-T1.csv}), that Polish Excel opens as a table.
 * UTF-8 with a BOM, {@code ;} separator, CRLF. The first line is the header: the label column's header, then each
 * column's title with its remark in brackets ("niepełne: 5 z 31 dni"); a percent column's title ends with
 * {@code (%)}, and a title that repeats in the table (the "zmiana" of the month and of the year so far) is told apart
 * by the title of the column its group starts with. Then one line per row: the label (with the row's remark in
 * brackets; a "w tym" row indented by two spaces per level), then the values with a decimal comma and no grouping,
 * as many decimals as the document prints (percent 1, złoty 2) and a percentage as the number of percent
 * ({@code 9,9}). A cell without a value is empty, unless the document shows a text in its place ("brak danych",
 * {@code <3}): then that text. Texts are neutralised against formula injection ({@link SafeCsv}); the table's notes
 * are not repeated (they are in the PDF and the workbook). Same document, same bytes.
 */
public final class WideCsv {

    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
    /** a soft hyphen: a hint where the PDF may break a long word, nothing a spreadsheet should show */
    private static final String SOFT_HYPHEN = "\u00AD";

    private WideCsv() {
    }

    /** the suffix of a table's file after the document's base name, e.g. {@code -tabela-T1.csv} */
    public static String suffix(ReportTable table) {
        return "-tabela-" + table.id().replaceAll("[^A-Za-z0-9_]", "_") + ".csv";
    }

    /** one file per table of the document, in the document's order */
    public static List<CompanionFile> files(ReportDocument document) throws IOException {
        List<CompanionFile> files = new ArrayList<>();
        for (ReportTable table : document.tables()) {
            files.add(new CompanionFile(suffix(table), bytes(table)));
        }
        return files;
    }

    /** the CSV of one table */
    public static byte[] bytes(ReportTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 12);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(headers(table));
        for (ReportRow row : table.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(SafeCsv.text("  ".repeat(Math.max(0, row.level())) + plain(row.title())));
            for (int i = 0; i < table.columns().size(); i++) {
                BigDecimal value = row.values().get(i);
                String text = row.textOf(i);
                cells.add(value != null ? LongFormCsvRenderer.plain(value, row.typeOf(i, table.columns()))
                        : text != null ? SafeCsv.text(text) : "");
            }
            printer.printRecord(cells);
        }
        printer.flush();
        return out.toByteArray();
    }

    /** the header line: the label column's header and every column's title */
    static List<String> headers(ReportTable table) {
        List<ReportColumn> columns = table.columns();
        List<String> headers = new ArrayList<>();
        headers.add(SafeCsv.text(plain(table.labelHeader())));
        String group = null;
        boolean afterRepeated = true;
        for (ReportColumn column : columns) {
            String header = plain(column.header());
            boolean percent = column.type() == ValueType.PERCENT;
            if (percent && header.endsWith(" %")) {
                header = header.substring(0, header.length() - 2);
            }
            if (occurrences(columns, column.header()) == 1) {
                if (afterRepeated) { // the first column of a group: "marzec 2025" before its "zmiana"
                    group = header;
                }
                afterRepeated = false;
            } else {
                afterRepeated = true;
                if (group != null) {
                    header = header + ", " + group;
                }
            }
            if (percent && !header.contains("%")) {
                header = header + " (%)";
            }
            if (column.note() != null) {
                header = header + " (" + plain(column.note()) + ")";
            }
            headers.add(SafeCsv.text(header));
        }
        return headers;
    }

    private static long occurrences(List<ReportColumn> columns, String header) {
        return columns.stream().filter(c -> c.header().equals(header)).count();
    }

    private static String plain(String text) {
        return text.replace(SOFT_HYPHEN, "");
    }
}
