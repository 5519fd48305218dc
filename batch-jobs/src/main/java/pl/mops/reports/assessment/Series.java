package pl.mops.reports.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One row of the assessment over its five columns: the years Y−2, Y−1, Y and the forecast years Y+1, Y+2.
 * A cell is a number, or "brak danych" (no data, or a figure computed from one), or empty (e.g. a ratio with
 * a zero denominator; shown as an en dash).
 */
final class Series {

    static final String NO_DATA = "brak danych";

    private final List<Integer> years;
    private final Map<Integer, BigDecimal> values;
    private final Set<Integer> noData;
    /** observed years whose values rest on incomplete data (a year the snapshot covers only in part) */
    private final Set<Integer> partial;

    private Series(List<Integer> years, Map<Integer, BigDecimal> values, Set<Integer> noData, Set<Integer> partial) {
        this.years = List.copyOf(years);
        this.values = values;
        this.noData = noData;
        this.partial = Set.copyOf(partial);
    }

    /** the observed years (null = brak danych) and their linear forecast at the given scale */
    static Series observed(List<Integer> observedYears, List<Integer> forecastYears, Map<Integer, BigDecimal> observed,
                           int scale) {
        return observed(observedYears, forecastYears, observed, scale, Set.of());
    }

    /**
     * The same, where the values of {@code partialYears} rest on incomplete data: they are shown (and marked by the
     * report) but never used for the forecast, which rests on complete years only.
     */
    static Series observed(List<Integer> observedYears, List<Integer> forecastYears, Map<Integer, BigDecimal> observed,
                           int scale, Set<Integer> partialYears) {
        List<Integer> all = new ArrayList<>(observedYears);
        all.addAll(forecastYears);
        Map<Integer, BigDecimal> values = new HashMap<>();
        Set<Integer> noData = new HashSet<>();
        for (int year : observedYears) {
            BigDecimal value = observed.get(year);
            if (value == null) {
                noData.add(year);
            } else {
                values.put(year, value.setScale(scale, RoundingMode.HALF_UP));
            }
        }
        Map<Integer, BigDecimal> complete = new HashMap<>(values);
        complete.keySet().removeAll(partialYears);
        Map<Integer, BigDecimal> forecast = LinearForecast.forecast(complete, forecastYears, scale);
        for (int year : forecastYears) {
            if (forecast.get(year) == null) {
                noData.add(year);
            } else {
                values.put(year, forecast.get(year));
            }
        }
        Set<Integer> partial = new HashSet<>(partialYears);
        partial.retainAll(values.keySet());
        return new Series(all, values, noData, partial);
    }

    /**
     * A series computed cell by cell from two others (a ratio, a sum): "brak danych" where either is; an
     * empty cell where the function gives {@code null}.
     */
    static Series combine(Series a, Series b, BiFunction<BigDecimal, BigDecimal, BigDecimal> function) {
        Map<Integer, BigDecimal> values = new HashMap<>();
        Set<Integer> noData = new HashSet<>();
        Set<Integer> partial = new HashSet<>(a.partial);
        partial.addAll(b.partial);
        for (int year : a.years) {
            if (a.noData.contains(year) || b.noData.contains(year)) {
                noData.add(year);
            } else if (a.values.get(year) != null && b.values.get(year) != null) {
                BigDecimal value = function.apply(a.values.get(year), b.values.get(year));
                if (value != null) {
                    values.put(year, value);
                }
            }
        }
        return new Series(a.years, values, noData, partial);
    }

    /** the sum of several series ("brak danych" where any of them is); observed years are summed, then forecast */
    static Series sum(List<Integer> observedYears, List<Integer> forecastYears, List<Series> parts, int scale) {
        Map<Integer, BigDecimal> observed = new LinkedHashMap<>();
        Set<Integer> partial = new HashSet<>();
        parts.forEach(p -> partial.addAll(p.partial));
        for (int year : observedYears) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Series part : parts) {
                BigDecimal value = part.noData.contains(year) ? null : part.values.get(year);
                if (value == null) {
                    sum = null;
                    break;
                }
                sum = sum.add(value);
            }
            observed.put(year, sum);
        }
        return observed(observedYears, forecastYears, observed, scale, partial);
    }

    /** a ratio {@code a / b × multiplier} at the given scale; empty where {@code b} is 0 */
    static Series ratio(Series a, Series b, BigDecimal multiplier, int scale) {
        return combine(a, b, (x, y) -> y.signum() == 0 ? null
                : x.multiply(multiplier).divide(y, scale, RoundingMode.HALF_UP));
    }

    /** the same value in every column (a norm) */
    static Series constant(OzpsData data, BigDecimal value) {
        Map<Integer, BigDecimal> values = new HashMap<>();
        for (int year : data.allYears()) {
            values.put(year, value);
        }
        return new Series(data.allYears(), values, new HashSet<>(), Set.of());
    }

    /** whether the value of {@code year} rests on incomplete data */
    boolean partial(int year) {
        return partial.contains(year);
    }

    List<Integer> years() {
        return years;
    }

    /** the value of a year; {@code null} for "brak danych" and for an empty cell */
    BigDecimal at(int year) {
        return values.get(year);
    }

    boolean noData(int year) {
        return noData.contains(year);
    }

    List<BigDecimal> values() {
        List<BigDecimal> list = new ArrayList<>();
        for (int year : years) {
            list.add(values.get(year));
        }
        return list;
    }

    /** the text of each cell without a number: "brak danych", or {@code null} (en dash) */
    List<String> texts() {
        List<String> list = new ArrayList<>();
        for (int year : years) {
            list.add(noData.contains(year) ? NO_DATA : null);
        }
        return list;
    }
}
