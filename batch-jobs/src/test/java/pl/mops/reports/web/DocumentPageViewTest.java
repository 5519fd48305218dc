package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/** Any document as a page: Polish numbers by type, the notes and marks the PDF prints, long tables, chart data. */
class DocumentPageViewTest {

    private static List<BigDecimal> values(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }

    @Test
    void notesMarksAndPolishNumbersAsThePdfPrintsThem() {
        List<ReportColumn> columns = List.of(
                new ReportColumn("rodziny", "Rodziny", ValueType.COUNT, 8, "niepełne: 5 z 30 dni"),
                new ReportColumn("kwota", "Kwota (zł)", ValueType.AMOUNT, 12),
                new ReportColumn("proc", "% planu", ValueType.PERCENT, 8),
                new ReportColumn("na_1000", "Na 1000", ValueType.DECIMAL, 8));
        List<ReportRow> rows = new ArrayList<>();
        rows.add(new ReportRow("OGOLEM", "Ogółem", 0, true, values("12345", "1234.5", "12.25", "0.125")));
        rows.add(new ReportRow("I", "I Stare Miasto", 1, false, values(null, "0", null, null), null,
                Arrays.asList("<3", null, "x", null), "2025: niepełne"));
        ReportTable table = new ReportTable("T2", "Tabela 2. Dzielnice", "2", "dzielnica", "Dzielnica", columns, rows,
                List.of("Liczba mieszkańców: stan z 2024 r."));
        ReportChart chart = new ReportChart("W1", "Rodziny", ReportChart.ChartKind.BAR, "Dzielnica", "Rodziny",
                List.of("I", "II"), List.of(new ChartSeries("Rodziny", values("2", "1"), false)));
        ReportDocument document = new ReportDocument("statystyka", "2025-03", "Statystyka", "MOPS",
                List.of("Okres: marzec 2025"), List.of(table), List.of(chart), List.of("Zasady liczenia."),
                new DocumentMetadata(Instant.EPOCH, "MOPS", "test", ""));

        DocumentPageView.Page page = DocumentPageView.of(document);
        DocumentPageView.TableView view = page.tables().get(0);
        assertThat(view.columns().get(0).note()).isEqualTo("niepełne: 5 z 30 dni");
        assertThat(view.notes()).containsExactly("Liczba mieszkańców: stan z 2024 r.");
        assertThat(view.tall()).isFalse();
        DocumentPageView.RowView total = view.rows().get(0);
        assertThat(total.total()).isTrue();
        // 12 345 with a no-break space; 1 234,50 zł with two decimals; 12,25 % → 12,3 % (half up); 0,125 → 0,13
        assertThat(total.cells()).extracting(DocumentPageView.CellView::text)
                .containsExactly("12\u00a0345", "1\u00a0234,50", "12,3\u00a0%", "0,13");
        DocumentPageView.RowView district = view.rows().get(1);
        assertThat(district.level()).isEqualTo(1);
        assertThat(district.note()).isEqualTo("2025: niepełne");
        assertThat(district.cells()).extracting(DocumentPageView.CellView::text)
                .containsExactly("<3", "0,00", "x", "\u2013");
        assertThat(district.cells()).extracting(DocumentPageView.CellView::marked)
                .containsExactly(true, false, true, false);
        // the chart's data as a table: a row per category, a column per series
        DocumentPageView.ChartView w1 = page.charts().get(0);
        assertThat(w1.data().rows()).extracting(DocumentPageView.RowView::label).containsExactly("I", "II");
        assertThat(w1.data().rows().get(0).cells().get(0).text()).isEqualTo("2");
        assertThat(w1.svg()).startsWith("<svg ").endsWith("</svg>");
        assertThat(page.headerLines()).containsExactly("Okres: marzec 2025");
        assertThat(page.footnotes()).containsExactly("Zasady liczenia.");
    }

    @Test
    void aTableOfMoreThanTwelveRowsScrollsUnderItsHeader() {
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 0; i <= DocumentPageView.TALL; i++) {
            rows.add(new ReportRow("k" + i, "wiersz " + i, 0, false, values("1")));
        }
        ReportTable table = new ReportTable("T", "T", "T", "w", "W",
                List.of(new ReportColumn("a", "A", ValueType.COUNT, 5)), rows, List.of());
        assertThat(DocumentPageView.table(table).tall()).isTrue();
        assertThat(DocumentPageView.table(new ReportTable("T", "T", "T", "w", "W", table.columns(),
                rows.subList(0, DocumentPageView.TALL), List.of())).tall()).isFalse();
    }
}
