package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/** The change columns the page adds to a table of a year beside the previous one. */
class YearOnYearTest {

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("rodziny", "Rodziny 2025", ValueType.COUNT, 10),
            new ReportColumn("rodziny_rok_wczesniej", "Rodziny 2024", ValueType.COUNT, 10),
            new ReportColumn("kwota", "Kwota (zł) 2025", ValueType.AMOUNT, 10),
            new ReportColumn("kwota_rok_wczesniej", "Kwota (zł) 2024", ValueType.AMOUNT, 10));

    private static ReportRow row(String key, String... values) {
        return new ReportRow(key, key, 0, false, Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v))
                .toList());
    }

    @Test
    void differenceAndPercentAfterEachPairWithADashWhereThereIsNoBase() {
        ReportTable table = new ReportTable("T6", "Tabela 6", "6", "miesiac", "Miesiąc", COLUMNS, List.of(
                row("01", "2", "1", "1400.00", "450.00"),
                row("02", "4", "0", "1950.50", "0.00"),
                row("03", null, "1", "3570.00", null)), List.of());
        DocumentPageView.TableView view = DocumentPageView.table(YearOnYear.withChange(table));
        assertThat(view.columns().stream().map(DocumentPageView.ColumnView::header)).containsExactly(
                "Rodziny 2025", "Rodziny 2024", "Rodziny — zmiana", "Rodziny — zmiana %",
                "Kwota (zł) 2025", "Kwota (zł) 2024", "Kwota (zł) — zmiana", "Kwota (zł) — zmiana %");
        // 2 − 1 = 1, 1 / 1 = 100 %; 1 400 − 450 = 950, 950 / 450 = 211,11 % → 211,1 %
        assertThat(texts(view, 0)).containsExactly("2", "1", "1", "100,0\u00a0%", "1\u00a0400,00", "450,00",
                "950,00", "211,1\u00a0%");
        // nothing in the previous year: a difference, no percentage
        assertThat(texts(view, 1)).containsExactly("4", "0", "4", "—", "1\u00a0950,50", "0,00", "1\u00a0950,50", "—");
        // a value missing on either side: neither
        assertThat(texts(view, 2)).containsExactly("\u2013", "1", "—", "—", "3\u00a0570,00", "\u2013", "—", "—");
        assertThat(view.rows().get(1).cells().get(3).marked()).isTrue();
    }

    /** a month this year's data cover only in part (its row carries the note): no change is computed from it */
    @Test
    void aPartialMonthIsNotComparedWithAWholeOne() {
        ReportRow partial = new ReportRow("12", "XII", 0, false, Arrays.asList(new BigDecimal("3"), new BigDecimal("9"),
                new BigDecimal("100.00"), new BigDecimal("900.00")), null, null, "2026: niepełne: 5 z 31 dni");
        ReportTable table = new ReportTable("T6", "Tabela 6", "6", "miesiac", "Miesiąc", COLUMNS, List.of(partial),
                List.of());
        DocumentPageView.TableView view = DocumentPageView.table(YearOnYear.withChange(table));
        assertThat(texts(view, 0)).containsExactly("3", "9", "okres niepełny", "okres niepełny", "100,00", "900,00",
                "okres niepełny", "okres niepełny");
    }

    @Test
    void aTableWithItsOwnChangeColumnsIsLeftAsItIs() {
        List<ReportColumn> columns = List.of(new ReportColumn("miesiac", "III 2025", ValueType.COUNT, 10),
                new ReportColumn("miesiac_rok_wczesniej", "III 2024", ValueType.COUNT, 10),
                new ReportColumn("miesiac_zmiana", "zmiana", ValueType.COUNT, 10));
        ReportTable table = new ReportTable("T1", "Tabela 1", "1", "miara", "Miara", columns,
                List.of(new ReportRow("rodziny", "Rodziny", 0, false, List.of(BigDecimal.ONE, BigDecimal.ONE,
                        BigDecimal.ZERO))), List.of());
        assertThat(YearOnYear.withChange(table)).isSameAs(table);
    }

    private static List<String> texts(DocumentPageView.TableView view, int row) {
        return view.rows().get(row).cells().stream().map(DocumentPageView.CellView::text).toList();
    }
}
