package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.mops.reports.mrpips03.Readiness.RuleState;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.mrpips03.ReturnRepository.CounterValue;
import pl.mops.reports.mrpips03.ReturnRepository.RuleResult;

/**
 * The control rules of layout 2025.2 on cells made by hand (no database): w tym per the columns both rows have, the
 * financing split with the number of realisations without financing, contracts against social work "do przeglądu"
 * (the return stays ready), rows without data when kontrakty.csv / wsparcie.csv were not supplied (skipped conditions,
 * a reservation), R ≥ P only for cells counted the same way in both layouts.
 */
class Mrpips03Layout2025Point2RulesTest {

    private static final ReturnPeriod P = ReturnPeriod.parse("2025-P");
    private static final ReturnPeriod R = ReturnPeriod.parse("2025-R");

    private final Layout layout = Mrpips03LayoutReaderTest.packaged("2025.2");

    /** every cell of every row 0; rows of the given fact sets without cells (their file not supplied) */
    private Map<CellKey, BigDecimal> zeros(Layout.FactSet... without) {
        Map<CellKey, BigDecimal> cells = new LinkedHashMap<>();
        for (Layout.Section s : layout.sections()) {
            for (Layout.Row r : s.rows()) {
                if (List.of(without).contains(r.factSet())) {
                    continue;
                }
                for (Layout.Column c : r.columns()) {
                    cells.put(new CellKey(s.code(), r.code(), c.code()), BigDecimal.ZERO);
                }
            }
        }
        return cells;
    }

    private static void set(Map<CellKey, BigDecimal> cells, String cell, String value) {
        String[] p = cell.split("/");
        CellKey key = new CellKey(p[0], p[1], p[2]);
        assertThat(cells).containsKey(key);
        cells.put(key, new BigDecimal(value));
    }

