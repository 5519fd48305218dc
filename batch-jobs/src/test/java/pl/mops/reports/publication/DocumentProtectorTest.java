package pl.mops.reports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.rendering.csv.LongFormCsvRenderer;
import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/**
 * A two-table document worked out by hand. Table TA: districts I (2 families, 500,00 zł, 0,50 per 1 000) and II (7,
 * 900,00 zł, 1,20) and the city (9, 1 400,00 zł, 0,90); table TB repeats district I's 2 families; a chart shows the
 * families of I and II.
 * <ul>
 *   <li>I's 2 families are small: {@code <3} in both tables (the same figure), its amount tied ({@code x}), its per
 *       1 000 derived ({@code x});</li>
 *   <li>9 = 2 + 7 and 1 400 = 500 + 900 would give them back: II's 7 families and 900 zł are hidden ({@code x}), and so
 *       its per 1 000; then I's 2 may be 1 or 2 (II ≥ 1) and I's 500 zł anything from 0 to 1 400 (II ≥ 0);</li>
 *   <li>the city row stays; both chart points go; both tables get the note, the document the footnote.</li>
 * </ul>
 */
class DocumentProtectorTest {

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("rodziny", "Rodziny", ValueType.COUNT, 8),
            new ReportColumn("kwota", "Kwota", ValueType.AMOUNT, 12),
            new ReportColumn("na_1000", "Na 1000", ValueType.DECIMAL, 8));

    private static final ProtectionLayout LAYOUT = new ProtectionLayout() {
        @Override
        public CellRole cell(ReportTable table, ReportRow row, int column) {
            String area = table.id().equals("TB") ? "I" : row.key();
            return switch (column) {
                case 0 -> new CellRole.Figure("rodziny|" + area, true, false, area);
                case 1 -> new CellRole.Figure("kwota|" + area, false, true, area, true);
                default -> new CellRole.Derived(List.of("rodziny|" + area));
            };
        }

        @Override
        public CellRole chartPoint(ReportDocument document, ReportChart chart, int series, int category) {
            String area = category == 0 ? "I" : "II";
            return new CellRole.Figure("rodziny|" + area, true, false, area);
        }

        @Override
        public List<Relation> relations(ReportDocument document) {
            return List.of(Relation.sum("rodziny|OGOLEM", List.of("rodziny|I", "rodziny|II")),
                    Relation.sum("kwota|OGOLEM", List.of("kwota|I", "kwota|II")));
        }
    };

    private static ReportRow row(String key, String families, String amount, String perThousand) {
        return new ReportRow(key, key, 0, key.equals("OGOLEM"), Arrays.asList(new BigDecimal(families),
                new BigDecimal(amount), new BigDecimal(perThousand)));
    }

    private static ReportDocument document() {
        ReportTable ta = new ReportTable("TA", "Tabela A", "A", "dzielnica", "Dzielnica", COLUMNS,
                List.of(row("I", "2", "500.00", "0.50"), row("II", "7", "900.00", "1.20"),
                        row("OGOLEM", "9", "1400.00", "0.90")), List.of("Uwaga A."));
        ReportTable tb = new ReportTable("TB", "Tabela B", "B", "dzielnica", "Dzielnica", COLUMNS.subList(0, 1),
                List.of(new ReportRow("I", "I", 0, false, List.of(new BigDecimal("2")))), List.of());
        ReportChart chart = new ReportChart("W1", "Rodziny", ReportChart.ChartKind.BAR, "Dzielnica", "Rodziny",
                List.of("I", "II"), List.of(new ChartSeries("Rodziny", List.of(new BigDecimal("2"), new BigDecimal("7")), false)));
        return new ReportDocument("test", "2025-03", "Test", "MOPS", List.of("Nagłówek"), List.of(ta, tb), List.of(chart),
                List.of("Przypis."), new DocumentMetadata(Instant.EPOCH, "MOPS", "test", "test"));
    }

    @Test
    void hidesTheSmallFigureEverywhereWithItsAmountDerivedValuesAndPartner() throws Exception {
        DocumentProtector protector = new DocumentProtector(3, 20);
        DocumentProtector.Protected result = protector.protect(document(), LAYOUT);
        ReportDocument published = result.document();

        ReportTable ta = published.tables().get(0);
        assertThat(ta.rows().get(0).values()).containsOnlyNulls();
        assertThat(ta.rows().get(0).texts()).containsExactly("<3", "x", "x");
        assertThat(ta.rows().get(1).values()).containsOnlyNulls();
        assertThat(ta.rows().get(1).texts()).containsExactly("x", "x", "x");
        assertThat(ta.rows().get(2).values()).containsExactly(new BigDecimal("9"), new BigDecimal("1400.00"),
                new BigDecimal("0.90"));
        assertThat(ta.rows().get(2).texts()).isNull();
        assertThat(published.tables().get(1).rows().get(0).texts()).containsExactly("<3");
        assertThat(published.charts().get(0).series().get(0).values()).containsOnlyNulls();

        assertThat(ta.notes()).containsExactly("Uwaga A.", protector.note());
        assertThat(published.tables().get(1).notes()).containsExactly(protector.note());
        assertThat(published.footnotes()).containsExactly("Przypis.", protector.note());
        assertThat(protector.note()).startsWith("Zastosowano ochronę tajemnicy statystycznej: liczby rodzin i osób "
                + "\u2013 wartości 1\u20132 pokazano jako „<3”, a „x” oznacza wartość ukrytą");
        assertThat(published.headerLines()).hasSize(2);
        // the audit: 2 figures published of 6 (4 hidden), I's families {1, 2}, I's amount 0 … 1 400
        ProtectionReport report = result.report();
        assertThat(report.figures()).isEqualTo(6);
        assertThat(report.findings()).extracting(IntervalAudit.Finding::key)
                .containsExactly("rodziny|I", "kwota|I", "rodziny|II", "kwota|II");
        assertThat(report.text()).contains("rodziny|I;<3;1;2;1, 2\n", "kwota|I;x (wartość małej grupy);0,00;1400,00;\n",
                "rodziny|II;x (wtórnie);7;8;\n", "  opublikowane: 2\n");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        new LongFormCsvRenderer().render(published, csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("2025-03;TA;dzielnica;I;rodziny;<3\r\n", "2025-03;TA;dzielnica;I;kwota;x\r\n",
                "2025-03;TB;dzielnica;I;rodziny;<3\r\n", "2025-03;TA;dzielnica;OGOLEM;kwota;1400,00\r\n");
        assertThat(text).doesNotContain("500,00", "900,00", ";7\r\n", ";2\r\n");
    }

    @Test
    void threshold5HidesFourAndSaysSo() {
        DocumentProtector protector = new DocumentProtector(5, 20);
        ReportDocument published = protector.protect(document(), LAYOUT).document();
        assertThat(published.tables().get(0).rows().get(0).texts().get(0)).isEqualTo("<5");
        assertThat(protector.note()).contains("wartości 1\u20134 pokazano jako „<5”");
    }
}
