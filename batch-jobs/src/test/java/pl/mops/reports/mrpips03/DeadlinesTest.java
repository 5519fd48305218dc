package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Deadlines of the returns as data: the shipped rule, a date set for one period, the words for the days left. */
class DeadlinesTest {

    @Test
    void theShippedFileGivesTheTwentyFirstOfJulyAndTheNinthOfFebruaryOfTheNextYear() {
        Deadlines shipped = new Deadlines();
        assertThat(shipped.of(ReturnPeriod.parse("2026-P"))).isEqualTo(LocalDate.of(2026, 7, 21));
        assertThat(shipped.of(ReturnPeriod.parse("2026-R"))).isEqualTo(LocalDate.of(2027, 2, 9));
    }

    @Test
    void aDateSetForOnePeriodWinsOverTheRule() {
        Deadlines deadlines = new Deadlines(List.of(new String[] {"P", "07-20"}, new String[] {"R", "02-10"},
                new String[] {"2025-R", "2026-02-16"}));
        assertThat(deadlines.of(ReturnPeriod.parse("2025-R"))).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(deadlines.of(ReturnPeriod.parse("2026-R"))).isEqualTo(LocalDate.of(2027, 2, 10));
        assertThat(deadlines.of(ReturnPeriod.parse("2026-P"))).isEqualTo(LocalDate.of(2026, 7, 20));
    }

    @Test
    void theDaysLeftInPolish() {
        Deadlines deadlines = new Deadlines(List.of());
        ReturnPeriod year = ReturnPeriod.parse("2026-R");
        // 5 XII 2026 → 9 II 2027: 26 days of December + 31 of January + 9 = 66
        assertThat(deadlines.describe(year, LocalDate.of(2026, 12, 5))).isEqualTo("termin 09.02.2027 (za 66 dni)");
        assertThat(deadlines.describe(year, LocalDate.of(2027, 2, 8))).isEqualTo("termin 09.02.2027 (za 1 dzień)");
        assertThat(deadlines.describe(year, LocalDate.of(2027, 2, 9))).isEqualTo("termin dziś (09.02.2027)");
        assertThat(deadlines.describe(year, LocalDate.of(2027, 2, 12))).isEqualTo("termin 09.02.2027 (minął 3 dni temu)");
    }

    @Test
    void aMalformedLineNamesTheFile() {
        assertThatThrownBy(() -> new Deadlines(List.<String[]>of(new String[] {"2025-X", "2026-02-16"})))
                .hasMessageContaining("config/terminy-mrpips03.csv: niepoprawny wiersz „2025-X;2026-02-16”");
    }
}