    private static RuleResult result(ControlRules.Outcome outcome, String rule) {
        return outcome.results().stream().filter(r -> r.ruleCode().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void aCompleteConsistentReturnIsReadyAndEveryNewRuleIsChecked() {
        Map<CellKey, BigDecimal> cells = zeros();
        set(cells, "1B/ZASILEK_OKRESOWY/KWOTA", "900.00");
        set(cells, "1B/ZASILEK_OKRESOWY/KWOTA_DOTACJA", "600.00");
        set(cells, "1B/ZASILEK_OKRESOWY/KWOTA_SRODKI_WLASNE", "300.00");
        set(cells, "1B/OGOLEM_1B/KWOTA", "900.00");
        set(cells, "2/KONTRAKTY_SOCJALNE/KONTRAKTY", "2");
        set(cells, "2/KONTRAKTY_SOCJALNE/OSOBY_OBJETE", "5");
        set(cells, "2/PRACA_SOCJALNA/RODZINY", "2");
        set(cells, "2/PRACA_SOCJALNA/OSOBY_W_RODZINACH", "4");
        ControlRules.Outcome outcome = ControlRules.evaluate(layout, cells,
                List.of(new CounterValue("ZASILEK_OKRESOWY_BEZ_FINANSOWANIA", 0)), P, null);
        assertThat(outcome.failures()).isEmpty();
        assertThat(result(outcome, "R12").checked()).isEqualTo(1); // only ZASILEK_OKRESOWY has the split
        assertThat(result(outcome, "R13").checked()).isEqualTo(1);
        assertThat(result(outcome, "R13").state()).isEqualTo(RuleState.SPELNIONA);
        assertThat(result(outcome, "R14").checked()).isEqualTo(5);   // the five rows of help without a decision
        assertThat(result(outcome, "R15").checked()).isEqualTo(1);
        // w tym per the columns both rows have: the split of ZASILEK_OKRESOWY is not compared with its sub-rows
        int wTym = 0;
        for (Layout.Section s : layout.sections()) {
            for (Layout.Row r : s.rows()) {
                if (r.parent() != null) {
                    Layout.Row parent = s.row(r.parent()).orElseThrow();
                    wTym += (int) r.columns().stream().filter(c -> parent.hasColumn(c.code())).count();
                }
            }
        }
        assertThat(result(outcome, "R01").checked()).isEqualTo(wTym);
        assertThat(Readiness.of(outcome.results(), null, MissingData.of(layout, cells).reasons()).readiness())
                .isEqualTo(Readiness.GOTOWE);
    }

    @Test
    void theFinancingSplitFailsWithTheNumberOfRealisationsWithoutFinancing() {
        Map<CellKey, BigDecimal> cells = zeros();
        set(cells, "1B/ZASILEK_OKRESOWY/KWOTA", "1000.00");
        set(cells, "1B/OGOLEM_1B/KWOTA", "1000.00");
        set(cells, "1B/ZASILEK_OKRESOWY/KWOTA_DOTACJA", "600.00");
        ControlRules.Outcome outcome = ControlRules.evaluate(layout, cells,
                List.of(new CounterValue("ZASILEK_STALY_WG_LICZBY_OSOB", 3),
                        new CounterValue("ZASILEK_OKRESOWY_BEZ_FINANSOWANIA", 2)), P, null);
        RuleResult r12 = result(outcome, "R12");
        assertThat(r12.state()).isEqualTo(RuleState.NIESPELNIONA);
        assertThat(r12.failed()).isEqualTo(1);
        assertThat(r12.note()).isEqualTo("Zasiłek okresowy bez źródła finansowania (liczony w kwocie, a w żadnej z kolumn "
                + "„z dotacji”, „ze środków własnych”), realizacje: 2.");
        assertThat(outcome.failures()).singleElement().satisfies(f -> {
            assertThat(f.leftCells()).isEqualTo("1B/ZASILEK_OKRESOWY/KWOTA");
            assertThat(f.rightCells()).isEqualTo("1B/ZASILEK_OKRESOWY/KWOTA_DOTACJA + 1B/ZASILEK_OKRESOWY/KWOTA_SRODKI_WLASNE");
            assertThat(f.left()).isEqualByComparingTo("1000");
            assertThat(f.right()).isEqualByComparingTo("600");
        });
        assertThat(Readiness.of(outcome.results(), null, List.of()).readiness()).isEqualTo(Readiness.NIEGOTOWE);
    }

    @Test
    void moreContractsThanFamiliesInSocialWorkIsForReviewAndTheReturnStaysReady() {
        Map<CellKey, BigDecimal> cells = zeros();
        set(cells, "2/KONTRAKTY_SOCJALNE/KONTRAKTY", "3");
        set(cells, "2/KONTRAKTY_SOCJALNE/OSOBY_OBJETE", "4");
        set(cells, "2/PRACA_SOCJALNA/RODZINY", "2");
        set(cells, "2/PRACA_SOCJALNA/OSOBY_W_RODZINACH", "5");
        ControlRules.Outcome outcome = ControlRules.evaluate(layout, cells, List.of(), P, null);
        RuleResult r13 = result(outcome, "R13");
        assertThat(r13.state()).isEqualTo(RuleState.DO_PRZEGLADU);
        assertThat(r13.failed()).isEqualTo(1);
        assertThat(outcome.failures()).singleElement().satisfies(f -> {
            assertThat(f.ruleCode()).isEqualTo("R13");
            assertThat(f.leftCells() + " " + f.relation() + " " + f.rightCells())
                    .isEqualTo("2/KONTRAKTY_SOCJALNE/KONTRAKTY <= 2/PRACA_SOCJALNA/RODZINY");
        });
        Readiness.Verdict verdict = Readiness.of(outcome.results(), null, List.of());
        assertThat(verdict.readiness()).isEqualTo(Readiness.GOTOWE);
        assertThat(verdict.reasons()).isEmpty();
    }

    @Test
    void withoutKontraktyAndWsparcieTheirRowsAreSkippedAndTheReturnIsReadyOnlyWithAReservation() {
        Map<CellKey, BigDecimal> cells = zeros(Layout.FactSet.KONTRAKTY, Layout.FactSet.WSPARCIE);
        MissingData missing = MissingData.of(layout, cells);
        assertThat(missing.sentence()).isEqualTo("eksport z systemu dziedzinowego nie zawierał danych o kontraktach "
                + "socjalnych ani o wsparciu udzielonym bez decyzji (interwencja kryzysowa, poradnictwo specjalistyczne)");
        ControlRules.Outcome outcome = ControlRules.evaluate(layout, cells, List.of(), P, null);
        assertThat(outcome.failures()).isEmpty();
        assertThat(result(outcome, "R13").state()).isEqualTo(RuleState.NIESPRAWDZONA);
        assertThat(result(outcome, "R13").note()).contains("eksport z systemu dziedzinowego nie zawierał danych "
                + "o kontraktach socjalnych ani o wsparciu udzielonym bez decyzji");
        assertThat(result(outcome, "R14").state()).isEqualTo(RuleState.NIESPRAWDZONA);
        assertThat(result(outcome, "R15").state()).isEqualTo(RuleState.NIESPRAWDZONA);
        // the three w tym rows of counselling (2 columns each) are skipped, the rest of R01 is checked
        assertThat(result(outcome, "R01").state()).isEqualTo(RuleState.SPELNIONA);
        assertThat(result(outcome, "R01").note()).endsWith(": 6.");
        Readiness.Verdict verdict = Readiness.of(outcome.results(), null, missing.reasons());
        assertThat(verdict.readiness()).isEqualTo(Readiness.GOTOWE_Z_ZASTRZEZENIEM);
        assertThat(verdict.reasons()).contains(
                "eksport z systemu dziedzinowego nie zawierał danych o kontraktach socjalnych \u2014 bez wartości "
                        + "wiersz 2/KONTRAKTY_SOCJALNE (w. 6)",
                "eksport z systemu dziedzinowego nie zawierał danych o wsparciu udzielonym bez decyzji (interwencja "
                        + "kryzysowa, poradnictwo specjalistyczne) \u2014 bez wartości wiersze 2/INTERWENCJA_KRYZYSOWA (w. 7), "
                        + "2/PORADNICTWO_SPECJALISTYCZNE (w. 8), 2/PORADNICTWO_SPECJALISTYCZNE_PRAWNE (w. 9), "
                        + "2/PORADNICTWO_SPECJALISTYCZNE_PSYCHOLOGICZNE (w. 10), 2/PORADNICTWO_SPECJALISTYCZNE_RODZINNE (w. 11)");
    }

    @Test
    void annualAgainstHalfYearComparesTheNewColumnsAndOnlyCellsCountedTheSameWayInBothLayouts() {
        Map<CellKey, BigDecimal> half = zeros();
        set(half, "2/KONTRAKTY_SOCJALNE/KONTRAKTY", "2");
        set(half, "1B/ZASILEK_OKRESOWY/KWOTA_DOTACJA", "100.00");
        Map<CellKey, BigDecimal> year = zeros();
        set(year, "2/KONTRAKTY_SOCJALNE/OSOBY_OBJETE", "1");
        ControlRules.Outcome outcome = ControlRules.evaluate(layout, year, List.of(), R,
                new ControlRules.FirstHalf("2025-P", half, layout));
        assertThat(outcome.failures()).extracting(f -> f.leftCells()).containsExactlyInAnyOrder(
                "R: 2/KONTRAKTY_SOCJALNE/KONTRAKTY", "R: 1B/ZASILEK_OKRESOWY/KWOTA_DOTACJA");

        // a half-year return in layout 2025.1: 2/PIENIEZNE was counted per form there, so it is not compared
        Layout old = Mrpips03LayoutReaderTest.packaged("2025.1");
        Map<CellKey, BigDecimal> oldHalf = new LinkedHashMap<>();
        for (Layout.Section s : old.sections()) {
            for (Layout.Row r : s.rows()) {
                for (Layout.Column c : r.columns()) {
                    oldHalf.put(new CellKey(s.code(), r.code(), c.code()), BigDecimal.ONE);
                }
            }
        }
        ControlRules.Outcome across = ControlRules.evaluate(layout, zeros(), List.of(), R,
                new ControlRules.FirstHalf("2025-P", oldHalf, old));
        assertThat(across.failures()).extracting(f -> f.leftCells())
                // ZASILEK_CELOWY stands under another parent in 2025.2 but counts the same: compared
                .contains("R: 2/OGOLEM/RODZINY", "R: 1B/ZASILEK_OKRESOWY/KWOTA", "R: 1B/ZASILEK_CELOWY/RODZINY")
                .doesNotContain("R: 2/PIENIEZNE/RODZINY", "R: 2/NIEPIENIEZNE/RODZINY",
                        "R: 1B/ZASILEK_STALY_SAMOTNI/RODZINY")   // composition: never compared
                // cells the half-year layout did not have
                .noneMatch(l -> l.contains("KWOTA_DOTACJA") || l.contains("KONTRAKTY") || l.contains("POMOC_RZECZOWA"));
    }
}
