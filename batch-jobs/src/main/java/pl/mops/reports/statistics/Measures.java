package pl.mops.reports.statistics;

import java.math.BigDecimal;

/**
 * The measures of one group. {@code null} where the measure does not apply to the group
 * (reason groups count families and persons in families only).
 */
public record Measures(long families, Long personsInFamilies, Long recipients, Long benefits, BigDecimal amount) {

    public static final Measures NONE = new Measures(0, 0L, 0L, 0L, BigDecimal.ZERO.setScale(2));
}
