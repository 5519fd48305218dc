package pl.mops.reports.rendering.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/** CSV injection (OWASP): text cells that could run as formulas get an apostrophe; numbers stay numbers. */
class SafeCsvTest {

    @Test
    void aTextThatCouldRunAsAFormulaIsNeutralised() {
        assertThat(SafeCsv.text("=HYPERLINK(\"http://x\";\"klik\")")).isEqualTo("'=HYPERLINK(\"http://x\";\"klik\")");
        assertThat(SafeCsv.text("+48 12 345")).isEqualTo("'+48 12 345");
        assertThat(SafeCsv.text("-2+3")).isEqualTo("'-2+3");
        assertThat(SafeCsv.text("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(SafeCsv.text("\tx")).isEqualTo("'\tx");
        assertThat(SafeCsv.text("\rx")).isEqualTo("'\rx");
        assertThat(SafeCsv.text("-")).isEqualTo("'-");
    }

    @Test
    void otherTextsStayAsTheyAre() {
        assertThat(List.of("UBOSTWO", "a=b", "<3", "x", "brak danych", "„=x”", " =x", "", "—", "'quoted"))
                .allMatch(t -> SafeCsv.text(t).equals(t));
        assertThat(SafeCsv.text(null)).isNull();
    }

    @Test
    void aPlainNumberInACellForNumberOrTextStaysANumber() {
        assertThat(SafeCsv.numberOrText("-12,50")).isEqualTo("-12,50");
        assertThat(SafeCsv.numberOrText("-5.00")).isEqualTo("-5.00");
        assertThat(SafeCsv.numberOrText("+100")).isEqualTo("+100");
        assertThat(SafeCsv.numberOrText("-12,50+1")).isEqualTo("'-12,50+1");
        assertThat(SafeCsv.numberOrText("-1e5")).isEqualTo("'-1e5");
        assertThat(SafeCsv.numberOrText("=1")).isEqualTo("'=1");
    }

    @Test
    void theOriginalIsReadBack() {
        for (String text : List.of("=1+1", "-A", "@x", "UBOSTWO", "'quoted", "'", "-12,50")) {
            assertThat(SafeCsv.original(SafeCsv.text(text))).isEqualTo(text);
        }
    }

    @Test
    void theLongFormCsvNeutralisesItsTextsButNotItsNumbers() throws IOException {
        List<ReportColumn> columns = List.of(new ReportColumn("zmiana", "Zmiana", ValueType.AMOUNT, 8),
                new ReportColumn("rodziny", "Rodziny", ValueType.COUNT, 8));
        // a row key and a text from data a user edits (a dictionary name) that begin with formula characters
        ReportRow row = new ReportRow("=cmd|' /C calc'!A0", "etykieta", 0, false,
                Arrays.asList(new BigDecimal("-12.50"), null), null, Arrays.asList(null, "@brak"), "-uwaga");
        ReportTable table = new ReportTable("T1", "Tabela", "T", "wymiar", "Wymiar", columns, List.of(row), List.of());
        ReportDocument document = new ReportDocument("test", "2025-03", "Test", "MOPS", List.of(), List.of(table),
                List.of(), List.of(), new DocumentMetadata(Instant.EPOCH, "MOPS", "test", "test"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LongFormCsvRenderer().render(document, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFokres;tabela;wymiar;klucz;miara;wartosc\r\n"
                + "2025-03;T1;wymiar;'=cmd|' /C calc'!A0;zmiana;-12,50\r\n"
                + "2025-03;T1;wymiar;'=cmd|' /C calc'!A0;zmiana_uwaga;'-uwaga\r\n"
                + "2025-03;T1;wymiar;'=cmd|' /C calc'!A0;rodziny;'@brak\r\n"
                + "2025-03;T1;wymiar;'=cmd|' /C calc'!A0;rodziny_uwaga;'-uwaga\r\n");
    }
}
