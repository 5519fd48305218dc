package pl.mops.reports.rendering.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A series of a chart.
 *
 * @param name   Polish name shown in the legend
 * @param values one value per category; {@code null} = no value
 * @param dashed draw the line dashed (e.g. a forecast)
 */
public record ChartSeries(String name, List<BigDecimal> values, boolean dashed) {

    public ChartSeries {
        values = Collections.unmodifiableList(new ArrayList<BigDecimal>(values));
    }
}
