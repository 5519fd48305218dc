package pl.mops.reports.generator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What to generate: how many families, over how many whole years (12-month spans) ending with
 * {@code lastMonth}, and from which seed. The same settings always give the same rows.
 *
 * @param families  number of families (≥ 1)
 * @param years     length of the period in years (≥ 1): 12 × years months ending with {@code lastMonth}
 * @param seed      seed of every random choice
 * @param lastMonth the last month with data (normally the last complete month)
 */
public record GeneratorSettings(int families, int years, long seed, YearMonth lastMonth) {

    public GeneratorSettings {
        Objects.requireNonNull(lastMonth, "lastMonth");
        if (families < 1) {
            throw new IllegalArgumentException("Liczba rodzin musi być dodatnia: " + families);
        }
        if (years < 1 || years > 100) {
            throw new IllegalArgumentException("Liczba lat musi być z zakresu 1–100: " + years);
        }
    }

    /** the settings of {@code demo}: 15 000 families, 2 years, seed 20251 */
    public static GeneratorSettings demo(YearMonth lastMonth) {
        return new GeneratorSettings(15_000, 2, 20251L, lastMonth);
    }

    public YearMonth firstMonth() {
        return lastMonth.minusMonths(12L * years - 1);
    }

    public LocalDate firstDay() {
        return firstMonth().atDay(1);
    }

    public LocalDate lastDay() {
        return lastMonth.atEndOfMonth();
    }
}
