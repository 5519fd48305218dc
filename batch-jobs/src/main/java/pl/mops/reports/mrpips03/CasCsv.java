package pl.mops.reports.mrpips03;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import pl.mops.reports.mrpips03.Layout.Column;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.rendering.csv.SafeCsv;

/**
 * {@code mrpips03-<year>-<P|R>-cas.csv}: every cell of the return in the order of the form —
 * {@code dzial;nr_wiersza;kod_wiersza;kolumna;wartosc} — for the clerk who types the return into CAS, or who checks
 * another system's file against it. UTF-8 with a BOM, {@code ;}, CRLF (Polish Excel); counts as whole numbers,
 * amounts with a decimal comma and 2 decimals, no grouping. A cell the return has no value for (a row fed by a file
 * the export did not supply) has an empty {@code wartosc}: the cell exists on the form, but 0 would be a false figure.
 * The codes (text cells, from the editable layout) are neutralised against formula injection ({@link SafeCsv});
 * {@code wartosc} is a number.
 */
final class CasCsv {

    static final String[] HEADER = {"dzial", "nr_wiersza", "kod_wiersza", "kolumna", "wartosc"};
    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .setHeader(HEADER).get();

    private CasCsv() {
    }

    static byte[] write(Layout layout, Map<CellKey, BigDecimal> cells) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            for (Section section : layout.sections()) {
                for (Row row : section.rows()) {
                    for (Column column : row.columns()) { // a row has only its own columns (layout 2025.2)
                        BigDecimal value = cells.get(new CellKey(section.code(), row.code(), column.code()));
                        printer.printRecord(SafeCsv.text(section.code()), SafeCsv.text(row.nr()), SafeCsv.text(row.code()),
                                SafeCsv.text(column.code()),
                                value == null ? "" : ReturnXml.plain(value, column.measure()).replace('.', ','));
                    }
                }
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
