package pl.mops.reports.rendering.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A series of a chart.
 *
 * @param name       Polish name shown in the legend (unique within its chart)
 * @param values     one value per category; {@code null} = no value
 * @param dashed     draw the whole line dashed (e.g. the previous year for comparison)
 * @param dashedFrom index of the first category whose incoming segment is drawn dashed, with a hollow marker
 *                   (e.g. the first forecast year of a trend); {@code -1} = none
 */
public record ChartSeries(String name, List<BigDecimal> values, boolean dashed, int dashedFrom) {

    public ChartSeries {
        values = Collections.unmodifiableList(new ArrayList<BigDecimal>(values));
    }

    public ChartSeries(String name, List<BigDecimal> values, boolean dashed) {
        this(name, values, dashed, -1);
    }

    /** a solid line up to category {@code firstForecast - 1}, dashed from there on (the forecast) */
    public static ChartSeries withForecast(String name, List<BigDecimal> values, int firstForecast) {
        return new ChartSeries(name, values, false, firstForecast);
    }

    /** whether the point of category {@code index} (and the segment leading to it) belongs to the dashed part */
    public boolean dashedAt(int index) {
        return dashed || (dashedFrom >= 0 && index >= dashedFrom);
    }
}
