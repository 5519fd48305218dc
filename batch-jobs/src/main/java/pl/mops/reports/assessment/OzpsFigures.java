package pl.mops.reports.assessment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The case-data figures of one run (table {@code ozps_stat}) and the years that have case data at all.
 * A year without data gives {@code null} for every measure ("brak danych"); in a year with data a row the
 * statements did not produce (a reason nobody had) gives 0.
 */
public final class OzpsFigures {

    /** the measures of one table row in one year; a measure the table does not have is {@code null} */
    public record Stat(Long families, Long personsInFamilies, Long recipients, Long benefits, BigDecimal amount,
                       Long decisions) {
    }

    public record Key(String table, String row, int year) {
    }

    /** a measure of {@link Stat}, as a number */
    public enum Measure {
        FAMILIES(s -> decimal(s.families())),
        PERSONS(s -> decimal(s.personsInFamilies())),
        RECIPIENTS(s -> decimal(s.recipients())),
        BENEFITS(s -> decimal(s.benefits())),
        AMOUNT(Stat::amount),
        DECISIONS(s -> decimal(s.decisions()));

        private final Function<Stat, BigDecimal> getter;

        Measure(Function<Stat, BigDecimal> getter) {
            this.getter = getter;
        }

        private static BigDecimal decimal(Long value) {
            return value == null ? null : BigDecimal.valueOf(value);
        }
    }

    private final Map<Key, Stat> stats;
    private final Set<Integer> yearsWithData;

    public OzpsFigures(Map<Key, Stat> stats, Set<Integer> yearsWithData) {
        this.stats = Map.copyOf(stats);
        this.yearsWithData = Set.copyOf(yearsWithData);
    }

    public boolean hasData(int year) {
        return yearsWithData.contains(year);
    }

    /** {@code null} when the year has no case data; 0 when the row had nothing in a year with data */
    public BigDecimal value(String table, String row, int year, Measure measure) {
        if (!hasData(year)) {
            return null;
        }
        Stat stat = stats.get(new Key(table, row, year));
        if (stat == null) {
            return measure == Measure.AMOUNT ? new BigDecimal("0.00") : BigDecimal.ZERO;
        }
        BigDecimal value = measure.getter.apply(stat);
        return value == null ? BigDecimal.ZERO : value;
    }
}
