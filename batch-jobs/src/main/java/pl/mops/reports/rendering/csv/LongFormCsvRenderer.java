package pl.mops.reports.rendering.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import pl.mops.reports.rendering.model.DocumentRenderer;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/**
 * Every number of a document in long form, {@code okres;tabela;wymiar;klucz;miara;wartosc}: UTF-8
 * with a BOM (so Excel shows Polish letters), {@code ;} separator, CRLF, decimal comma, no grouping.
 * A cell without a value has no line, unless it shows a text in place of the value (e.g. {@code <3} or {@code x} of
 * the publication profile, "brak danych"): then the line carries that text in {@code wartosc}, never the number.
 * A value with a remark (its column's or row's note, e.g. that the data of its period are incomplete) is followed by a
 * line whose {@code miara} is the value's with {@code _uwaga} appended and whose {@code wartosc} is the remark.
 * Text cells are neutralised against formula injection ({@link SafeCsv}); numbers (also negative) are numbers.
 * The long form is for tools; beside it go the tables in wide form with their labels, for people ({@link WideCsv}).
 */
@Component
public class LongFormCsvRenderer implements DocumentRenderer {

    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .setHeader("okres", "tabela", "wymiar", "klucz", "miara", "wartosc").get();

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void render(ReportDocument document, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        for (ReportTable table : document.tables()) {
            for (ReportRow row : table.rows()) {
                for (int i = 0; i < table.columns().size(); i++) {
                    BigDecimal value = row.values().get(i);
                    String text = row.textOf(i);
                    String period = SafeCsv.text(document.period());
                    String tableId = SafeCsv.text(table.id());
                    String dimension = SafeCsv.text(table.dimension());
                    String key = SafeCsv.text(row.key());
                    String measure = table.columns().get(i).code();
                    if (value != null) {
                        printer.printRecord(period, tableId, dimension, key, SafeCsv.text(measure),
                                plain(value, row.typeOf(i, table.columns())));
                    } else if (text != null) {
                        printer.printRecord(period, tableId, dimension, key, SafeCsv.text(measure), SafeCsv.text(text));
                    }
                    String note = note(table.columns().get(i).note(), row.note());
                    if (note != null && (value != null || text != null)) {
                        printer.printRecord(period, tableId, dimension, key, SafeCsv.text(measure + "_uwaga"),
                                SafeCsv.text(note));
                    }
                }
            }
        }
        printer.flush();
    }

    /** beside the long form, a wide CSV of each table with its labels for people ({@link WideCsv}) */
    @Override
    public List<CompanionFile> companions(ReportDocument document) throws IOException {
        return WideCsv.files(document);
    }

    /** the remarks about a value (its column's and its row's), or {@code null} */
    private static String note(String columnNote, String rowNote) {
        if (columnNote == null) {
            return rowNote;
        }
        return rowNote == null || rowNote.equals(columnNote) ? columnNote : columnNote + "; " + rowNote;
    }

    static String plain(BigDecimal value, ValueType type) {
        int scale = switch (type) {
            case COUNT -> 0;
            case PERCENT -> 1;
            case AMOUNT, DECIMAL -> 2;
        };
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
