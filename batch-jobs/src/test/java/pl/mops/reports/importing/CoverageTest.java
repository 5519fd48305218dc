package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import pl.mops.reports.system.UserError;

/** What a snapshot covers of a period, and the Polish words for it (worked out by hand). */
class CoverageTest {

    /** data from the first realisation in December 2024 up to "stan na" 30 November 2026 */
    private final Coverage coverage = new Coverage(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 11, 30));

    @Test
    void aMonthInsideTheSpanIsCoveredAndOneAfterTheStateDayIsNot() {
        assertThat(coverage.covers(YearMonth.of(2026, 11))).isTrue();
        assertThat(coverage.covers(YearMonth.of(2024, 12))).isTrue();
        assertThat(coverage.of(YearMonth.of(2026, 12)).none()).isTrue();
        assertThat(coverage.of(YearMonth.of(2024, 11)).none()).isTrue();
        assertThat(coverage.span()).isEqualTo("2024-12-01 \u2013 2026-11-30");
        assertThat(coverage.describe()).isEqualTo("dane obejmują 2024-12-01 \u2013 2026-11-30");
    }

    @Test
    void aMonthEndingAfterTheStateDayIsPartialWithItsDaysCounted() {
        Coverage midMonth = new Coverage(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 12, 5));
        PeriodCoverage december = midMonth.of(YearMonth.of(2026, 12));
        assertThat(december.partial()).isTrue();
        assertThat(december.held()).isEqualTo("dane za 5 z 31 dni (2026-12-01 \u2013 2026-12-05)");
        assertThat(december.mark()).isEqualTo("niepełne: 5 z 31 dni");
    }

    @Test
    void aYearCountsWholeMonthsAndTheDaysOfTheMonthBegun() {
        Coverage midMonth = new Coverage(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 12, 5));
        PeriodCoverage year2026 = midMonth.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(year2026.monthsHeld()).isEqualTo(11);
        assertThat(year2026.extraDays()).isEqualTo(5);
        assertThat(year2026.held()).isEqualTo("dane za 11 miesięcy i 5 dni z 12 miesięcy (2026-01-01 \u2013 2026-12-05)");
        assertThat(year2026.mark()).isEqualTo("niepełne: 11 mies. i 5 dni z 12 mies.");
        // the data begin in December 2024: of 2024 only one month
        PeriodCoverage year2024 = midMonth.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertThat(year2024.held()).isEqualTo("dane za 1 miesiąc z 12 miesięcy (2024-12-01 \u2013 2024-12-31)");
        // the first half of 2026 is complete, the year up to November too
        assertThat(midMonth.covers(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30))).isTrue();
        PeriodCoverage twoMonths = new Coverage(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 2))
                .of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        assertThat(twoMonths.held()).isEqualTo("dane za 1 miesiąc i 2 dni z 6 miesięcy (2026-01-01 \u2013 2026-02-02)");
        PeriodCoverage fewDays = new Coverage(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1))
                .of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        assertThat(fewDays.held()).isEqualTo("dane za 1 dzień z 6 miesięcy (2026-06-01 \u2013 2026-06-01)");
    }

    @Test
    void aSnapshotWithoutRealisationsCoversNothing() {
        Coverage empty = new Coverage(null, LocalDate.of(2026, 11, 30));
        assertThat(empty.covers(YearMonth.of(2026, 11))).isFalse();
        assertThat(empty.of(YearMonth.of(2026, 11)).none()).isTrue();
        assertThat(empty.describe()).contains("nie zawiera żadnego zrealizowanego świadczenia");
    }

    @Test
    void admittingAPeriodRefusesWhatIsNotCoveredNamingTheSpan() {
        assertThatThrownBy(() -> coverage.admit(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31),
                "miesiąc 2026-12", true, 7))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("Migawka nr 7 nie zawiera danych za okres: miesiąc 2026-12")
                .hasMessageContaining("dane obejmują 2024-12-01 \u2013 2026-11-30")
                .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> coverage.admit(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                "rok 2026", false, 7))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("nie obejmuje całego okresu: rok 2026 (dane za 11 miesięcy z 12 miesięcy")
                .hasMessageContaining("dane obejmują 2024-12-01 \u2013 2026-11-30")
                .hasMessageContaining("--niepelny-okres");
        PeriodCoverage allowed = coverage.admit(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "rok 2026", true, 7);
        assertThat(allowed.partial()).isTrue();
        assertThat(coverage.admit(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), "I półrocze", false, 7).complete())
                .isTrue();
    }
}
