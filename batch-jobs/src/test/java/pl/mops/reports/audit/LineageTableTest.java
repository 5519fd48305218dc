package pl.mops.reports.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import pl.mops.reports.support.DatabaseTest;

/**
 * {@code pochodzenie.csv} as PostgreSQL writes it ({@code COPY}, integer sort key, pseudonyms in SQL) is byte for byte
 * the file an independent computation gives: the HMAC from {@code javax.crypto.Mac}, the sort by cell in code point
 * order (PostgreSQL's C collation), then kind, then pseudonym, the formula-injection apostrophe and the quoting done
 * in Java, CRLF line ends, BOM and header.
 */
class LineageTableTest extends DatabaseTest {

    @Autowired
    LineageTable lineage;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PseudonymSecret secret;

    private record Row(String cell, Pseudonyms.Kind kind, String sourceId) {
    }

    @Test
    void theFileIsTheIndependentlyComputedOne() {
        List<Row> rows = new ArrayList<>();
        String[] cells = {"miesiac/dzielnica=XVIII/rodziny", "miesiac/dzielnica=I/rodziny", "rok/powód=Ż/osoby",
                "=HYPERLINK(\"x\")", "-1/rodziny", "a;b/rodziny", "Zażółć/rodziny", "miesiac/dzielnica=I/rodzinyX",
                "@cell", "z\uD83D\uDE00/x", "z\uFB01/x"}; // the last two: code point order is not UTF-16 order
        Pseudonyms.Kind[] kinds = Pseudonyms.Kind.values();
        for (int i = 0; i < 400; i++) {
            rows.add(new Row(cells[i % cells.length], kinds[(i / 7) % kinds.length], "ID-" + (i * 37 % 101)));
        }
        rows.add(rows.get(5)); // a repeated line stays repeated, as the table holds it

        assertThat(written(rows, () -> { })).isEqualTo(expected(rows));
    }

    @Test
    void suppliedUnitsGiveTheSameFileEvenWithUnitsThatCountNowhere() {
        List<Row> rows = sampleRows();
        assertThat(written(rows, () -> {
            for (Row row : rows) { // every unit, repeated as the fills may, and units of no line
                insertUnit(row.kind().label(), row.sourceId());
            }
            insertUnit("rodzina", "ID-NOWHERE");
            insertUnit("osoba", "ID-0 ");
        })).isEqualTo(expected(rows));
    }

    /** the file written from these rows, after {@code units} has supplied the units it supplies */
    private String written(List<Row> rows, Runnable units) {
        byte[] written = transaction.execute(s -> {
            lineage.create();
            insert(rows);
            units.run();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(lineage.writeCsv(out)).isEqualTo(rows.size());
            lineage.drop();
            return out.toByteArray();
        });
        return new String(written, StandardCharsets.UTF_8);
    }

    @Test
    void aLineWhoseUnitWasNotSuppliedFailsThePackageRatherThanGoMissing() {
        List<Row> rows = sampleRows();
        Row left = rows.get(3);
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            lineage.create();
            insert(rows);
            for (Row row : rows) {
                if (!(row.kind() == left.kind() && row.sourceId().equals(left.sourceId()))) {
                    insertUnit(row.kind().label(), row.sourceId());
                }
            }
            lineage.writeCsv(new ByteArrayOutputStream());
        })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("z " + rows.size() + " wierszy").hasMessageContaining("jednostki podane przez zadanie");
    }

    private static List<Row> sampleRows() {
        List<Row> rows = new ArrayList<>();
        Pseudonyms.Kind[] kinds = Pseudonyms.Kind.values();
        for (int i = 0; i < 60; i++) {
            rows.add(new Row("c" + (i % 5) + "/rodziny", kinds[i % kinds.length], "ID-" + (i * 7 % 23)));
        }
        return rows;
    }

    private void insert(List<Row> rows) {
        for (Row row : rows) {
            jdbc.update("INSERT INTO " + LineageTable.TABLE + " (cell, kind, source_id) VALUES (?, ?, ?)", row.cell(),
                    row.kind().label(), row.sourceId());
        }
    }

    private void insertUnit(String kind, String sourceId) {
        jdbc.update("INSERT INTO " + LineageTable.UNITS + " (kind, source_id) VALUES (?, ?)", kind, sourceId);
    }

    @Test
    void anEmptyLineageIsTheHeaderAlone() {
        byte[] written = transaction.execute(s -> {
            lineage.create();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(lineage.writeCsv(out)).isZero();
            return out.toByteArray();
        });
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("\uFEFFkomorka;rodzaj;pseudonim\r\n");
    }

    private String expected(List<Row> rows) {
        byte[] key = secret.key();
        record Line(String cell, String kind, String pseudonym) {
        }
        List<Line> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(new Line(row.cell(), row.kind().label(), Pseudonyms.pseudonym(key, row.kind(), row.sourceId())));
        }
        Comparator<String> codePoints = (a, b) -> {
            int[] x = a.codePoints().toArray();
            int[] y = b.codePoints().toArray();
            return java.util.Arrays.compare(x, y);
        };
        lines.sort(Comparator.comparing(Line::cell, codePoints).thenComparing(Line::kind, codePoints)
                .thenComparing(Line::pseudonym, codePoints));
        StringBuilder csv = new StringBuilder("\uFEFFkomorka;rodzaj;pseudonim\r\n");
        for (Line line : lines) {
            csv.append(field(line.cell())).append(';').append(field(line.kind())).append(';').append(field(line.pseudonym()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String field(String text) {
        char first = text.charAt(0);
        String value = "=+-@\t\r".indexOf(first) >= 0 ? "'" + text : text;
        return value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
