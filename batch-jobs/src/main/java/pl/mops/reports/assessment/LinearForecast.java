package pl.mops.reports.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The forecast of the assessment: a least-squares linear trend over the years that have data, evaluated at
 * the forecast years, never below zero and rounded to the scale of the measure (0 decimals for counts).
 *
 * <ul>
 * <li>2 or more years with data: ŷ(t) = ȳ + b·(t − x̄), b = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²;</li>
 * <li>1 year with data: that value (a flat line);</li>
 * <li>no year with data: no forecast ({@code null}, shown as "brak danych").</li>
 * </ul>
 * The arithmetic is exact: the value is one fraction {@code (Σy·Sxx + Sxy·(n·t − Σx)) / (n·Sxx)} with
 * {@code Sxx = nΣx² − (Σx)²} and {@code Sxy = nΣxy − ΣxΣy}, rounded once (half up), so a value that is exactly
 * halfway, e.g. 20.5, rounds the same way on every machine.
 */
public final class LinearForecast {

    /** the fitted line: {@code value(year) = intercept + slope·year} before rounding and clipping at zero */
    public record Trend(int yearsWithData, BigDecimal slope, BigDecimal mean, BigDecimal meanYear) {
    }

    private LinearForecast() {
    }

    /**
     * @param observed one entry per year of the assessment; a {@code null} value = no data for that year
     * @param targets  the years to forecast
     * @param scale    decimals of the result (0 for counts, 2 for amounts and full-time equivalents)
     * @return one entry per target year, {@code null} when no year has data
     */
    public static Map<Integer, BigDecimal> forecast(Map<Integer, BigDecimal> observed, List<Integer> targets, int scale) {
        SortedMap<Integer, BigDecimal> data = withData(observed);
        Map<Integer, BigDecimal> result = new LinkedHashMap<>();
        for (int target : targets) {
            result.put(target, data.isEmpty() ? null : clip(value(data, target, scale)));
        }
        return result;
    }

    /** the fitted line, for footnotes and tests; {@code null} when no year has data */
    public static Trend trend(Map<Integer, BigDecimal> observed) {
        SortedMap<Integer, BigDecimal> data = withData(observed);
        if (data.isEmpty()) {
            return null;
        }
        BigDecimal n = BigDecimal.valueOf(data.size());
        Sums s = sums(data);
        BigDecimal slope = s.sxx.signum() == 0 ? BigDecimal.ZERO : s.sxy.divide(s.sxx, 6, RoundingMode.HALF_UP);
        return new Trend(data.size(), slope.stripTrailingZeros(),
                s.sumY.divide(n, 6, RoundingMode.HALF_UP).stripTrailingZeros(),
                s.sumX.divide(n, 6, RoundingMode.HALF_UP).stripTrailingZeros());
    }

    private static SortedMap<Integer, BigDecimal> withData(Map<Integer, BigDecimal> observed) {
        SortedMap<Integer, BigDecimal> data = new TreeMap<>();
        observed.forEach((year, value) -> {
            if (value != null) {
                data.put(year, value);
            }
        });
        return data;
    }

    private record Sums(BigDecimal sumX, BigDecimal sumY, BigDecimal sxx, BigDecimal sxy) {
    }

    private static Sums sums(SortedMap<Integer, BigDecimal> data) {
        BigDecimal n = BigDecimal.valueOf(data.size());
        BigDecimal sumX = BigDecimal.ZERO;
        BigDecimal sumY = BigDecimal.ZERO;
        BigDecimal sumXX = BigDecimal.ZERO;
        BigDecimal sumXY = BigDecimal.ZERO;
        for (Map.Entry<Integer, BigDecimal> e : data.entrySet()) {
            BigDecimal x = BigDecimal.valueOf(e.getKey());
            BigDecimal y = e.getValue();
            sumX = sumX.add(x);
            sumY = sumY.add(y);
            sumXX = sumXX.add(x.multiply(x));
            sumXY = sumXY.add(x.multiply(y));
        }
        return new Sums(sumX, sumY, n.multiply(sumXX).subtract(sumX.multiply(sumX)),
                n.multiply(sumXY).subtract(sumX.multiply(sumY)));
    }

    private static BigDecimal value(SortedMap<Integer, BigDecimal> data, int target, int scale) {
        if (data.size() == 1) {
            return data.get(data.firstKey()).setScale(scale, RoundingMode.HALF_UP);
        }
        BigDecimal n = BigDecimal.valueOf(data.size());
        Sums s = sums(data);
        BigDecimal numerator = s.sumY.multiply(s.sxx)
                .add(s.sxy.multiply(n.multiply(BigDecimal.valueOf(target)).subtract(s.sumX)));
        return numerator.divide(n.multiply(s.sxx), scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal clip(BigDecimal value) {
        return value.signum() < 0 ? BigDecimal.ZERO.setScale(value.scale()) : value;
    }
}
