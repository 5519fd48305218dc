package pl.mops.reports.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The forecast arithmetic, worked out by hand in src/test/resources/ozps/README.md. */
class OzpsLinearForecastTest {

    private static final List<Integer> TARGETS = List.of(2026, 2027);

    @Test
    void threeYearsGiveTheLeastSquaresLine() {
        // x̄ = 2024, ȳ = 13, b = ((−1)(−3) + 0·1 + 1·2) / 2 = 2.5 → 2026: 13 + 2.5·2 = 18, 2027: 13 + 2.5·3 = 20.5
        Map<Integer, BigDecimal> values = years("10", "14", "15");
        assertThat(LinearForecast.trend(values).slope()).isEqualByComparingTo("2.5");
        assertThat(LinearForecast.forecast(values, TARGETS, 2)).containsExactly(
                Map.entry(2026, new BigDecimal("18.00")), Map.entry(2027, new BigDecimal("20.50")));
        // counts are rounded half up: 20.5 → 21
        assertThat(LinearForecast.forecast(values, TARGETS, 0)).containsExactly(
                Map.entry(2026, new BigDecimal("18")), Map.entry(2027, new BigDecimal("21")));
    }

    @Test
    void aThirdIsRoundedFromTheExactFraction() {
        // 10, 14, 16: ȳ = 40/3, b = 3 → 2026: 40/3 + 6 = 19.333…, 2027: 22.333…
        Map<Integer, BigDecimal> values = years("10", "14", "16");
        assertThat(LinearForecast.forecast(values, TARGETS, 2)).containsExactly(
                Map.entry(2026, new BigDecimal("19.33")), Map.entry(2027, new BigDecimal("22.33")));
        // 1, 2, 4: ȳ = 7/3, b = 1.5 → 2026: 7/3 + 3 = 5.333…, 2027: 6.8333… → 7
        assertThat(LinearForecast.forecast(years("1", "2", "4"), TARGETS, 0)).containsExactly(
                Map.entry(2026, new BigDecimal("5")), Map.entry(2027, new BigDecimal("7")));
    }

    @Test
    void neverBelowZero() {
        // 30, 10, 0: b = −15, ȳ = 40/3 → 2026: 40/3 − 30 < 0 → 0
        assertThat(LinearForecast.forecast(years("30", "10", "0"), TARGETS, 0)).containsExactly(
                Map.entry(2026, new BigDecimal("0")), Map.entry(2027, new BigDecimal("0")));
    }

    @Test
    void yearsWithoutDataAreLeftOut() {
        // only 2024 and 2025: 6 → 8, b = 2 → 2026: 10, 2027: 12
        Map<Integer, BigDecimal> values = years(null, "6", "8");
        assertThat(LinearForecast.trend(values).yearsWithData()).isEqualTo(2);
        assertThat(LinearForecast.forecast(values, TARGETS, 0)).containsExactly(
                Map.entry(2026, new BigDecimal("10")), Map.entry(2027, new BigDecimal("12")));
        // 2023 and 2025 (gap in 2024): 100 → 110, b = 5 → 2026: 115, 2027: 120
        assertThat(LinearForecast.forecast(years("100", null, "110"), TARGETS, 0)).containsExactly(
                Map.entry(2026, new BigDecimal("115")), Map.entry(2027, new BigDecimal("120")));
    }

    @Test
    void oneYearIsFlatAndNoYearIsNoForecast() {
        assertThat(LinearForecast.forecast(years(null, "1234.56", null), TARGETS, 2)).containsExactly(
                Map.entry(2026, new BigDecimal("1234.56")), Map.entry(2027, new BigDecimal("1234.56")));
        Map<Integer, BigDecimal> none = years(null, null, null);
        assertThat(LinearForecast.forecast(none, TARGETS, 0)).containsEntry(2026, null).containsEntry(2027, null);
        assertThat(LinearForecast.trend(none)).isNull();
    }

    @Test
    void amountsKeepTwoDecimals() {
        // 1 000.10, 1 000.20, 1 000.40: b = 0.15, ȳ = 1000.2333… → 2026: 1000.5333… → 1000.53
        assertThat(LinearForecast.forecast(years("1000.10", "1000.20", "1000.40"), TARGETS, 2)).containsExactly(
                Map.entry(2026, new BigDecimal("1000.53")), Map.entry(2027, new BigDecimal("1000.68")));
    }

    private static Map<Integer, BigDecimal> years(String y2023, String y2024, String y2025) {
        Map<Integer, BigDecimal> values = new LinkedHashMap<>();
        values.put(2023, y2023 == null ? null : new BigDecimal(y2023));
        values.put(2024, y2024 == null ? null : new BigDecimal(y2024));
        values.put(2025, y2025 == null ? null : new BigDecimal(y2025));
        return values;
    }
}
