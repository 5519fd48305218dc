package pl.mops.reports.rendering.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.DocumentRenderer.CompanionFile;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/** The wide CSV of a table, read back as Polish Excel reads it: BOM, {@code ;}, decimal comma, labels, not codes. */
class WideCsvTest {

    private static final CSVFormat POLISH_EXCEL = CSVFormat.EXCEL.builder().setDelimiter(';').get();

    @Test
    void aTableIsOneFileWithItsLabelsAndPolishNumbers() throws IOException {
        List<CompanionFile> files = new LongFormCsvRenderer().companions(document());
        assertThat(files).extracting(CompanionFile::suffix).containsExactly("-tabela-T1.csv", "-tabela-T2.csv");

        byte[] bytes = files.get(0).content();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").doesNotContain("\u00AD");
        List<CSVRecord> records = POLISH_EXCEL.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records).hasSize(4);
        assertThat(records.get(0).toList()).containsExactly("Miara", "marzec 2025 (niepełne: 5 z 31 dni)", "marzec 2024",
                "zmiana, marzec 2025", "zmiana, marzec 2025 (%)", "Świadczeniobiorcy I–III 2025", "zmiana, "
                        + "Świadczeniobiorcy I–III 2025", "zmiana, Świadczeniobiorcy I–III 2025 (%)");
        // 3570.00 zł now, 450.00 zł a year before: change 3120.00 zł, 3120 / 450 = 693.33… % → 693,3
        assertThat(records.get(1).toList()).containsExactly("Kwota świadczeń (zł)", "3570,00", "450,00", "3120,00",
                "693,3", "6920,50", "-3,00", "-12,3");
        // no value: an empty cell; a text in place of a value: the text; a row's remark after its label
        assertThat(records.get(2).toList()).containsExactly("Rodziny (niepełne: 5 z 31 dni)", "4", "", "brak danych",
                "", "<3", "0,00", "");
        // a "w tym" row indented; numbers rounded as printed (0.945 → 0,95; 9.95 % → 10,0)
        assertThat(records.get(3).toList()).containsExactly("  w tym dzieci", "1234", "1000", "234", "23,4", "2000",
                "0,95", "10,0");
    }

    @Test
    void textsThatCouldRunAsFormulasAreNeutralisedButNegativeNumbersStayNumbers() throws IOException {
        byte[] bytes = WideCsv.bytes(document().tables().get(1));
        List<CSVRecord> records = POLISH_EXCEL.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)
                .substring(1))).getRecords();
        assertThat(records.get(0).toList()).containsExactly("'=Wymiar", "Kwota (zł)");
        assertThat(records.get(1).toList()).containsExactly("'@etykieta", "-12,50");
        assertThat(records.get(2).toList()).containsExactly("Ogółem", "'-x");
    }

    @Test
    void theSameDocumentGivesTheSameBytes() throws IOException {
        List<CompanionFile> first = WideCsv.files(document());
        List<CompanionFile> second = WideCsv.files(document());
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).content()).isEqualTo(first.get(i).content());
        }
    }

    private static ReportDocument document() {
        List<ReportColumn> columns = List.of(
                new ReportColumn("miesiac", "marzec 2025", ValueType.COUNT, 10, "niepełne: 5 z 31 dni"),
                new ReportColumn("miesiac_rok_wczesniej", "marzec 2024", ValueType.COUNT, 10),
                new ReportColumn("miesiac_zmiana", "zmiana", ValueType.COUNT, 10),
                new ReportColumn("miesiac_zmiana_proc", "zmiana %", ValueType.PERCENT, 10),
                new ReportColumn("swiadczeniobiorcy", "Świadczenio\u00ADbiorcy I–III 2025", ValueType.COUNT, 10),
                new ReportColumn("zmiana", "zmiana", ValueType.DECIMAL, 10),
                new ReportColumn("zmiana_proc", "zmiana %", ValueType.PERCENT, 10));
        List<ValueType> amounts = List.of(ValueType.AMOUNT, ValueType.AMOUNT, ValueType.AMOUNT, ValueType.PERCENT,
                ValueType.AMOUNT, ValueType.AMOUNT, ValueType.PERCENT);
        ReportRow amount = new ReportRow("kwota", "Kwota świadczeń (zł)", 0, false, List.of(new BigDecimal("3570.00"),
                new BigDecimal("450"), new BigDecimal("3120"), new BigDecimal("693.333"), new BigDecimal("6920.5"),
                new BigDecimal("-3"), new BigDecimal("-12.25")), amounts);
        ReportRow families = new ReportRow("rodziny", "Rodziny", 0, true, Arrays.asList(new BigDecimal("4"), null, null,
                null, null, BigDecimal.ZERO, null), null, Arrays.asList(null, null, "brak danych", null, "<3", null, null),
                "niepełne: 5 z 31 dni");
        ReportRow children = new ReportRow("dzieci", "w tym dzieci", 1, false, List.of(new BigDecimal("1234"),
                new BigDecimal("1000"), new BigDecimal("234"), new BigDecimal("23.4"), new BigDecimal("2000"),
                new BigDecimal("0.945"), new BigDecimal("9.95")));
        ReportTable city = new ReportTable("T1", "Tabela 1", "1 Miasto", "miara", "Miara", columns,
                List.of(amount, families, children), List.of("Uwaga pod tabelą."));
        ReportTable risky = new ReportTable("T2", "Tabela 2", "2", "wymiar", "=Wymiar",
                List.of(new ReportColumn("kwota", "Kwota (zł)", ValueType.AMOUNT, 10)),
                List.of(new ReportRow("a", "@etykieta", 0, false, List.of(new BigDecimal("-12.5"))),
                        new ReportRow("b", "Ogółem", 0, true, Arrays.asList((BigDecimal) null), null,
                                Arrays.asList("-x"))),
                List.of());
        return new ReportDocument("test", "2025-03", "Test", "MOPS", List.of(), List.of(city, risky), List.of(),
                List.of(), new DocumentMetadata(Instant.EPOCH, "MOPS", "test", "test"));
    }
}
